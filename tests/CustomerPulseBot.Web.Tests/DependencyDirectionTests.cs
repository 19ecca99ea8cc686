using System.Reflection;
using System.Xml.Linq;
using CustomerPulseBot.TestKit;

namespace CustomerPulseBot.Web.Tests;

/// <summary>
/// Every reference points towards Core (STYLE.md, "Projects and dependency direction"): checked in the
/// project files, and in the compiled assemblies in case a reference arrives some other way.
/// </summary>
public sealed class DependencyDirectionTests
{
    [Theory]
    [InlineData("CustomerPulseBot.Core", new string[0])]
    [InlineData("CustomerPulseBot.Storage", new[] { "CustomerPulseBot.Core" })]
    [InlineData("CustomerPulseBot.Slack", new[] { "CustomerPulseBot.Core" })]
    [InlineData("CustomerPulseBot.Teams", new[] { "CustomerPulseBot.Core" })]
    [InlineData("CustomerPulseBot.Meaning", new[] { "CustomerPulseBot.Core" })]
    public void ReferencesOnlyProjectsTowardsCore_WhenBuilt(string project, string[] allowed)
    {
        var compiled = Assembly.Load(new AssemblyName(project)).GetReferencedAssemblies().Select(a => a.Name ?? "");
        var declared = XDocument.Load(Checkout.PathOf("src", project, $"{project}.csproj"))
            .Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")?.Value.Replace('\\', '/') ?? ""));

        var ours = compiled.Concat(declared).Where(name => name.StartsWith("CustomerPulseBot.", StringComparison.Ordinal)).Distinct();

        Assert.All(ours, name => Assert.Contains(name, allowed));
    }
}
