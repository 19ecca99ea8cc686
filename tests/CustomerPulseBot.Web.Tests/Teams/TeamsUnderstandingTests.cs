using System.Net;
using System.Text.Json.Nodes;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Themes;
using CustomerPulseBot.TestKit;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Web.Tests.Teams;

/// <summary>
/// The actions on issue 8's cards as Teams sends them (adaptiveCard/action invokes, with the data the card carries):
/// save a question as a quote after all, Undo, Edit saved in place, delete by id, all of a theme's quotes, and a forged
/// all-quotes search refused. Run on SQLite and PostgreSQL; the tenant is shared, so each test finds its own rows by a
/// unique word.
/// </summary>
public abstract class TeamsUnderstandingTests(TeamsHost host) : IAsyncLifetime
{
    public Task InitializeAsync() => host.InitializeAsync();

    public Task DisposeAsync() => host.DisposeAsync();

    [Fact]
    public async Task StoresNothingForAQuestion_ThenExactlyOne_WhenSaveItAsACustomerQuoteIsExecuted()
    {
        var marker = Marker();
        var conversation = TeamsActivities.NewConversation();
        await host.PostAsync(TeamsActivities.Message(host.Connector.ServiceUrl, conversation, $"why do exports keep failing for {marker}?"));
        var card = Assert.Single(host.CallsFor(conversation)).Card!;
        var stored = await FindAsync(marker);
        var save = Actions(card).Single(a => (string?)a["verb"] == "saveQuote");

        var answer = await ExecuteAsync(conversation, save);

        Assert.Empty(stored);
        Assert.Equal($"why do exports keep failing for {marker}?", (string?)save["data"]!["text"]);
        Assert.Contains("Signal captured", TeamsHost.Texts(answer["value"]));
        var signal = Assert.Single(await FindAsync(marker));
        Assert.Equal(("aad-ana", $"why do exports keep failing for {marker}?"), (signal.CapturedBy.Id, signal.Quote));
    }

    [Fact]
    public async Task StoresTheWordsOnce_WhenAClientWithoutUniversalActionsSendsSaveAsAMessage()
    {
        var marker = Marker();
        var conversation = TeamsActivities.NewConversation();
        var activity = TeamsActivities.Message(host.Connector.ServiceUrl, conversation, "");
        activity.Remove("text");
        activity["replyToId"] = "1700000000002";
        activity["value"] = new JsonObject { ["action"] = "saveQuote", ["text"] = $"what happened to {marker}?" };

        var response = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Signal captured", TeamsHost.Texts(Assert.Single(host.CallsFor(conversation)).Card));
        Assert.Equal($"what happened to {marker}?", Assert.Single(await FindAsync(marker)).Quote);
    }

    [Fact]
    public async Task RemovesTheCaptureForItsCapturerOnly_WhenUndoIsExecuted()
    {
        var marker = Marker();
        var confirmation = await CaptureAsync($"Exports time out on Mondays {marker} customer:Acme");
        var undo = Actions(confirmation.Card).Single(a => (string?)a["verb"] == "undoCapture");

        var byOther = await ExecuteAsync(confirmation.Conversation, undo, user: "aad-bo");
        var keptForOther = await FindAsync(marker);
        var byCapturer = await ExecuteAsync(confirmation.Conversation, undo);

        Assert.DoesNotContain("Removed", TeamsHost.Texts(byOther["value"]));
        Assert.Single(keptForOther);
        Assert.Contains("Removed", TeamsHost.Texts(byCapturer["value"]));
        Assert.Empty(await FindAsync(marker));
    }

    [Fact]
    public async Task ReturnsThePrefilledFormAndSavesInPlace_WhenEditIsExecutedThenSaved()
    {
        var marker = Marker();
        var confirmation = await CaptureAsync($"SSO setup took a week {marker} customer:Initech segment:enterprize");
        var original = Assert.Single(await FindAsync(marker));
        var edit = Actions(confirmation.Card).Single(a => (string?)a["verb"] == "editCapture");

        var form = (await ExecuteAsync(confirmation.Conversation, edit))["value"]!.AsObject();
        var save = Assert.Single(Actions(form));
        var data = save["data"]!.DeepClone().AsObject();
        foreach (var input in form["body"]!.AsArray().OfType<JsonObject>().Where(e => ((string?)e["type"])!.StartsWith("Input.", StringComparison.Ordinal)))
        {
            data[(string)input["id"]!] = input["value"]?.DeepClone();
        }

        data[CaptureField.Quote] = $"SSO setup took a week {marker}, and IT gave up twice";
        data[CaptureField.Segment] = "enterprise";
        var saved = await ExecuteAsync(confirmation.Conversation, new JsonObject { ["verb"] = save["verb"]!.DeepClone(), ["data"] = data });

        Assert.Contains("Left out", TeamsHost.Texts(confirmation.Card));
        Assert.Equal($"SSO setup took a week {marker}", (string?)Input(form, CaptureField.Quote)["value"]);
        Assert.Equal(original.Id.ToString("N"), (string?)save["data"]!["editing"]);
        Assert.Contains("Signal updated", TeamsHost.Texts(saved["value"]));
        var signal = Assert.Single(await FindAsync(marker));
        Assert.Equal((original.Id, $"SSO setup took a week {marker}, and IT gave up twice", "enterprise"), (signal.Id, signal.Quote, signal.Segment));
    }

