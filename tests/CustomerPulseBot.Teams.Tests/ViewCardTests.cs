using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Teams.AdaptiveCards;

namespace CustomerPulseBot.Teams.Tests;

// What each answer card says: rankings, trends, search, themes, help and the short replies.
public sealed class ViewCardTests
{
    [Fact]
    public void RanksThemesWithStatusCountsAndTrend()
    {
        var card = RenderedCard.Of(CardSamples.Typical["pain points"]);

        var lines = card.Lines.ToList();

        Assert.Contains("this week · 17 friction signals", lines);
        Assert.Contains("1. #export-timeouts · open · 8 signals from 3 customers · ↑ rising (was 2)", lines);
        Assert.Contains("2. #slow-dashboard · open · 6 signals from 3 customers · new", lines);
        Assert.Contains("3. #confusing-pricing · open · 7 signals from 3 customers · ↓ falling (was 2)", lines);
        Assert.Contains("4. #sso-setup · open · 5 signals from 3 customers · → steady (was 2)", lines);
    }

    [Theory]
    [InlineData("↑ rising (was 2)", "Attention")]
    [InlineData("new", "Accent")]
    [InlineData("↓ falling (was 2)", "Good")]
    [InlineData("→ steady (was 2)", null)]
    public void ColoursTheTrend_RedWhenFrictionRises(string trend, string? colour)
    {
        var card = RenderedCard.Of(CardSamples.Typical["pain points"]);

        var run = card.OfType("TextRun").Single(r => (string?)r["text"] == trend);

        Assert.Equal(colour, (string?)run["color"]);
    }

    [Fact]
    public void ShowsTheLastFailureInRed_UnderTheDigestsSchedule()
    {
        var card = RenderedCard.Of(CardSamples.Typical["digest status"]);
        var calm = RenderedCard.Of(CardSamples.Edge["digest status: no failure"]);

        var failure = card.OfType("TextRun").Single(r => ((string?)r["text"])?.Contains("reinstall the app") == true);

        Assert.Equal(
            ["Every day at 09:00 Europe/Berlin", "The next one comes Tue 12 Jan at 09:00; the last one covered up to Sun 10 Jan at 09:00.",
                "The one up to Mon 11 Jan at 09:00 has not arrived: the app's token stopped working: reinstall the app."],
            card.Lines);
        Assert.Equal("Attention", (string?)failure["color"]);
        Assert.Equal(2, calm.Lines.Count());
    }

    [Fact]
    public void ShowsEachThemesQuotesUnderIt_WithWhoSaidIt()
    {
        var card = RenderedCard.Of(CardSamples.Typical["pain points"]);

        var lines = card.Lines.ToList();

        var row = lines.IndexOf("1. #export-timeouts · open · 8 signals from 3 customers · ↑ rising (was 2)");
        Assert.Equal("“Quote 1 about export-timeouts.”", lines[row + 1]);
        Assert.StartsWith("— Acme · buyer · call · pain", lines[row + 2]);
        Assert.Equal("“Quote 2 about export-timeouts.”", lines[row + 3]);
    }

    [Fact]
    public void CountsUntaggedFriction_AndShowsItsQuotes()
    {
        var card = RenderedCard.Of(CardSamples.Typical["pain points"]);

        var lines = card.Lines.ToList();

        var untagged = lines.IndexOf("Untagged: 4 signals from 3 customers, in no theme yet");
        Assert.True(untagged > 0);
        Assert.Equal("“Setup took a week.”", lines[untagged + 1]);
        Assert.Equal("“Nobody answered the chat.”", lines[untagged + 3]);
    }

    [Fact]
    public void ShowsUntaggedFriction_WhenNoThemeRanks()
    {
        var card = RenderedCard.Of(CardSamples.Edge["pain points: untagged only"]);

        var lines = card.Lines.ToList();

        Assert.Contains("Untagged: 4 signals from 2 customers, in no theme yet", lines);
        Assert.Contains("“Billing page crashed.”", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("Nothing to rank", StringComparison.Ordinal));
    }

    [Fact]
    public void SaysThereIsNothingToRank_WhenThePeriodIsEmpty()
    {
        var card = RenderedCard.Of(CardSamples.Edge["pain points: empty period"]);

        var lines = card.Lines.ToList();

        Assert.Equal(["last week · 0 friction signals", "Nothing to rank: no pain or request was captured in this period."], lines);
    }

    [Fact]
    public void NamesTheFilters_AndHowManyMoreThemesRank()
    {
        var card = RenderedCard.Of(CardSamples.Edge["pain points: filters and more themes"]);

        var lines = card.Lines.ToList();

        Assert.Contains("since 3 Nov 2026 · buyer · Acme · #export-timeouts · 12 friction signals", lines);
        Assert.Contains("and 7 more themes", lines);
    }

