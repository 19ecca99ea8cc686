using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Themes;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Core.Tests.Commands;

public sealed class TopicResolverTests
{
    private static readonly WorkspaceId Workspace = WorkspaceId.New();

    private static readonly Theme[] Themes =
    [
        Theme("slow-dashboards"),
        Theme("export-timeouts", "export"),
        Theme("sso-setup", "single-sign-on"),
        Theme("access-requests"),
    ];

    [Theory]
    [InlineData("slow dashboards", "slow-dashboards")]
    [InlineData("Slow Dashboard", "slow-dashboards")]
    [InlineData("export timeouts", "export-timeouts")]
    [InlineData("exports", "export-timeouts")]
    [InlineData("export", "export-timeouts")]
    [InlineData("single sign on", "sso-setup")]
    [InlineData("access request", "access-requests")]
    public void ReadsTheTopicAsATheme_WhenAThemesNameOrAliasIsThoseWords(string topic, string theme)
    {
        var filters = TopicResolver.Resolve(new QueryFilters(Segment: "buyer", Topic: topic), Themes);

        Assert.Equal(new QueryFilters(Segment: "buyer", Theme: theme), filters);
    }

    [Theory]
    [InlineData("SSO")]
    [InlineData("slow")]
    [InlineData("dashboards loading slowly")]
    public void KeepsTheTopicAsWords_WhenNoThemeIsNamedSo(string topic)
    {
        var asked = new QueryFilters(Topic: topic);

        Assert.Equal(asked, TopicResolver.Resolve(asked, Themes));
    }

    [Fact]
    public void KeepsTheTopicAsWords_WhenAThemeWasAlreadyNamed()
    {
        var asked = new QueryFilters(Theme: "sso-setup", Topic: "exports");

        Assert.Equal(asked, TopicResolver.Resolve(asked, Themes));
    }

    private static Theme Theme(string name, params string[] aliases) =>
        new(Guid.NewGuid(), Workspace, name, aliases, ThemeStatus.Open, null, null, DateTimeOffset.UnixEpoch);
}