    [Fact]
    public async Task RemovesTheSignal_WhenDeleteNamesItsShortId()
    {
        var marker = Marker();
        await CaptureAsync($"Billing page crashed {marker} customer:Hooli");
        var signal = Assert.Single(await FindAsync(marker));
        var conversation = TeamsActivities.NewConversation();

        await host.PostAsync(TeamsActivities.Message(host.Connector.ServiceUrl, conversation, $"delete {signal.ShortId}"));

        Assert.Contains("Removed", TeamsHost.Texts(Assert.Single(host.CallsFor(conversation)).Card));
        Assert.Empty(await FindAsync(marker));
    }

    [Fact]
    public async Task ListsTheThemesQuotesInPlace_WhenAllQuotesIsExecutedUnderTheRanking()
    {
        var marker = Marker();
        await CaptureAsync($"Exports time out on big reports {marker} customer:Acme #export-timeouts");
        var conversation = TeamsActivities.NewConversation();
        await host.PostAsync(TeamsActivities.Message(host.Connector.ServiceUrl, conversation, "top this week"));
        var all = Actions(Assert.Single(host.CallsFor(conversation)).Card!).Single(a =>
            (string?)a["verb"] == "allQuotes" && ((string?)a["data"]!["text"])!.StartsWith("search #export-timeouts ", StringComparison.Ordinal));

        var answer = await ExecuteAsync(conversation, all);

        Assert.Equal(200, (int?)answer["statusCode"]);
        Assert.Contains(marker, TeamsHost.Texts(answer["value"]));
    }

    [Theory]
    [InlineData("theme ship export-timeouts")]
    [InlineData("digest off")]
    [InlineData("Forged quote customer:Acme #export-timeouts")]
    public async Task RunsNothingAndLogsIt_WhenAllQuotesCarriesSomethingOtherThanASearch(string forged)
    {
        var marker = Marker();
        await CaptureAsync($"Exports time out {marker} customer:Acme #export-timeouts");
        var workspace = await host.WorkspaceAsync();
        var before = await host.Store.CountSignalsAsync(workspace.Id, new SignalFilter(), CancellationToken.None);
        var action = new JsonObject { ["verb"] = "allQuotes", ["data"] = new JsonObject { ["action"] = "allQuotes", ["text"] = forged } };

        var answer = await ExecuteAsync(TeamsActivities.NewConversation(), action);

        Assert.Equal(400, (int?)answer["statusCode"]);
        Assert.Equal(before, await host.Store.CountSignalsAsync(workspace.Id, new SignalFilter(), CancellationToken.None));
        Assert.Equal(ThemeStatus.Open, (await host.Store.FindThemeAsync(workspace.Id, "export-timeouts", CancellationToken.None))!.Status);
        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Refused card action allQuotes"));
    }

    private static string Marker() => $"m{Guid.NewGuid():N}";

    private async Task<(string Conversation, JsonObject Card)> CaptureAsync(string text)
    {
        var conversation = TeamsActivities.NewConversation();
        await host.PostAsync(TeamsActivities.Message(host.Connector.ServiceUrl, conversation, text));
        return (conversation, Assert.Single(host.CallsFor(conversation)).Card!);
    }

    /// <summary>Clicks an Action.Execute as Teams does: an adaptiveCard/action invoke with its verb and data.</summary>
    private async Task<JsonObject> ExecuteAsync(string conversation, JsonObject action, string user = "aad-ana")
    {
        var activity = TeamsActivities.Invoke(host.Connector.ServiceUrl, conversation, "adaptiveCard/action", new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = action["verb"]!.DeepClone(), ["data"] = action["data"]!.DeepClone() },
        });
        activity["from"]!["aadObjectId"] = user;
        var response = await host.PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await TeamsHost.JsonAsync(response);
    }

    private static List<JsonObject> Actions(JsonNode card) => [.. Descendants(card).Where(o => (string?)o["type"] == "Action.Execute")];

    private static IEnumerable<JsonObject> Descendants(JsonNode? node) => node switch
    {
        JsonObject o => [o, .. o.SelectMany(p => Descendants(p.Value))],
        JsonArray a => a.SelectMany(Descendants),
        _ => [],
    };

    private static JsonObject Input(JsonObject card, string id) =>
        card["body"]!.AsArray().OfType<JsonObject>().Single(e => (string?)e["id"] == id);

    private async Task<IReadOnlyList<Signal>> FindAsync(string marker) =>
        await host.Store.FindSignalsAsync((await host.WorkspaceAsync()).Id, new SignalFilter(Text: marker), 5, CancellationToken.None);
}

public sealed class SqliteTeamsUnderstandingTests() : TeamsUnderstandingTests(new TeamsHost());

[Collection(PostgresDatabase.Name)]
public sealed class PostgresTeamsUnderstandingTests(PostgresFixture postgres) : TeamsUnderstandingTests(TeamsHost.OnPostgres(postgres.ConnectionString));
