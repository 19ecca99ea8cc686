using System.Text.Json.Nodes;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Themes;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Slack.BlockKit;

namespace CustomerPulseBot.Slack.Tests.BlockKit;

public sealed class BlockKitRendererTests
{
    public static TheoryData<string> Samples => new(ViewSamples.All.Select(s => s.Name));

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
                    Assert.All(block["elements"]!.AsArray(), b => Assert.True(((string?)b!["text"]!["text"])!.Length <= Block.MaxButtonText));
                    break;
            }
        }
    }

    private static IEnumerable<string> Texts(JsonNode node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "text" && p.Value is JsonValue v ? [(string)v!] : p.Value is null ? [] : Texts(p.Value)),
        JsonArray a => a.SelectMany(n => n is null ? [] : Texts(n)),
        _ => [],
    };
}
