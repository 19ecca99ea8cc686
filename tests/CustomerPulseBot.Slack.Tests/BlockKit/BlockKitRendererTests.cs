using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Themes;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Slack.BlockKit;

namespace CustomerPulseBot.Slack.Tests.BlockKit;

public sealed class BlockKitRendererTests
{
    public static TheoryData<string> Samples => new(ViewSamples.All.Select(s => s.Name));

    public static TheoryData<string> Hostiles => new(ViewSamples.Hostiles.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(Samples))]
    public void RendersWithinSlackLimits_WhenGivenEachView(string name)
    {
        var (_, view, shows) = ViewSamples.All.Single(s => s.Name == name);

        var message = BlockKitRenderer.Render(view);

        var texts = string.Join("\n", Texts(message.ToJson()));
        Assert.All(shows, words => Assert.Contains(words, texts));
        Assert.False(string.IsNullOrWhiteSpace(message.Text));
        AssertWithinLimits(message);
    }

    [Fact]
    public void EveryViewHasASample_WhenViewsAreAdded()
    {
        var views = typeof(View).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(View)) && !t.IsAbstract);

        var sampled = ViewSamples.All.Select(s => s.View.GetType()).ToHashSet();

        Assert.All(views, v => Assert.Contains(v, sampled));
    }

    [Theory]
    [InlineData("<!channel> exports are down", "&lt;!channel&gt; exports are down")]
    [InlineData("<!here>", "&lt;!here&gt;")]
    [InlineData("ask <@U123> about it", "ask &lt;@U123&gt; about it")]
    [InlineData("<https://evil.example|click>", "&lt;https://evil.example|click&gt;")]
    [InlineData("<#C123|general> & more", "&lt;#C123|general&gt; &amp; more")]
    [InlineData("&lt;already escaped&gt;", "&amp;lt;already escaped&amp;gt;")]
    [InlineData("*not bold* _nor_ ~this~", "*not bold* _nor_ ~this~")]
    public void QuoteRendersAsTypedText_WhenItHoldsSlackControlSequences(string quote, string escaped)
    {
        var view = new CaptureConfirmedView(ViewSamples.Signal(quote, customer: "<!everyone> Corp"), []);

        var json = BlockKitRenderer.Render(view).ToJson();

        var texts = Texts(json).ToList();
        Assert.Contains(texts, t => t.Contains("&gt; " + escaped, StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("&lt;!everyone&gt; Corp", StringComparison.Ordinal));
        Assert.All(texts, t => Assert.DoesNotMatch("<[!@#]|<https://evil", t));
    }

    [Theory]
    [InlineData("https://tickets.example.com/42?a=1&b=2", "<https://tickets.example.com/42?a=1&amp;b=2|evidence · tickets.example.com>")]
    [InlineData("https://bank.example@evil.example/login", "<https://bank.example@evil.example/login|evidence · evil.example>")]
    [InlineData("https://аpple.example/", "<https://аpple.example/|evidence · xn--pple-43d.example>")]
    public void NamesWhereTheEvidenceLeads_InItsLink(string evidence, string link)
    {
        var view = new CaptureConfirmedView(ViewSamples.Signal("Exports time out") with { EvidenceUrl = evidence }, []);

        var texts = Texts(BlockKitRenderer.Render(view).ToJson()).ToList();

        Assert.Contains(texts, t => t.Contains(link, StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("|evidence>", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Hostiles))]
    public void PingsNobody_WhenADigestBriefOrNoticeCarriesSlackControlSequences(string name)
    {
        var view = ViewSamples.Hostiles.Single(s => s.Name == name).View;

        var texts = Texts(BlockKitRenderer.Render(view).ToJson(inChannel: true)).ToList();

        Assert.All(texts, t => Assert.DoesNotMatch("<[!@#]|<https?://evil", t));
        Assert.Contains(texts, t => t.Contains("&lt;!channel&gt; ask &lt;@U123&gt; &lt;https://evil.example|click&gt;", StringComparison.Ordinal));
    }

    [Fact]
    public void KeepsWithinSlackLimitsAndCountsTheRest_WhenADigestHasTwoHundredQuotes()
    {
        var quotes = Enumerable.Range(1, 200).Select(i => ViewSamples.Signal($"quote {i} " + new string('x', SignalVocabulary.MaxQuoteLength - 10))).ToList();
        var trends = Enumerable.Range(1, 300).Select(i => new ThemeTrend($"theme-{i}", i + 1, i, 2, 1)).ToList();
        var shipped = Enumerable.Range(1, 15).Select(i => new ShippedThemeRate($"shipped-{i}", new DateOnly(2026, 2, i), 14, 9, 2)).ToList();
        var view = ViewSamples.Digest(QueryFilters.None, quotes, 0) with { New = trends, Rising = trends, Falling = trends, Shipped = shipped };

        var message = BlockKitRenderer.Render(view);

        AssertWithinLimits(message);
        var texts = Texts(message.ToJson()).ToList();
        var shown = texts.Count(t => t.StartsWith("&gt; quote ", StringComparison.Ordinal));
        Assert.InRange(shown, 1, 199);
        Assert.Contains(texts, t => t.StartsWith($"and {200 - shown} more quotes — `/pulse top since 1 Mar 2026` ranks them", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("*Falling*\n#theme-1: 2 signals (was 1), 2 customers", StringComparison.Ordinal));
        Assert.Contains("and 6 more", texts);
    }

    [Fact]
    public void PointsToTheRestWithCommandsThatParse_WhenADigestLeavesQuotesOut()
    {
        var (_, view, _) = ViewSamples.All.Single(s => s.Name == "digest, filtered");
        var digest = (DigestView)view;

        var line = Texts(BlockKitRenderer.Render(view).ToJson()).Single(t => t.StartsWith("and 3 more quotes", StringComparison.Ordinal));

        var commands = Regex.Matches(line, "`([^`]+)`").Select(m => SlackText.Unescape(m.Groups[1].Value)).ToList();
        var since = new Period(PeriodKind.Since, From: digest.Since);
        Assert.Equal(
            [new TopCommand(since, digest.Filters), new SearchCommand("export", since, digest.Filters)],
            commands.Select(c => CommandParser.Parse(c.Replace("<words>", "export"), digest.Since.AddDays(1), DayOfWeek.Monday)));
    }

    [Theory]
    [InlineData(14, 3, 14, "*#checkout-errors*\n14 → 3 since shipped on 3 Nov\n(14 days before and after)")]
    [InlineData(0, 2, 1, "*#checkout-errors*\n0 → 2 since shipped on 3 Nov\n(1 day before and after)")]
    public void ShowsTheSignalRateBeforeAndAfter_WhenAThemeShipped(int before, int after, int days, string expected)
    {
        var view = ViewSamples.Digest(QueryFilters.None, [], 0) with { Shipped = [new ShippedThemeRate("checkout-errors", new DateOnly(2026, 11, 3), days, before, after)] };

        var message = BlockKitRenderer.Render(view);

        var fields = message.Blocks.Single(b => b["fields"] is not null)["fields"]!.AsArray().Select(f => (string?)f!["text"]);
        Assert.Equal([expected], fields);
    }

    [Theory]
    [InlineData("digest, quiet", "*Customer pulse*: nothing new since Sun 1 Mar, 09:00 Europe/Berlin; no friction rising.")]
    [InlineData("brief, quiet", "*Your weekly brief:* a quiet week, no pains or requests were captured in the past 7 days.")]
    public void SaysSoInOneLine_WhenNothingHappened(string name, string line)
    {
        var view = ViewSamples.All.Single(s => s.Name == name).View;

        var message = BlockKitRenderer.Render(view);

        var block = Assert.Single(message.Blocks);
        Assert.Equal(line, (string?)block["text"]!["text"]);
    }

    [Theory]
    [InlineData("settings", false)]
    [InlineData("settings, week start changed", false)]
    [InlineData("settings, time zone changed", true)]
    public void SaysScheduledDigestsKeepTheirZone_OnlyWhenTheTimeZoneChanged(string name, bool said)
    {
        var view = ViewSamples.All.Single(s => s.Name == name).View;

        var texts = Texts(BlockKitRenderer.Render(view).ToJson()).ToList();

        Assert.Equal(said, texts.Any(t => t.Contains("Digests already scheduled keep the zone", StringComparison.Ordinal)));
        Assert.Equal(said, texts.Any(t => t.Contains("Your own time zone", StringComparison.Ordinal)));
    }

    [Fact]
    public void QuoteKeepsEveryLineInTheBlockQuote_WhenItSpansLines()
    {
        var view = new CaptureConfirmedView(ViewSamples.Signal("first line\n> fake quote\nthird"), []);

        var json = BlockKitRenderer.Render(view).ToJson();

        Assert.Contains(Texts(json), t => t == "&gt; first line\n&gt; &gt; fake quote\n&gt; third");
    }

    [Fact]
    public void KeepsToFiftyBlocksAndSaysHowManyMore_WhenThereAreManyQuotes()
    {
        var signals = Enumerable.Range(1, 40).Select(i => ViewSamples.Signal($"quote {i}")).ToList();

        var message = BlockKitRenderer.Render(new SearchResultsView("quote", null, signals, 40), Block.Button("b", "Post", "v"));

        Assert.Equal(Block.MaxMessageBlocks, message.Blocks.Count);
        Assert.Equal("actions", (string?)message.Blocks[^1]["type"]);
        Assert.Equal("and 17 more quotes", (string?)message.Blocks[^2]["elements"]![0]!["text"]);
        AssertWithinLimits(message);
    }

    [Fact]
    public void KeepsToFiftyBlocks_WhenAWorkspaceHasAThousandThemes()
    {
        var themes = Enumerable.Range(1, 1000).Select(i => new ThemeSummary(ViewSamples.Theme($"theme-{i}"), i)).ToList();

        var message = BlockKitRenderer.Render(new ThemeListView(themes, "the last 30 days"));

        Assert.Equal(Block.MaxMessageBlocks, message.Blocks.Count);
        Assert.Contains("and 53 more groups of ten themes", Texts(message.ToJson()));
        AssertWithinLimits(message);
    }

    [Fact]
    public void CutsSectionTextAtThreeThousandCharacters_WhenAQuoteIsLonger()
    {
        var quote = string.Concat(Enumerable.Repeat("a<b ", SignalVocabulary.MaxQuoteLength / 4));

        var message = BlockKitRenderer.Render(new CaptureConfirmedView(ViewSamples.Signal(quote), []));

        var section = Texts(message.ToJson()).Single(t => t.StartsWith("&gt; a&lt;b", StringComparison.Ordinal));
        Assert.True(section.Length <= Block.MaxSectionText, $"{section.Length} characters");
        Assert.Matches(@"a(&lt;)?(b )?… and [\d,]+ more characters$", section);
        AssertWithinLimits(message);
    }

    [Theory]
    [InlineData(10, 10, null)]
    [InlineData(11, 10, "and 2 more")]
    public void KeepsToTenFields_WhenGivenMore(int given, int shown, string? last)
    {
        var fields = Enumerable.Range(1, given).Select(i => $"field {i}").ToList();

        var block = Block.Fields(fields);

        var texts = block["fields"]!.AsArray().Select(f => (string?)f!["text"]).ToList();
        Assert.Equal(shown, texts.Count);
        Assert.Equal(last ?? "field 10", texts[^1]);
    }

    [Fact]
    public void ShortensHeaderAndButtonText_WhenTheyAreTooLong()
    {
        var header = Block.Header(new string('h', 400));
        var button = Block.Button("id", new string('b', 100), "v");

        Assert.Equal(Block.MaxHeader, ((string?)header["text"]!["text"])!.Length);
        Assert.Equal(Block.MaxButtonText, ((string?)button["text"]!["text"])!.Length);
    }

    private static void AssertWithinLimits(SlackMessage message)
    {
        Assert.True(message.Blocks.Count <= Block.MaxMessageBlocks);
        Assert.InRange(((string?)message.ToJson()["text"])!.Length, 1, SlackMessage.MaxText);
        foreach (var block in message.Blocks)
        {
            switch ((string?)block["type"])
            {
                case "header":
                    Assert.InRange(((string?)block["text"]!["text"])!.Length, 1, Block.MaxHeader);
                    break;
                case "section":
                    if (block["text"] is { } text)
                    {
                        Assert.InRange(((string?)text["text"])!.Length, 1, Block.MaxSectionText);
                    }

                    Assert.True((block["fields"]?.AsArray().Count ?? 0) <= Block.MaxFields);
                    break;
                case "context":
                    Assert.InRange(block["elements"]!.AsArray().Count, 1, Block.MaxContextElements);
                    break;
                case "actions":
                    Assert.InRange(block["elements"]!.AsArray().Count, 1, 25);
                    Assert.All(block["elements"]!.AsArray(), b => Assert.True(((string?)b!["text"]!["text"])!.Length <= Block.MaxButtonText));
                    Assert.Equal(block["elements"]!.AsArray().Count, block["elements"]!.AsArray().Select(b => (string?)b!["action_id"]).Distinct().Count());
                    break;
                case "input":
                    Assert.InRange(((string?)block["label"]!["text"])!.Length, 1, 2000);
                    Assert.NotNull((string?)block["block_id"]);
                    break;
            }
        }

        var buttons = message.Blocks.SelectMany(b => (b["elements"] as JsonArray ?? []).Append(b["accessory"])).OfType<JsonNode>().Where(e => (string?)e["type"] == "button");
        Assert.All(buttons, b => Assert.InRange(((string?)b["value"])!.Length, 1, Block.MaxButtonValue));
        var blockIds = message.Blocks.Select(b => (string?)b["block_id"]).OfType<string>().ToList();
        Assert.Equal(blockIds.Count, blockIds.Distinct().Count());
    }

    private static IEnumerable<string> Texts(JsonNode node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "text" && p.Value is JsonValue v ? [(string)v!] : p.Value is null ? [] : Texts(p.Value)),
        JsonArray a => a.SelectMany(n => n is null ? [] : Texts(n)),
        _ => [],
    };
}
