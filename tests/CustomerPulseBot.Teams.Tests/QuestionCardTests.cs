using System.Text.Json.Nodes;
using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Views;

namespace CustomerPulseBot.Teams.Tests;

// The answers of issue 8 ("understands people") as cards: each line a person reads, and the actions that carry
// what they act on (the words to save as a quote, the signal to undo or edit, the search that lists all quotes).
public sealed class QuestionCardTests
{
    private const string Byline = "Acme · buyer · call · pain · use · high severity";

    public static TheoryData<string, string[]> Lines => new()
    {
        {
            "question",
            [
                "this week (Mon 30 Nov – Sun 6 Dec) · 13 friction signals",
                "vs the same days of the week before",
                "1. #export-timeouts · open · 7 signals from 3 customers · ↑ rising (was 2)",
                "“Quote 1 about export-timeouts.”",
                $"— {Byline} · said 21 Nov 2026 · captured by Priya · evidence · recordings.example · message",
                "“Quote 2 about export-timeouts.”",
                $"— {Byline} · said 21 Nov 2026 · captured by Priya · evidence · recordings.example · message",
                "2. #slow-dashboard · open · 6 signals from 3 customers · new",
                "“Quote 1 about slow-dashboard.”",
                $"— {Byline} · said 21 Nov 2026 · captured by Priya · evidence · recordings.example · message",
                "Read as: top pain points, this week",
                "Not understood: “hurting”",
                "“this wk” read as this week",
            ]
        },
        {
            "question: too long to save, fully understood",
            [
                "No quotes match “export”",
                "Mon 30 Nov – Sun 6 Dec",
                "Read as: search “export”, the last 90 days",
                "Was it a customer quote? Send it again in quotation marks to save it.",
            ]
        },
        {
            "trends: dated, with quotes",
            [
                "this week (Mon 30 Nov – Sun 6 Dec) · vs the same days of the week before",
                "New (1)",
                "#audit-log: 4 signals (was 0) from 3 customers (was 0)",
                "“Our auditors need to see who changed a rule.” — Acme",
                "Rising (1)",
                "#export-timeouts: 9 signals (was 4) from 6 customers (was 3)",
                "“Exporting timed out twice.” — Globex",
                "Falling (1)",
                "#slow-dashboard: 1 signal (was 5) from 1 customer (was 4)",
            ]
        },
        {
            "search: a theme's quotes",
            [
                "1 quote",
                "this week (Mon 30 Nov – Sun 6 Dec) · #export-timeouts",
                "“Exporting timed out.”",
                $"— {Byline} · #export-timeouts #reporting · said 21 Nov 2026 · captured by Priya · evidence · recordings.example · message",
            ]
        },
        {
            "search: every filter in words",
            [
                "No quotes match “export”",
                "the last 90 days (Mon 7 Sep – Sun 6 Dec) · complaints and requests · buyer · not internal · Acme · on calls · high severity and up · during onboarding · about “exports”",
            ]
        },
        {
            "count",
            [
                "this month (Sun 1 Nov – Mon 30 Nov) · about “SSO”",
                "7 signals mentioning “SSO” from 4 named customers",
                "By theme", "#sso-setup: 5 signals", "untagged: 2 signals",
                "By customer", "Acme: 3 signals", "Globex: 2 signals",
            ]
        },
        { "count: nothing", ["today (Sun 6 Dec)", "0 signals from 0 named customers"] },
        {
            "customers",
            [
                "the last 30 days (Sat 7 Nov – Sun 6 Dec) · #slow-dashboard · 2 named customers",
                "Acme · 4 signals, the latest:",
                "“The dashboard takes ages.”",
                $"— {Byline} · said 21 Nov 2026 · captured by Priya · evidence · recordings.example · message",
                "Globex · 1 signal, the latest:",
                "“Charts crawl.”",
                "— Globex · buyer · call · pain · use · high severity · said 21 Nov 2026 · captured by Priya · evidence · recordings.example · message",
            ]
        },
        {
            "customers: none",
            ["this week (Mon 30 Nov – Sun 6 Dec) · 0 named customers · mentioning “kubernetes”", "No named customer said anything that matches in this period."]
        },
        {
            "shipped",
            [
                "#export-timeouts",
                "Friction signals before → after the ship date, over the same number of days",
                "#export-timeouts: 9 → 2 since shipped on 3 Nov (14 days before and after)",
            ]
        },
        { "shipped: none", ["No theme is marked shipped yet. theme ship <theme> marks one."] },
        {
            "journey",
            [
                "this quarter (Thu 1 Oct – Thu 31 Dec) · friction per journey stage, worst first",
                "1. Onboarding · 9 signals from 5 customers · severity 3.1 of 4 on average",
                "“Setup took a week.”",
                $"— {Byline} · said 21 Nov 2026 · captured by Priya · evidence · recordings.example · message",
                "2. Renewal · 4 signals from 3 customers · severity 2.5 of 4 on average",
                "“Renewal pricing surprised the CFO.”",
                "— Globex · buyer · call · pain · use · high severity · said 21 Nov 2026 · captured by Priya · evidence · recordings.example · message",
                "3. No stage given · 2 signals from 1 customer · severity 2.0 of 4 on average",
            ]
        },
        {
            "journey: none",
            ["this week (Mon 30 Nov – Sun 6 Dec) · friction per journey stage, worst first", "Nothing to show: no pain or request was captured in this period."]
        },
        { "deleted", ["It no longer counts in any answer, count or digest:", "“Exporting the Q3 report timed out twice.”"] },
        {
            "confirmed: left out",
            [
                "“Exports time out.”",
                $"— {Byline} · said 21 Nov 2026 · captured by Priya · evidence · recordings.example · message",
                "Themes: none (add #theme-name next time to group it)",
                "Left out: \"enterprize\" is not a segment I know. Saved without it; use Edit to add it.",
                $"id {LeftOutId} · later: edit {LeftOutId} or delete {LeftOutId}",
            ]
        },
    };