    [Fact]
    public void ShortensLongQuotesWithAnEllipsis_InLists()
    {
        var quote = CardSamples.Long(1_000);
        var view = new SearchResultsView("exports", null, [CardSamples.Signal(quote)], 1);

        var card = RenderedCard.Of(view);

        Assert.Contains($"“{quote[..280]}…”", card.Lines);
    }

    [Fact]
    public void ShowsNewRisingAndFallingThemes_WithCountsAgainstBefore()
    {
        var card = RenderedCard.Of(CardSamples.Typical["trends"]);

        var lines = card.Lines.ToList();

        Assert.Equal(
        [
            "the last 30 days · enterprise · against the period before",
            "New (1)",
            "#slow-dashboard: 4 signals (was 0) from 3 customers (was 0)",
            "Rising (2)",
            "#export-timeouts: 9 signals (was 4) from 6 customers (was 3)",
            "#sso-setup: 3 signals (was 1) from 2 customers (was 1)",
            "Falling (1)",
            "#confusing-pricing: 1 signal (was 5) from 1 customer (was 4)",
        ], lines);
    }

    [Fact]
    public void SaysThereIsNothingToCompare_WhenNoThemeMoved()
    {
        var card = RenderedCard.Of(CardSamples.Edge["trends: empty"]);

        var lines = card.Lines.ToList();

        Assert.Contains("Nothing to compare: no theme gained or lost friction signals in this period.", lines);
    }

    [Theory]
    [InlineData("search", "2 quotes match “export”, most relevant first")]
    [InlineData("search: nothing found", "No quotes match “kubernetes”")]
    public void SaysHowManyQuotesMatch(string sample, string expected)
    {
        var card = RenderedCard.Of(CardSamples.All[sample]);

        var lines = card.Lines.ToList();

        Assert.Equal(expected, lines[0]);
    }

    [Fact]
    public void ListsThemesWithStatusAndRecentCounts()
    {
        var card = RenderedCard.Of(CardSamples.Typical["themes"]);

        var lines = card.Lines.ToList();

        Assert.Equal(
        [
            "#export-timeouts · open · 9 signals (the last 30 days) · also #export-slow",
            "#sso-setup · shipped 13 Nov 2026: SAML wizard · 1 signal (the last 30 days)",
            "#dark-mode · won't fix 13 Nov 2026 · 0 signals (the last 30 days)",
        ], lines);
    }

    [Fact]
    public void ShowsEveryHelpEntry_WithUsageInMonospace()
    {
        var first = CommandHelp.Entries[0];

        var card = RenderedCard.Of(new HelpView(CommandHelp.Entries));

        var usages = card.OfType("TextRun").Where(r => (string?)r["fontType"] == "Monospace" && (string?)r["weight"] == "Bolder").Select(r => (string?)r["text"]);

        Assert.Equal(CommandHelp.Entries.Select(e => e.Usage), usages);
        Assert.Contains($"{first.Usage} \u2014 {first.Does}  e.g. {first.Example}", card.Lines);
    }

    [Fact]
    public void KeepsEveryHelpEntry_AndDropsExamplesFromTheEnd_WhenTheCatalogueOutgrowsTheCard()
    {
        var entries = Enumerable.Range(0, 40)
            .Select(i => new HelpEntry($"command{i} [options]", $"does thing {i} {new string('d', 90)}", $"command{i} {new string('e', 90)}"))
            .ToList();

        var json = AdaptiveCardRenderer.RenderJson(new HelpView(entries));
        var card = RenderedCard.Of(new HelpView(entries));

        Assert.True(CardJson.Fits(json));
        Assert.Equal(entries.Select(e => e.Usage), card.OfType("TextRun").Where(r => (string?)r["weight"] == "Bolder").Select(r => (string?)r["text"]));
        Assert.Contains(entries[0].Example, json);
        Assert.DoesNotContain(entries[^1].Example, json);
        Assert.DoesNotContain(card.Lines, l => l.StartsWith("and ", StringComparison.Ordinal));
    }

    [Fact]
    public void SaysWhatWasAndWasNotUnderstood_AndCarriesTheTextBack()
    {
        var card = RenderedCard.Of(CardSamples.Typical["not understood"]);

        var lines = card.Lines.ToList();

        Assert.Equal(
        [
            "Understood: a question about top pain points",
            "Not understood: \"fortnight\" is not a period I know",
            "Try: top last 30 days",
            "Your text, to edit and send again:",
            "top this fortnight",
        ], lines);
        Assert.Equal("Monospace", (string?)card.RunsOf("top this fortnight")[0]["fontType"]);
    }

