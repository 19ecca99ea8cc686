using System.Text.Json.Nodes;
using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Themes;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Slack.BlockKit;

namespace CustomerPulseBot.Slack.Tests.BlockKit;

/// <summary>The buttons a view carries itself: what each one's value holds, and that they keep to Slack's limits.</summary>
public sealed class ViewButtonsRenderingTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(Block.MaxButtonValue)]
    public void OffersToSaveTheWordsAsAQuote_CarryingThemExactly(int length)
    {
        var text = ("what hurts? " + new string('x', length))[..length];
        var view = new QuestionView(new SearchResultsView("export", null, [], 0), new Asked(text, "search “export”", [], []));

        var message = BlockKitRenderer.Render(view);

        var save = Assert.Single(Buttons(message), b => (string?)b["action_id"] == SlackIds.SaveQuote);
        Assert.Equal(text, (string?)save["value"]);
        Assert.Equal(BlockKitRenderer.SaveQuoteLabel, (string?)save["text"]!["text"]);
        Assert.Equal("actions", (string?)message.Blocks[^1]["type"]);
    }

    [Fact]
    public void SaysToResendInQuotationMarks_WhenTheWordsAreTooLongForAButton()
    {
        var text = new string('x', Block.MaxButtonValue + 1);
        var view = new QuestionView(new SearchResultsView("export", null, [], 0), new Asked(text, "search “export”", [], []));

        var message = BlockKitRenderer.Render(view);

        Assert.Empty(Buttons(message));
        Assert.Contains("Was it a customer quote? Send it again in quotation marks to save it.", Texts(message.ToJson()));
    }

    [Fact]
    public void PutsAllQuotesBesideEachRankedTheme_AsASearchOverTheSamePeriod()
    {
        var view = ViewSamples.Dated();

        var message = BlockKitRenderer.Render(view);

        var accessory = message.Blocks.Single(b => b["accessory"] is not null);
        Assert.StartsWith("*1. #slow-dashboard*", (string?)accessory["text"]!["text"]);
        Assert.Equal(SlackIds.AllQuotes, (string?)accessory["accessory"]!["action_id"]);
        Assert.Equal("All 9 quotes", (string?)accessory["accessory"]!["text"]!["text"]);
        Assert.Equal("search #slow-dashboard between 30 Nov 2026 and 6 Dec 2026", (string?)accessory["accessory"]!["value"]);
    }

    [Fact]
    public void OffersNoAllQuotes_WhenTheRankingHasNoScope()
    {
        var view = ViewSamples.Dated() with { Scope = null };

        var message = BlockKitRenderer.Render(view);

        Assert.DoesNotContain(message.Blocks, b => b["accessory"] is not null);
    }

    [Fact]
    public void OffersUndoAndEditBeforeTheCallersButtons_InOneActionsBlock()
    {
        var signal = ViewSamples.Signal("Exports time out");
        var share = Block.Button(SlackIds.ShareSignal, "Share in channel", "{}");

        var message = BlockKitRenderer.Render(new CaptureConfirmedView(signal, []), share);

        var buttons = Buttons(message);
        Assert.Single(message.Blocks, b => (string?)b["type"] == "actions");
        Assert.Equal([SlackIds.UndoCapture, SlackIds.EditCapture, SlackIds.ShareSignal], buttons.Select(b => (string?)b["action_id"]));
        Assert.Equal([signal.Id.ToString("N"), signal.Id.ToString("N")], buttons.Take(2).Select(b => (string?)b["value"]));
    }

    [Fact]
    public void ShowsTheShortIdThatEditAndDeleteTake_UnderACaptureConfirmation()
    {
        var signal = ViewSamples.Signal("Exports time out");

        var message = BlockKitRenderer.Render(new CaptureConfirmedView(signal, []));

        var id = signal.Id.ToString("N")[^8..];
        Assert.Contains(message.Blocks, b => (string?)b["elements"]?[0]?["text"] == $"id `{id}` · later: `edit {id}` or `delete {id}`");
    }

    [Fact]
    public void KeepsToFiftyBlocksWithTheSaveButtonLast_WhenAQuestionsAnswerRanksTwoHundredThemes()
    {
        var themes = Enumerable.Range(1, 200)
            .Select(i => new RankedTheme(i, $"theme-{i}", ThemeStatus.Open, 9, 5, 4, Severity.High, 3, TrendDirection.Rising,
                [ViewSamples.Signal(new string('q', SignalVocabulary.MaxQuoteLength)), ViewSamples.Signal("short")]))
            .ToList();
        var ranking = ViewSamples.Dated() with { Themes = themes };
        var view = new QuestionView(ranking, new Asked("what should we fix first?", "top pain points, this week", ["first"], ["“fix first” read as a ranking"]));

        var message = BlockKitRenderer.Render(view, Block.Button(SlackIds.PostToChannel, "Post to channel", "{}"));

        Assert.InRange(message.Blocks.Count, Block.MaxMessageBlocks - 5, Block.MaxMessageBlocks);
        Assert.Contains("and 193 more themes", Texts(message.ToJson()));
        Assert.Equal([SlackIds.SaveQuote, SlackIds.PostToChannel], Buttons(message).Select(b => (string?)b["action_id"]));
        Assert.Equal("context", (string?)message.Blocks[^2]["type"]);
        Assert.StartsWith("Read as: top pain points", (string?)message.Blocks[^2]["elements"]![0]!["text"]);
        Assert.All(message.Blocks.Where(b => b["text"]?["text"] is not null && (string?)b["type"] == "section"),
            b => Assert.True(((string?)b["text"]!["text"])!.Length <= Block.MaxSectionText));
        Assert.All(message.Blocks.Where(b => b["accessory"] is not null),
            b => Assert.True(((string?)b["accessory"]!["value"])!.Length <= Block.MaxButtonValue));
    }

    [Fact]
    public void GroupsADigestsQuotesUnderTheirThemes_UntaggedLast()
    {
        var view = ViewSamples.Digest(QueryFilters.None,
            [
                ViewSamples.Signal("untagged first", "Acme"),
                ViewSamples.Signal("export one", "Acme", "export-timeouts"),
                ViewSamples.Signal("sso one", "Acme", "sso-setup"),
                ViewSamples.Signal("export two", "Acme", "export-timeouts"),
            ],
            0);

        var sections = BlockKitRenderer.Render(view).Blocks
            .Where(b => (string?)b["type"] == "section" && b["text"] is not null)
            .Select(b => (string)b["text"]!["text"]!)
            .Take(8)
            .ToList();

        Assert.Equal(
            ["*#export-timeouts*", "&gt; export one", "&gt; export two", "*#sso-setup*", "&gt; sso one", "*Untagged*", "&gt; untagged first"],
            sections.Take(7));
    }

    private static List<JsonObject> Buttons(SlackMessage message) =>
        [.. message.Blocks.Where(b => (string?)b["type"] == "actions").SelectMany(b => b["elements"]!.AsArray()).Select(e => e!.AsObject())];

    private static IEnumerable<string> Texts(JsonNode node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "text" && p.Value is JsonValue v ? [(string)v!] : p.Value is null ? [] : Texts(p.Value)),
        JsonArray a => a.SelectMany(n => n is null ? [] : Texts(n)),
        _ => [],
    };
}