    private static string LeftOutId => ((CaptureConfirmedView)CardSamples.All["confirmed: left out"]).Signal.ShortId;

    [Theory]
    [MemberData(nameof(Lines))]
    public void ShowsEachLine_InReadingOrder(string sample, string[] expected)
    {
        var card = RenderedCard.Of(CardSamples.All[sample]);

        Assert.Equal(expected, card.Lines);
    }

    [Theory]
    [InlineData("question", "Top customer pain points")]
    [InlineData("count", "How many")]
    [InlineData("customers", "Which customers")]
    [InlineData("shipped", "Since we shipped")]
    [InlineData("journey", "Where customers struggle")]
    [InlineData("deleted", "Removed")]
    [InlineData("confirmed: edited", "Signal updated")]
    [InlineData("form: editing", "Edit the customer signal")]
    public void HeadsTheCardWithItsOwnWords(string sample, string heading)
    {
        var card = RenderedCard.Of(CardSamples.All[sample]);

        Assert.Equal(heading, (string?)card.OfType("TextBlock").First()["text"]);
    }

    [Fact]
    public void OffersToSaveTheWordsAsAQuote_CarryingThemExactly()
    {
        var view = (QuestionView)CardSamples.All["question"];

        var save = Executes(RenderedCard.Of(view)).Single(a => (string?)a["verb"] == TeamsIds.SaveQuote);

        Assert.Equal(AdaptiveCardRenderer.SaveQuoteLabel, (string?)save["title"]);
        Assert.Equal(view.Asked.Text, (string?)save["data"]![TeamsIds.TextKey]);
        Assert.Equal(TeamsIds.SaveQuote, (string?)save["data"]![TeamsIds.ActionKey]);
    }