    [Fact]
    public void ApologisesWithTheReference_AndCarriesTheTextBack()
    {
        var card = RenderedCard.Of(CardSamples.Typical["error"]);

        var lines = card.Lines.ToList();

        Assert.Equal(
        [
            "Sorry, something went wrong on our side.",
            "Reference for your admin: 0HN7:00000001",
            "Your text, to send again:",
            "top this week",
        ], lines);
    }

    [Fact]
    public void ShowsTheNoticeTitleAndText()
    {
        var card = RenderedCard.Of(CardSamples.Typical["notice"]);

        var lines = card.Lines.ToList();

        Assert.Equal(["Themes merged", "#slow-dash is now part of #slow-dashboard."], lines);
    }

    [Fact]
    public void ShowsFreshQuotesTrendsAndShippedThemes_InADigest()
    {
        var card = RenderedCard.Of(CardSamples.Typical["digest"]);

        var lines = card.Lines.ToList();

        Assert.Equal(
        [
            "since Sun 22 Nov, 09:00 Europe/Berlin · 14 new quotes",
            "#export-timeouts",
            "“Exporting the Q3 report timed out twice.”",
            "— Acme · buyer · call · pain · use · high severity · #export-timeouts · said 21 Nov 2026 · captured by Priya · evidence · recordings.example · message",
            "Untagged",
            "“The new bulk edit is great.”",
            "— Globex · buyer · call · praise · use · high severity · said 21 Nov 2026 · captured by Priya · evidence · recordings.example · message",
            "and 12 more quotes: ask me top since 22 Nov 2026 to rank them or search <words> since 22 Nov 2026 to find them",
            "since Sun 22 Nov, 09:00 Europe/Berlin · against the period before",
            "New (1)",
            "#audit-log: 4 signals (was 0) from 3 customers (was 0)",
            "Rising (1)",
            "#export-timeouts: 14 signals (was 6) from 5 customers (was 3)",
            "Falling (1)",
            "#slow-dashboard: 3 signals (was 9) from 2 customers (was 6)",
            "Shipped: friction signals before → after, over the same number of days",
            "#checkout-errors: 14 → 3 since shipped on 3 Nov (14 days before and after)",
            "#sso-setup: 1 → 2 since shipped on 20 Nov (3 days before and after)",
        ], lines);
        Assert.Equal(["Customer pulse", "Friction trends"], card.OfType("TextBlock").Select(t => (string?)t["text"]));
    }

    [Theory]
    [InlineData("14 → 3", "Good")]
    [InlineData("1 → 2", "Attention")]
    public void ColoursTheShippedRate_GreenWhenFrictionDropped(string rate, string colour)
    {
        var card = RenderedCard.Of(CardSamples.Typical["digest"]);

        var run = card.OfType("TextRun").Single(r => (string?)r["text"] == rate);

        Assert.Equal(colour, (string?)run["color"]);
    }

