using System.Net.Http.Json;
using System.Net;
using CustomerPulseBot.TestKit;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CustomerPulseBot.Web.Tests;

/// <summary>The playground can read and write any of its workspaces, so it exists only where it is meant to.</summary>
public sealed class PlaygroundSwitchTests
{
    [Theory]
    [InlineData("/playground")]
    [InlineData("/playground/assets/playground.js")]
    public async Task AnswersNotFound_WhenRunningOutsideDevelopment(string path)
    {
        await using var app = PulseAppFactory.Sqlite("Production");
        using var http = app.CreateClient();

        using var page = await http.GetAsync(path);
        using var api = await http.PostAsync("/playground/api/messages", JsonContent.Create(new { workspace = "W", user = "Ada", text = "help" }));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
    }

    [Theory]
    [InlineData("Production", "true")]
    [InlineData("Development", null)]
    public async Task ServesThePage_WhenEnabledOrInDevelopment(string environment, string? enabled)
    {
        await using var app = PulseAppFactory.Sqlite(environment, ("Playground:Enabled", enabled));
        using var http = app.CreateClient();

        using var page = await http.GetAsync("/playground");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/playground/assets/lib/adaptivecards.min.js", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpensThePlaygroundAtTheRoot_WhenItIsOn()
    {
        await using var app = PulseAppFactory.Sqlite("Development");
        using var http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var root = await http.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/playground", root.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AnswersAShortStatusPageAtTheRoot_WhenThePlaygroundIsOff()
    {
        await using var app = PulseAppFactory.Sqlite("Production");
        using var http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var root = await http.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, root.StatusCode);
        Assert.Equal("text/plain", root.Content.Headers.ContentType?.MediaType);
        var page = await root.Content.ReadAsStringAsync();
        Assert.StartsWith("CustomerPulseBot is running.", page);
        Assert.Contains("/health", page);
        Assert.Contains("Playground:Enabled", page);
    }

    [Fact]
    public async Task ServesTheVendoredAdaptiveCardsLibrary_WhenItMatchesThePinnedNpmPackage()
    {
        var npmCopy = Checkout.PathOf("tests", "interop", "node_modules", "adaptivecards", "dist", "adaptivecards.min.js");
        Assert.True(File.Exists(npmCopy), $"{npmCopy} is missing: run 'npm ci --prefix tests/interop' (.ci/run does).");
        await using var app = PulseAppFactory.Sqlite();
        using var http = app.CreateClient();

        var served = await http.GetByteArrayAsync("/playground/assets/lib/adaptivecards.min.js");

        Assert.True(served.SequenceEqual(File.ReadAllBytes(npmCopy)),
            "The adaptivecards.min.js under src/CustomerPulseBot.Web/Playground/assets/lib differs from the version pinned in tests/interop: copy the new one.");
    }
}
