using System.Net;
using System.Text.Json.Nodes;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Themes;
using CustomerPulseBot.TestKit;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Web.Tests.Slack;

/// <summary>
/// Signed /pulse commands and button clicks through the whole app: questions in people's own words store nothing
/// until "Save it as a customer quote instead" is clicked; Undo, Edit and delete act on the capture; "All N quotes"
/// runs only searches. Run on SQLite and on PostgreSQL, whose database the run shares, so counts are differences.
/// </summary>
public abstract class SlackUnderstandingTests : IAsyncLifetime
{
    /// <summary>Questions and requests as people type them; none is a command word, none carries a capture marker.</summary>
    public static readonly IReadOnlyList<string> Questions =
    [
        "what's bugging enterprise buyers the most lately?",
        "which accounts complained about billing last month?",
        "how many complaints about onboarding did we get this quarter?",
        "show me the worst friction from admins since Monday",
        "is the export problem getting worse?",
        "any new requests from prospects this week?",
        "where in the journey do customers struggle the most?",
        "summarize yesterday's feedback",
        "did Globex say anything about pricing recently?",
        "what are people saying about SSO",
        "list the top 5 issues for SMB customers",
        "tell me what changed in the last 2 weeks",
        "can you find quotes about slow reports?",
        "who is unhappy with the mobile app?",
        "has dashboard speed improved since we shipped the fix?",
        "biggest complaints from support tickets — past 30 days",
        "why are customers churning?",
        "what should we focus on next sprint?",
        "trending issues right now",
        "how many critical issues came up this month, excluding internal",
    ];

    private SlackHost host = null!; // set in InitializeAsync, before any test runs

    protected abstract Task<SlackHost> StartAsync();

    public async Task InitializeAsync() => host = await StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task StoresNothingForTwentyQuestions_ThenExactlyOne_WhenSaveItAsACustomerQuoteIsClicked()
    {
        var before = await CountAsync();
        var offers = new List<JsonNode>();
        foreach (var question in Questions)
        {
            var ack = await SlackHost.JsonAsync(await host.CommandAsync(question));
            offers.AddRange(SlackHost.Buttons(ack).Where(b => (string?)b["action_id"] == "save_quote"));
        }

        var afterQuestions = await CountAsync();
        var offer = offers.Single(b => (string?)b["value"] == "why are customers churning?");
        var click = await host.InteractionAsync(SlackInteractionTests.Click(host, "save_quote", (string)offer["value"]!, "C0CHAN001"));

        Assert.Equal(before, afterQuestions);
        Assert.Equal(Questions, offers.Select(b => (string?)b["value"]));
        Assert.Equal(HttpStatusCode.OK, click.StatusCode);
        Assert.Equal(before + 1, await CountAsync());
        var saved = Assert.Single(await FindAsync("why are customers churning?"));
        Assert.Equal("U0ANA0001", saved.CapturedBy.Id);
        var confirmation = (await host.Api.WaitForAsync("hooks/click")).Json!;
        Assert.Equal(true, (bool?)confirmation["replace_original"]);
        Assert.Contains("Saved as a customer signal", SlackHost.Texts(confirmation["blocks"]));
        Assert.Equal(saved.Id.ToString("N"), (string?)SlackHost.Button(confirmation, "undo_capture")["value"]);
    }

    [Fact]
    public async Task RemovesTheCaptureAndSaysSoInPlace_WhenUndoIsClickedByWhoeverCapturedIt()
    {
        var quote = $"Exports time out every Monday {Guid.NewGuid():N}";
        var ack = await SlackHost.JsonAsync(await host.CommandAsync($"{quote} customer:Acme"));
        var undo = SlackHost.Button(ack, "undo_capture");

        var byOther = await host.InteractionAsync(SlackInteractionTests.Click(host, "undo_capture", (string)undo["value"]!, "C0CHAN001", user: "U0BEN0002"));
        var keptForOther = await FindAsync(quote);
        var refusal = (await host.Api.WaitForAsync("hooks/click")).Json!;
        await host.InteractionAsync(SlackInteractionTests.Click(host, "undo_capture", (string)undo["value"]!, "C0CHAN001"));

        Assert.Equal(HttpStatusCode.OK, byOther.StatusCode);
        Assert.Single(keptForOther);
        Assert.Equal(false, (bool?)refusal["replace_original"]);
        var removed = (await host.Api.WaitForAsync("hooks/click", 2)).Json!;
        Assert.Equal(true, (bool?)removed["replace_original"]);
        Assert.Contains("Removed", SlackHost.Texts(removed["blocks"]));
        Assert.Empty(await FindAsync(quote));
    }