    [Fact]
    public void SaysHowManyQuotesAreLeftOut_WhenADigestIsCutDown()
    {
        var view = (DigestView)CardSamples.Huge["huge: digest"];

        var card = RenderedCard.Of(view);

        var shown = card.Lines.Count(l => l.StartsWith('“'));
        Assert.InRange(shown, 1, view.Fresh.Count - 1);
        Assert.Contains(card.Lines, l => l.StartsWith($"and {view.Fresh.Count + view.MoreFresh - shown:N0} more quotes: ask me top since 22 Nov 2026", StringComparison.Ordinal));
        Assert.Contains(card.Lines, l => l.StartsWith("Shipped: ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("digest: quiet", "Customer pulse: nothing new since Sun 22 Nov, 09:00 Europe/Berlin; no friction rising.")]
    [InlineData("brief: quiet", "Your weekly brief: a quiet week, no pains or requests were captured in the past 7 days.")]
    public void SaysSoInOneLine_WhenADigestOrBriefIsQuiet(string sample, string line)
    {
        var card = RenderedCard.Of(CardSamples.Typical[sample]);

        var body = Assert.Single(card.Body);

        Assert.Equal(line, RenderedCard.LineText(body));
    }

    [Fact]
    public void ShowsTheRankingThenWhatChanged_InABrief()
    {
        var card = RenderedCard.Of(CardSamples.Typical["brief"]);

        var lines = card.Lines.ToList();

        Assert.Equal(["Your weekly brief", "What changed against the week before"], card.OfType("TextBlock").Select(t => (string?)t["text"]));
        Assert.Equal("the past 7 days · 7 friction signals", lines[0]);
        Assert.Equal("1. #export-timeouts · open · 7 signals from 3 customers · ↑ rising (was 2)", lines[1]);
        Assert.Equal("“Quote 1 about export-timeouts.”", lines[2]);
        Assert.Equal(
            ["the past 7 days · against the period before", "New (0)", "none", "Rising (1)", "#export-timeouts: 7 signals (was 2) from 3 customers (was 2)", "Falling (0)", "none"],
            lines[^7..]);
    }

    [Fact]
    public void TellsWhoToTellAboutTheShippedTheme_WithTheirQuotes()
    {
        var card = RenderedCard.Of(CardSamples.Typical["ship notice"]);

        var lines = card.Lines.ToList();

        Assert.Equal(
        [
            "#export-timeouts is shipped (3 Nov): streaming exports in 4.2",
            "You captured these quotes for it: the customers will want to hear.",
            "Acme’s “Export times out.” is shipped — tell them.",
            "— Acme · buyer · call · pain · use · high severity · said 21 Nov 2026 · captured by Priya · evidence · recordings.example · message",
            "Globex’s “Exports fail on Mondays.” is shipped — tell them.",
            "— Globex · buyer · call · pain · use · high severity · said 21 Nov 2026 · captured by Priya · evidence · recordings.example · message",
            "and 2 more",
        ], lines);
        Assert.Contains("“SSO is painful.” is shipped — tell the customer.", RenderedCard.Of(CardSamples.Edge["ship notice: no note, no customer"]).Lines);
    }

    [Fact]
    public void ShowsTheWorkspacesZoneAndWeekStart_AndHowToChangeThem()
    {
        var card = RenderedCard.Of(CardSamples.Typical["settings"]);

        var lines = card.Lines.ToList();

        Assert.Equal(["Workspace settings"], card.OfType("TextBlock").Select(t => (string?)t["text"]));
        Assert.Equal(
            [
                "Time zone: Europe/Berlin · today, dates and new digests, for anyone whose own zone is not known",
                "Weeks start on: Monday · this week, last week, since last week",
                "Auto-tagging: on · confident theme suggestions tag captures by themselves, marked as suggested",
                "Masking personal data: on · e-mail addresses, phone and card numbers, IBANs and secrets in captures are masked before saving",
                "Anyone in the workspace can change these: settings timezone Europe/Berlin · settings week-start sunday · settings auto-tag off · settings redact off",
            ],
            lines);
    }

    [Fact]
    public void AsksBeforeErasingACustomer_WithEraseCarryingCoresValue()
    {
        var card = RenderedCard.Of(CardSamples.Edge["confirm forget"]);

        var actions = card.OfType("Action.Execute").ToList();

        Assert.Equal("Erase 3 signals of “Acme Corp”?", card.Lines.First());
        Assert.Contains(card.Lines, l => l.StartsWith("This cannot be undone", StringComparison.Ordinal));
        Assert.Equal(["Erase", "Cancel"], actions.Select(a => (string?)a["title"]));
        Assert.Equal(("forgetCustomer", "0193f2a10000700080000000000000aa U1 Acme Corp"), ((string?)actions[0]["verb"], (string?)actions[0]["data"]?["value"]));
        Assert.Equal("keepCustomer", (string?)actions[1]["verb"]);
    }

    [Fact]
    public void SaysMaskingIsOff_AndHowToSwitchItOn()
    {
        var card = RenderedCard.Of(CardSamples.Edge["settings: redact off"]);

        var lines = card.Lines.ToList();

        Assert.Equal(["Masking of personal data switched off"], card.OfType("TextBlock").Select(t => (string?)t["text"]));
        Assert.Contains("Masking personal data: off · captures are saved as typed", lines);
        Assert.EndsWith("settings redact on", lines[^1]);
    }

    [Fact]
    public void SaysWhatWasMaskedBeforeSaving_UnderACapture()
    {
        var masked = RenderedCard.Of(CardSamples.Edge["confirmed: masked"]).Lines.ToList();
        var plain = RenderedCard.Of(CardSamples.Typical["confirmed"]).Lines;

        Assert.Contains("“Refund [email], card [card] was charged twice.”", masked);
        Assert.Contains("Masked before saving: 1 email, 1 card number", masked);
        Assert.DoesNotContain(plain, l => l.StartsWith("Masked", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("settings: time zone changed, the asker's own differs", "Time zone changed", true)]
    [InlineData("settings: week start changed", "First day of the week changed", false)]
    public void SaysWhichSettingChanged_AndThatSchedulesKeepTheirZone_WhenTheZoneDid(string sample, string heading, bool zoneChanged)
    {
        var card = RenderedCard.Of(CardSamples.Edge[sample]);

        var lines = card.Lines.ToList();

        Assert.Equal([heading], card.OfType("TextBlock").Select(t => (string?)t["text"]));
        Assert.Equal(zoneChanged, lines.Contains("Digests already scheduled keep the zone they were scheduled in; digest status shows it."));
        Assert.Equal(zoneChanged, lines.Contains("Your own time zone, Asia/Tokyo, is used for your answers."));
    }
}
