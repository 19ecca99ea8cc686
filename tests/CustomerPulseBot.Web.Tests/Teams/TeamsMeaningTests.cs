using System.Text.Json.Nodes;
using CustomerPulseBot.Core.Meaning;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Workspaces;
using CustomerPulseBot.Web.Tests.Meaning;
using Moq;

namespace CustomerPulseBot.Web.Tests.Teams;

/// <summary>
/// Themes by meaning through the real pipeline: a message captures or asks, the reply card's Action.Execute buttons
/// come back as adaptiveCard/action invokes, and the answer card is the invoke's response. The meaning service gives
/// fixed answers (see MeaningDoubles).
/// </summary>
public sealed class TeamsMeaningTests : IAsyncLifetime
{
    private readonly MeaningDoubles meaning = new();
    private readonly TeamsHost host;

    public TeamsMeaningTests() => host = TeamsHost.With(meaning.Register);

    public Task InitializeAsync() => host.InitializeAsync();

    public Task DisposeAsync() => host.DisposeAsync();

    [Fact]
    public async Task TagsTheCaptureAsThePersonsChoice_WhenAddIsClicked()
    {
        meaning.AfterEveryCapture(_ => new CaptureMeaning(new ThemeGuess("export-timeouts", 0.7f, false), null, null));
        var (conversation, card) = await SendAsync("Exports stall after a minute customer:Acme");

        var answer = await ClickAsync(conversation, Action(card, "addTheme"));

        Assert.Contains("Looks like", TeamsHost.Texts(card));
        Assert.Contains("#export-timeouts", TeamsHost.Texts(card));
        Assert.Contains("Signal updated", TeamsHost.Texts(answer));
        var signal = Assert.Single(await SignalsAsync());
        Assert.Equal(["export-timeouts"], signal.Themes);
        Assert.Empty(signal.SuggestedThemes);
    }

    [Fact]
    public async Task TagsTheCaptureWithTheTypedName_WhenNewThemeIsClicked()
    {
        meaning.AfterEveryCapture(_ => new CaptureMeaning(new ThemeGuess("export-timeouts", 0.7f, false), null, null));
        var (conversation, card) = await SendAsync("The report download dies");
        var data = Action(card, "newTheme");
        data["newThemeName"] = "Report Downloads";

        var answer = await ClickAsync(conversation, data);

        Assert.Contains("#report-downloads (new)", TeamsHost.Texts(answer));
        Assert.Equal(["report-downloads"], Assert.Single(await SignalsAsync()).Themes);
    }

    [Fact]
    public async Task RemovesTheSuggestedTag_WhenRemoveIsClicked()
    {
        meaning.AfterEveryCapture(_ => new CaptureMeaning(new ThemeGuess("export-timeouts", 0.95f, true), "export-timeouts", null));
        var (conversation, card) = await SendAsync("Exports stall after a minute #export-timeouts");

        var answer = await ClickAsync(conversation, Action(card, "removeTheme"));

        Assert.Contains("(suggested)", TeamsHost.Texts(card));
        Assert.Contains("none (add #theme-name next time to group it)", TeamsHost.Texts(answer));
        Assert.Empty(Assert.Single(await SignalsAsync()).Themes);
    }

    [Fact]
    public async Task MergesTheCaptureIntoTheEarlierQuote_WhenMergeIsClicked()
    {
        await SendAsync("Exports time out customer:Acme");
        var earlier = Assert.Single(await SignalsAsync());
        meaning.AfterEveryCapture(_ => new CaptureMeaning(null, null, Row(earlier)));
        var (conversation, card) = await SendAsync("Exports time out again customer:Acme");
        var again = (await SignalsAsync()).Single(s => s.Id != earlier.Id);

        var answer = await ClickAsync(conversation, Action(card, "mergeDuplicate"));

        Assert.Contains("Similar to a quote from the same customer captured on", TeamsHost.Texts(card));
        Assert.Contains("Merged with the quote captured on", TeamsHost.Texts(answer));
        Assert.Equal([earlier.Id], (await SignalsAsync()).Select(s => s.Id));
        Assert.NotEqual(earlier.Id, again.Id);
    }

    [Fact]
    public async Task TagsEveryQuoteOfTheCandidate_WhenCreateThemeIsClicked()
    {
        await SendAsync("SSO sends me back to the login page customer:Acme");
        await SendAsync("Login keeps looping with Okta customer:Globex");
        var signals = await SignalsAsync();
        meaning.Meaning.Setup(m => m.DiscoverAsync(It.IsAny<WorkspaceId>(), It.IsAny<DateRange>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([new CandidateTheme("sso-login-loops", [.. signals.Select(s => s.Id)], 2, [.. signals.Select(Row)])]);
        var (conversation, card) = await SendAsync("themes new");

        var answer = await ClickAsync(conversation, Action(card, "createTheme"));

        Assert.Contains(" · 2 quotes from 2 customers", TeamsHost.Texts(card));
        Assert.Contains("Created #sso-login-loops", TeamsHost.Texts(answer));
        Assert.All(await SignalsAsync(), s => Assert.Equal(["sso-login-loops"], s.Themes));
    }

    [Theory]
    [InlineData("createTheme", "2 1700000000 1700600000 sso-login-loops 0123456789abcdef0123456789abcdef,<script>")]
    [InlineData("addTheme", null)]
    [InlineData("mergeDuplicate", "not an id at all")]
    public async Task RefusesAndChangesNothing_WhenAnActionsValueIsForgedOrMissing(string verb, string? value)
    {
        var data = new JsonObject { ["action"] = verb };
        if (value is not null)
        {
            data["value"] = value;
        }

        var answer = await ClickAsync(TeamsActivities.NewConversation(), data);

        Assert.Contains("Nothing was done", TeamsHost.Texts(answer));
        Assert.All(await SignalsAsync(), s => Assert.Empty(s.Themes));
        Assert.Empty(await host.Store.GetThemesAsync((await host.WorkspaceAsync()).Id, CancellationToken.None));
    }

    private async Task<(string Conversation, JsonNode Card)> SendAsync(string text)
    {
        var conversation = TeamsActivities.NewConversation();
        await host.PostAsync(TeamsActivities.Message(host.Connector.ServiceUrl, conversation, text));
        return (conversation, Assert.Single(host.CallsFor(conversation)).Card!);
    }

    private async Task<JsonNode> ClickAsync(string conversation, JsonObject data)
    {
        var activity = TeamsActivities.Invoke(host.Connector.ServiceUrl, conversation, "adaptiveCard/action", new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = (string?)data["action"], ["data"] = data },
        });
        var response = await TeamsHost.JsonAsync(await host.PostAsync(activity));
        return response["value"]!;
    }

    // The data of the one Action.Execute with the verb, anywhere in the card.
    private static JsonObject Action(JsonNode card, string verb) =>
        All(card).Single(n => (string?)n["type"] == "Action.Execute" && (string?)n["verb"] == verb)["data"]!.DeepClone().AsObject();

    private static IEnumerable<JsonObject> All(JsonNode? node) => node switch
    {
        JsonObject o => o.Select(p => p.Value).SelectMany(All).Prepend(o),
        JsonArray a => a.SelectMany(All),
        _ => [],
    };

    private static MeaningRow Row(Signal s) => new(s.Id, s.Quote, [1f], s.Themes, [], s.Customer, s.Customer?.ToLowerInvariant(), s.SaidAt, s.CapturedAt, null);

    private async Task<IReadOnlyList<Signal>> SignalsAsync() =>
        await host.Store.FindSignalsAsync((await host.WorkspaceAsync()).Id, new SignalFilter(), 10, CancellationToken.None);
}