    [Fact]
    public async Task OpensTheFormPrefilledAndSavesInPlace_WhenEditIsClickedAndSubmitted()
    {
        var quote = $"The SSO setup took a week {Guid.NewGuid():N}";
        var ack = await SlackHost.JsonAsync(await host.CommandAsync($"{quote} customer:Initech segment:enterprize"));
        var original = Assert.Single(await FindAsync(quote));
        var before = await CountAsync();

        await host.InteractionAsync(SlackInteractionTests.Click(host, "edit_capture", (string)SlackHost.Button(ack, "edit_capture")["value"]!, "C0CHAN001"));
        var modal = (await host.Api.WaitForAsync("views.open")).Json!["view"]!;
        var metadata = (string)modal["private_metadata"]!;
        var prefilled = (string?)modal["blocks"]!.AsArray().Single(b => (string?)b!["block_id"] == "quote")!["element"]!["initial_value"];
        var edited = $"{quote}, and nobody told IT";
        var submit = await host.InteractionAsync(SlackInteractionTests.Submission(edited, "enterprise", metadata));

        Assert.Contains("Left out", SlackHost.Texts(ack));
        Assert.Equal(quote, prefilled);
        Assert.Equal("Edit customer signal", (string?)modal["title"]!["text"]);
        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        Assert.Equal(before, await CountAsync());
        var saved = Assert.Single(await FindAsync(quote[^32..]));
        Assert.Equal((original.Id, edited, "enterprise"), (saved.Id, saved.Quote, saved.Segment));
        var confirmation = await host.Api.WaitForAsync("chat.postEphemeral");
        Assert.Contains("Saved your changes", SlackHost.Texts(confirmation.Json!["blocks"]));
    }

    [Fact]
    public async Task RemovesTheSignal_WhenDeleteNamesItsShortId()
    {
        var quote = $"Billing page crashed twice {Guid.NewGuid():N}";
        await host.CommandAsync($"{quote} customer:Hooli");
        var signal = Assert.Single(await FindAsync(quote));

        var answer = await SlackHost.JsonAsync(await host.CommandAsync($"delete {signal.ShortId}"));

        Assert.Contains("Removed", SlackHost.Texts(answer));
        Assert.Empty(await FindAsync(quote));
    }

    [Fact]
    public async Task ListsTheThemesQuotes_WhenAllQuotesIsClickedUnderTheRanking()
    {
        var quote = $"Exports time out on large reports {Guid.NewGuid():N}";
        await host.CommandAsync($"{quote} customer:Acme #export-timeouts");
        var top = await SlackHost.JsonAsync(await host.CommandAsync("top this week"));
        var all = SlackHost.Button(top, "all_quotes");

        await host.InteractionAsync(SlackInteractionTests.Click(host, "all_quotes", (string)all["value"]!, "C0CHAN001"));

        Assert.StartsWith("search #export-timeouts ", (string?)all["value"]);
        var listed = (await host.Api.WaitForAsync("hooks/click")).Json!;
        Assert.Equal(false, (bool?)listed["replace_original"]);
        Assert.Contains(quote, SlackHost.Texts(listed["blocks"]));
    }

    [Theory]
    [InlineData("theme ship export-timeouts")]
    [InlineData("digest off")]
    [InlineData("Forged quote customer:Acme #export-timeouts")]
    public async Task RunsNothingAndLogsIt_WhenAnAllQuotesValueIsNotASearch(string forged)
    {
        await host.CommandAsync($"Exports time out {Guid.NewGuid():N} customer:Acme #export-timeouts");
        var before = await CountAsync();

        var response = await host.InteractionAsync(SlackInteractionTests.Click(host, "all_quotes", forged, "C0CHAN001"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = (await host.Api.WaitForAsync("hooks/click")).Json!;
        Assert.Contains("Nothing was done", SlackHost.Texts(answer["blocks"]));
        Assert.Equal(before, await CountAsync());
        var workspace = await host.WorkspaceAsync();
        Assert.Equal(ThemeStatus.Open, (await host.Store.FindThemeAsync(workspace.Id, "export-timeouts", CancellationToken.None))!.Status);
        Assert.Contains(host.App.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("is not a search"));
    }

    private async Task<int> CountAsync()
    {
        var workspace = await host.WorkspaceAsync();
        return await host.Store.CountSignalsAsync(workspace.Id, new SignalFilter(), CancellationToken.None);
    }

    private async Task<IReadOnlyList<Signal>> FindAsync(string words)
    {
        var workspace = await host.WorkspaceAsync();
        return await host.Store.FindSignalsAsync(workspace.Id, new SignalFilter(Text: words), 10, CancellationToken.None);
    }
}

public sealed class SqliteSlackUnderstandingTests : SlackUnderstandingTests
{
    protected override Task<SlackHost> StartAsync() => SlackHost.StartAsync();
}

[Collection(PostgresDatabase.Name)]
public sealed class PostgresSlackUnderstandingTests(PostgresFixture postgres) : SlackUnderstandingTests
{
    protected override Task<SlackHost> StartAsync() => SlackHost.StartOnPostgresAsync(postgres.ConnectionString);
}
