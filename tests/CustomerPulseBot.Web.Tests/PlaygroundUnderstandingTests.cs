using System.Net;
using System.Text.Json.Nodes;
using CustomerPulseBot.Core;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Themes;
using CustomerPulseBot.Core.Workspaces;
using CustomerPulseBot.TestKit;
using CustomerPulseBot.Web.Tests.Slack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Web.Tests;

/// <summary>
/// The playground API as the page uses it: questions store nothing until the card's "Save it as a customer quote
/// instead" is clicked; Undo, Edit and delete; "All N quotes" runs only searches; a refused text is marked so the page
/// keeps it in the composer. Card actions go to /playground/api/capture with the action's data, as the page sends them.
/// </summary>
public abstract class PlaygroundUnderstandingTests(PulseAppFactory app) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task StoresNothingForTwentyQuestions_ThenExactlyOne_WhenSaveItAsACustomerQuoteIsClicked()
    {
        var playground = new PlaygroundClient(app);
        var offers = new List<JsonObject>();
        foreach (var question in SlackUnderstandingTests.Questions)
        {
            var answer = await playground.SayAsync(question);
            Assert.Null(answer.Outcome);
            offers.AddRange(answer.Actions.Where(a => (string?)a["verb"] == "saveQuote"));
        }

        var afterQuestions = await playground.CountSignalsAsync();
        var offer = offers.Single(a => (string?)a["data"]!["text"] == "is the export problem getting worse?");
        var saved = await playground.ActAsync(offer["data"]!);

        Assert.Equal(0, afterQuestions);
        Assert.Equal(SlackUnderstandingTests.Questions, offers.Select(a => (string?)a["data"]!["text"]));
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.True(saved.Shows("Signal captured"), string.Join(" | ", saved.Strings));
        Assert.Equal(1, await playground.CountSignalsAsync());
        var signal = Assert.Single(await SignalsAsync(playground));
        Assert.Equal(("is the export problem getting worse?", "Ada"), (signal.Quote, signal.CapturedBy.Id));
        Assert.Equal(["undoCapture", "editCapture"], saved.Actions.Select(a => (string?)a["verb"]));
    }

    [Fact]
    public async Task RemovesTheCaptureForItsCapturerOnly_WhenUndoIsClicked()
    {
        var playground = new PlaygroundClient(app);
        var confirmation = await playground.SayAsync("Exports time out every Monday customer:Acme #export-timeouts");
        var undo = confirmation.Actions.Single(a => (string?)a["verb"] == "undoCapture");

        var byOther = await playground.ActAsync(undo["data"]!, user: "Bo");
        var afterOther = await playground.CountSignalsAsync();
        var byCapturer = await playground.ActAsync(undo["data"]!);

        Assert.False(byOther.Shows("Removed"), string.Join(" | ", byOther.Strings));
        Assert.Equal(1, afterOther);
        Assert.True(byCapturer.Shows("Removed"), string.Join(" | ", byCapturer.Strings));
        Assert.Equal(0, await playground.CountSignalsAsync());
        var top = await playground.SayAsync("top this week");
        Assert.False(top.Shows("Exports time out every Monday"), string.Join(" | ", top.Strings));
    }

    [Fact]
    public async Task ReturnsThePrefilledFormAndSavesInPlace_WhenEditIsClickedThenSaved()
    {
        var playground = new PlaygroundClient(app);
        var confirmation = await playground.SayAsync("SSO setup took a week customer:Initech segment:enterprize");
        var original = Assert.Single(await SignalsAsync(playground));

        var form = await playground.ActAsync(confirmation.Actions.Single(a => (string?)a["verb"] == "editCapture")["data"]!);
        var save = Assert.Single(form.Actions);
        var data = save["data"]!.DeepClone().AsObject();
        foreach (var input in form.Body["body"]!.AsArray().OfType<JsonObject>().Where(e => ((string?)e["type"])!.StartsWith("Input.", StringComparison.Ordinal)))
        {
            data[(string)input["id"]!] = input["value"]?.DeepClone();
        }

        data[CaptureField.Quote] = "SSO setup took a week, and IT gave up twice";
        data[CaptureField.Segment] = "enterprise";
        var saved = await playground.ActAsync(data);

        Assert.True(confirmation.Shows("Left out"), string.Join(" | ", confirmation.Strings));
        Assert.True(form.Shows("Edit the customer signal"), string.Join(" | ", form.Strings));
        Assert.True(saved.Shows("Signal updated"), string.Join(" | ", saved.Strings));
        var signal = Assert.Single(await SignalsAsync(playground));
        Assert.Equal((original.Id, "SSO setup took a week, and IT gave up twice", "enterprise"), (signal.Id, signal.Quote, signal.Segment));
    }

    [Fact]
    public async Task RemovesTheSignal_WhenDeleteNamesItsShortId()
    {
        var playground = new PlaygroundClient(app);
        await playground.SayAsync("Billing page crashed customer:Hooli");
        var signal = Assert.Single(await SignalsAsync(playground));

        var answer = await playground.SayAsync($"delete {signal.ShortId}");

        Assert.True(answer.Shows("Removed"), string.Join(" | ", answer.Strings));
        Assert.Equal(0, await playground.CountSignalsAsync());
    }

    [Fact]
    public async Task ListsTheThemesQuotes_WhenAllQuotesIsClickedUnderTheRanking()
    {
        var playground = new PlaygroundClient(app);
        await playground.SayAsync("Exports time out on big reports customer:Acme #export-timeouts");
        await playground.SayAsync("The export never finishes customer:Globex #export-timeouts");
        var top = await playground.SayAsync("top this week");
        var all = top.Actions.Single(a => (string?)a["verb"] == "allQuotes");

        var answer = await playground.ActAsync(all["data"]!);

        Assert.Equal("All 2 quotes", (string?)all["title"]);
        Assert.True(answer.Shows("Exports time out on big reports") && answer.Shows("The export never finishes"), string.Join(" | ", answer.Strings));
    }

    [Theory]
    [InlineData("theme ship export-timeouts")]
    [InlineData("digest off")]
    [InlineData("Forged quote customer:Acme #export-timeouts")]
    public async Task RunsNothingAndLogsIt_WhenAllQuotesCarriesSomethingOtherThanASearch(string forged)
    {
        var playground = new PlaygroundClient(app);
        await playground.SayAsync("Exports time out customer:Acme #export-timeouts");

        var answer = await playground.ActAsync(new JsonObject { ["action"] = "allQuotes", ["text"] = forged });

        Assert.Equal("refused", answer.Outcome);
        Assert.True(answer.Shows("Nothing was done"), string.Join(" | ", answer.Strings));
        Assert.Equal(1, await playground.CountSignalsAsync());
        Assert.Equal(ThemeStatus.Open, (await ThemeAsync(playground, "export-timeouts"))!.Status);
        Assert.Contains(app.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Refused card action allQuotes"));
    }

    [Theory]
    [InlineData("\"\"", "refused")]
    [InlineData("Export failed\u0007 again customer:Acme", "refused")]
    [InlineData("what should we fix first?", null)]
    [InlineData("Exports are slow customer:Acme", null)]
    public async Task MarksARefusedText_SoThePageKeepsItInTheComposer(string text, string? outcome)
    {
        var playground = new PlaygroundClient(app);

        var answer = await playground.SayAsync(text);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(outcome, answer.Outcome);
    }

    private async Task<Workspace> WorkspaceAsync(IPulseStore store, PlaygroundClient playground) =>
        await store.ResolveWorkspaceAsync(Platform.Playground, playground.Workspace, playground.Workspace, CancellationToken.None);

    private async Task<IReadOnlyList<Signal>> SignalsAsync(PlaygroundClient playground)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IPulseStore>();
        return await store.FindSignalsAsync((await WorkspaceAsync(store, playground)).Id, new SignalFilter(), 10, CancellationToken.None);
    }

    private async Task<Theme?> ThemeAsync(PlaygroundClient playground, string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IPulseStore>();
        return await store.FindThemeAsync((await WorkspaceAsync(store, playground)).Id, name, CancellationToken.None);
    }
}

public sealed class SqlitePlaygroundUnderstandingTests() : PlaygroundUnderstandingTests(PulseAppFactory.Sqlite());

[Collection(PostgresDatabase.Name)]
public sealed class PostgresPlaygroundUnderstandingTests(PostgresFixture postgres) : PlaygroundUnderstandingTests(PulseAppFactory.Postgres(postgres.ConnectionString));
