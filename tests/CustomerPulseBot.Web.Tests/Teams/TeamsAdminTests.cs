using System.Net;
using System.Text.Json.Nodes;

namespace CustomerPulseBot.Web.Tests.Teams;

/// <summary>
/// Admin commands over real authenticated activities: a team's roster (the fake Connector's members endpoint) says who
/// owns the team; in a personal chat only the installer and the people added count. Each test has a tenant of its own.
/// </summary>
public sealed class TeamsAdminTests : IAsyncLifetime
{
    private const string Merge = "theme merge slow-dash slow-dashboard";
    private static readonly JsonObject Ana = new() { ["id"] = "29:1ana", ["name"] = "Ana Lima", ["aadObjectId"] = "aad-ana" };
    private static readonly JsonObject Ben = new() { ["id"] = "29:1ben", ["name"] = "Ben Ortiz", ["aadObjectId"] = "aad-ben" };

    private readonly TeamsHost host = new();

    public async Task InitializeAsync()
    {
        await host.InitializeAsync();
        await SayAsync(TeamsActivities.NewConversation(), Ana, $"Dashboards crawl {Guid.NewGuid():N} customer:Acme #slow-dash");
        await SayAsync(TeamsActivities.NewConversation(), Ana, $"Charts take a minute {Guid.NewGuid():N} customer:Globex #slow-dashboard");
    }

    public Task DisposeAsync() => host.DisposeAsync();

    [Fact]
    public async Task MergesThemes_WhenTheTeamsRosterSaysThePersonOwnsTheTeam()
    {
        host.Connector.AddMember("29:1ana", "aad-ana", "Ana Lima", userRole: "owner");

        var answer = await SayInTeamAsync("team-customer-success", Ana, Merge);

        Assert.Contains("Merged #slow-dash into #slow-dashboard", answer);
        Assert.Contains(host.Connector.Calls, c => (c.Method, c.Path) == ("GET", "v3/conversations/team-customer-success/members/aad-ana"));
        Assert.Equal("slow-dashboard", await ThemeNameAsync("slow-dash"));
    }

    [Fact]
    public async Task RefusesAndNamesWhoCan_WhenTheRosterSaysAnOrdinaryMember()
    {
        host.Connector.AddMember("29:1ben", "aad-ben", "Ben Ortiz", userRole: "user");

        var answer = await SayInTeamAsync("team-customer-success", Ben, Merge);

        Assert.Contains("Only workspace admins can merge themes", answer);
        Assert.Contains("Workspace admins here are Teams team owners (in the team's channels), and anyone an admin adds with admins add. Ask one of them.", answer);
        Assert.Contains(Merge, answer);
        Assert.Equal("slow-dash", await ThemeNameAsync("slow-dash"));
    }

    [Fact]
    public async Task CountsThePersonAsNoOwnerAndSaysSo_WhenTheRosterFails()
    {
        host.Connector.AddMember("29:1ana", "aad-ana", "Ana Lima", userRole: "owner");
        host.Connector.AnswerNext(500, "{\"error\":{\"code\":\"ServiceError\"}}");

        var answer = await SayInTeamAsync("team-customer-success", Ana, Merge);

        Assert.Contains("Only workspace admins can merge themes", answer);
        Assert.Contains("I could not check just now whether you are one (no answer in time), so nothing was changed", answer);
        Assert.Equal("slow-dash", await ThemeNameAsync("slow-dash"));
    }

    [Fact]
    public async Task LetsOnlyTheInstallerMergeThemes_InAPersonalChat()
    {
        await host.PostAsync(TeamsActivities.Base("installationUpdate", host.Connector.ServiceUrl, TeamsActivities.NewConversation(), "personal", TeamsHost.Tenant,
            new() { ["action"] = "add", ["from"] = Ana.DeepClone() }));

        var refused = await SayAsync(TeamsActivities.NewConversation(), Ben, Merge);
        var merged = await SayAsync(TeamsActivities.NewConversation(), Ana, Merge);

        Assert.Contains("Only workspace admins can merge themes", refused);
        Assert.Contains("Ana Lima (who installed the app)", refused);
        Assert.Contains("Merged #slow-dash into #slow-dashboard", merged);
        Assert.DoesNotContain(host.Connector.Calls, c => c.Method == "GET");
    }

    [Fact]
    public async Task LetsSomeoneTheInstallerMentionedInAdminsAddMergeThemes()
    {
        await host.PostAsync(TeamsActivities.Base("installationUpdate", host.Connector.ServiceUrl, TeamsActivities.NewConversation(), "personal", TeamsHost.Tenant,
            new() { ["action"] = "add", ["from"] = Ana.DeepClone() }));
        host.Connector.AddMember("29:1ben", "aad-ben", "Ben Ortiz");
        var chat = TeamsActivities.NewConversation("groupChat");
        var mention = new JsonObject
        {
            ["type"] = "mention", ["text"] = "<at>Ben Ortiz</at>", ["mentioned"] = new JsonObject { ["id"] = "29:1ben", ["name"] = "Ben Ortiz" },
        };

        var added = await SayAsync(chat, Ana, "admins add <at>Ben Ortiz</at>", "groupChat", new JsonArray(mention));
        var merged = await SayAsync(TeamsActivities.NewConversation(), Ben, Merge);

        Assert.Contains("Ben Ortiz is now a workspace admin", added);
        Assert.Contains(host.Connector.Calls, c => (c.Method, c.Path) == ("GET", $"v3/conversations/{chat}/members/29:1ben"));
        Assert.Contains("Merged #slow-dash into #slow-dashboard", merged);
    }

    private Task<string> SayInTeamAsync(string team, JsonObject from, string text)
    {
        var channel = TeamsActivities.NewConversation("channel");
        return SayAsync(channel, from, text, "channel", team: team);
    }

    /// <summary>Sends the message as <paramref name="from"/> and returns what the bot's reply card says.</summary>
    private async Task<string> SayAsync(string conversation, JsonObject from, string text, string kind = "personal", JsonArray? entities = null, string? team = null)
    {
        var activity = TeamsActivities.Message(host.Connector.ServiceUrl, conversation, text, kind);
        activity["from"] = from.DeepClone();
        if (entities is not null)
        {
            activity["entities"] = entities.DeepClone();
        }

        if (team is not null)
        {
            activity["channelData"]!["team"] = new JsonObject { ["id"] = team, ["name"] = "Customer Success" };
            activity["channelData"]!["channel"] = new JsonObject { ["id"] = conversation, ["name"] = "General" };
        }

        var response = await host.PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return TeamsHost.Texts(host.CallsFor(conversation).Last(c => c.Method == "POST").Card);
    }

    private async Task<string?> ThemeNameAsync(string name)
    {
        var workspace = await host.WorkspaceAsync();
        return (await host.Store.FindThemeAsync(workspace.Id, name, CancellationToken.None))?.Name;
    }
}