    [Fact]
    public void OffersNoSave_WhenTheWordsAreLongerThanAQuoteCanBe()
    {
        var card = RenderedCard.Of(CardSamples.All["question: too long to save, fully understood"]);

        Assert.Empty(Executes(card));
    }

    [Fact]
    public void OffersAllQuotesUnderEachRankedTheme_AsASearchOverTheSamePeriod()
    {
        var view = CardSamples.Dated();

        var card = RenderedCard.Of(view);

        var sets = card.Body.Where(e => RenderedCard.TypeOf(e) == "ActionSet").Select(s => s["actions"]![0]!).ToList();
        Assert.Equal(["All 7 quotes", "All 6 quotes"], sets.Select(a => (string?)a["title"]));
        Assert.All(sets, a => Assert.Equal(TeamsIds.AllQuotes, (string?)a["verb"]));
        Assert.Equal(
            ["search #export-timeouts between 30 Nov 2026 and 6 Dec 2026", "search #slow-dashboard between 30 Nov 2026 and 6 Dec 2026"],
            sets.Select(a => (string?)a["data"]![TeamsIds.TextKey]));
        var after = card.Body.ToList().FindIndex(e => RenderedCard.TypeOf(e) == "RichTextBlock" && RenderedCard.LineText(e).StartsWith("2. #slow-dashboard", StringComparison.Ordinal));
        Assert.Equal("ActionSet", RenderedCard.TypeOf(card.Body[after - 1]));
    }

    [Fact]
    public void OffersNoAllQuotes_WhenTheRankingHasNoScope()
    {
        var card = RenderedCard.Of(CardSamples.Typical["pain points"]);

        Assert.DoesNotContain(card.Body, e => RenderedCard.TypeOf(e) == "ActionSet");
    }

    [Theory]
    [InlineData("confirmed")]
    [InlineData("confirmed: left out")]
    [InlineData("confirmed: edited")]
    public void OffersUndoAndEdit_ForTheSignalJustSaved(string sample)
    {
        var view = (CaptureConfirmedView)CardSamples.All[sample];

        var actions = Executes(RenderedCard.Of(view));

        Assert.Equal([("Undo", TeamsIds.UndoCapture), ("Edit", TeamsIds.EditCapture)], actions.Select(a => ((string?)a["title"], (string?)a["verb"])));
        Assert.All(actions, a => Assert.Equal(view.Signal.Id.ToString("N"), (string?)a["data"]![TeamsIds.SignalKey]));
    }

    [Fact]
    public void SavesInPlace_WhenTheFormEditsASignal()
    {
        var view = (CaptureFormView)CardSamples.All["form: editing"];

        var save = Assert.Single(Executes(RenderedCard.Of(view)));

        Assert.Equal(("Save changes", TeamsIds.CaptureSignal), ((string?)save["title"], (string?)save["verb"]));
        Assert.Equal(view.Editing!.Value.ToString("N"), (string?)save["data"]![TeamsIds.EditingKey]);
    }

    [Fact]
    public void GroupsADigestsQuotesUnderTheirThemes_UntaggedLast()
    {
        var untagged = CardSamples.Signal("Untagged first in time.");
        var view = CardSamples.Digest(
            QueryFilters.None,
            [untagged, CardSamples.Signal("Export one.", themes: ["export-timeouts"]), CardSamples.Signal("SSO one.", themes: ["sso-setup"]), CardSamples.Signal("Export two.", themes: ["export-timeouts"])],
            0, [], [], [], []);

        var lines = RenderedCard.Of(view).Lines.Where(l => !l.StartsWith('—')).ToList();

        Assert.Equal(
            ["#export-timeouts", "“Export one.”", "“Export two.”", "#sso-setup", "“SSO one.”", "Untagged", "“Untagged first in time.”"],
            lines.Skip(1).Take(7));
    }

    private static List<JsonObject> Executes(RenderedCard card) => [.. card.OfType("Action.Execute")];
}
