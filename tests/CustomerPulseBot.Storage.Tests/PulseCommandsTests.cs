using CustomerPulseBot.Core;
using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Customers;
using CustomerPulseBot.Core.Digests;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Themes;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static CustomerPulseBot.Storage.Tests.PulseStoreContractTests;

namespace CustomerPulseBot.Storage.Tests;

/// <summary>
/// What each command answers, run by Core's executor against a real store: one suite for SQLite and
/// PostgreSQL alike. The clock stands at <see cref="PulseStoreContractTests.Now"/>, a Wednesday, in UTC.
/// </summary>
public abstract partial class PulseCommandsTests
{
    private static readonly ChatUser Capturer = new("U1", "Capturer");
    private static readonly ChatUser Other = new("U2", "Other Person");
    private readonly CancellationToken ct = CancellationToken.None;
    private readonly FakeTimeProvider clock = new(Now);

    protected abstract IPulseStore Store { get; }

    private IDigestStore Digests => (IDigestStore)Store;

    private DigestComposer Composer => new(Store, Digests, new Insights(Store));

    private PulseCommands Commands
    {
        get
        {
            var insights = new Insights(Store, Customers);
            var composer = new DigestComposer(Store, Digests, insights);
            var deliverer = new DigestDeliverer(
                Digests, composer, new PostOnce(Digests, clock, NullLogger<PostOnce>.Instance), [], clock, NullLogger<DigestDeliverer>.Instance);
            var digests = new DigestCommands(Digests, new NoSchedule(), deliverer, composer, clock);
            return new PulseCommands(
                Store, insights, clock, NullLogger<PulseCommands>.Instance, Admins, digests,
                apiKeys: ApiKeys, exportLinks: exportLinks, customers: Customers);
        }
    }

    /// <summary>Capturer is a Slack workspace admin here, and nobody else is, unless added.</summary>
    private WorkspaceAdmins Admins
    {
        get
        {
            var slack = new Mock<IPlatformAdmins>();
            slack.Setup(p => p.Platform).Returns(Platform.Slack);
            slack.Setup(p => p.Admins).Returns("Slack workspace owners and admins");
            slack.Setup(p => p.HowToMention).Returns("pick them from the list @ opens");
            slack.Setup(p => p.IsAdminAsync(It.IsAny<ChatContext>(), It.IsAny<CancellationToken>()))
                .ReturnsAsync((ChatContext context, CancellationToken _) => context.User.Id == Capturer.Id);
            slack.Setup(p => p.Mentioned(It.IsAny<ChatContext>(), It.IsAny<string>()))
                .Returns((ChatContext _, string mention) => mention == $"<@{Other.Id}>" ? Other : null);
            return new WorkspaceAdmins((IAdminStore)Store, [slack.Object], NullLogger<WorkspaceAdmins>.Instance);
        }
    }

    [Fact]
    public async Task CountsSignalsAndNamedCustomers_SplitByThemeAndCustomer()
    {
        var workspace = await NewWorkspaceAsync();
        await AddAsync(NewSignal(workspace, "exports time out", customer: "Acme", themes: ["export-timeouts"]));
        await AddAsync(NewSignal(workspace, "export failed again", customer: "Acme", themes: ["export-timeouts"]));
        await AddAsync(NewSignal(workspace, "dashboards are slow", customer: "Globex", themes: ["slow-dashboards"]));
        await AddAsync(NewSignal(workspace, "nobody named this one", themes: ["slow-dashboards"]));
        await AddAsync(NewSignal(workspace, "last month", customer: "Initech", saidAt: Now.AddDays(-40), themes: ["slow-dashboards"]));

        var view = Assert.IsType<CountView>(await RunAsync(workspace, new CountCommand(Period.ThisWeek, QueryFilters.None)));

        Assert.Equal(("this week", 4, 2, null), (view.PeriodLabel, view.Signals, view.Customers, view.Searched));
        Assert.Equal([("export-timeouts", 2), ("slow-dashboards", 2)], view.ByTheme.Select(t => (t.Theme, t.Signals)));
        Assert.Equal([("Acme", 2), ("Globex", 1)], view.ByCustomer.Select(c => (c.Name, c.Signals)));
    }

    [Fact]
    public async Task ListsTheCustomersBehindATheme_WhenTheTopicIsTheThemesNameInWords()
    {
        var workspace = await NewWorkspaceAsync();
        await AddAsync(NewSignal(workspace, "dashboards are slow", customer: "Globex", saidAt: Now.AddHours(-5), themes: ["slow-dashboards"]));
        await AddAsync(NewSignal(workspace, "still slow today", customer: "Globex", saidAt: Now.AddHours(-2), themes: ["slow-dashboards"]));
        await AddAsync(NewSignal(workspace, "charts take a minute", customer: "Hooli", saidAt: Now.AddHours(-3), themes: ["slow-dashboards"]));
        await AddAsync(NewSignal(workspace, "slow and nobody named", themes: ["slow-dashboards"]));
        await AddAsync(NewSignal(workspace, "exports time out", customer: "Acme", themes: ["export-timeouts"]));

        var view = Assert.IsType<CustomersView>(
            await RunAsync(workspace, new CustomersCommand(Period.ThisWeek, new QueryFilters(Topic: "slow dashboards"))));

        Assert.Equal(new QueryFilters(Theme: "slow-dashboards"), view.Filters);
        Assert.Null(view.Searched);
        Assert.Equal(2, view.Customers.Total);
        Assert.Equal([("Globex", 2, "still slow today"), ("Hooli", 1, "charts take a minute")],
            view.Customers.Customers.Select(c => (c.Name, c.Signals, c.Latest.Quote)));
    }

    [Fact]
    public async Task SearchesTheTopicsWords_WhenNoThemeIsNamedSo()
    {
        var workspace = await NewWorkspaceAsync();
        await AddAsync(NewSignal(workspace, "the invoice PDF is blank", customer: "Hooli", themes: ["billing"]));
        await AddAsync(NewSignal(workspace, "billing page is confusing", customer: "Acme", themes: ["billing"]));
        await AddAsync(NewSignal(workspace, "exports time out", customer: "Globex", themes: ["export-timeouts"]));

        var count = Assert.IsType<CountView>(await RunAsync(workspace, new CountCommand(Period.ThisWeek, new QueryFilters(Topic: "invoice"))));
        var top = Assert.IsType<PainPointsView>(await RunAsync(workspace, new TopCommand(Period.ThisWeek, new QueryFilters(Topic: "invoice"))));

        Assert.Equal(("invoice", 1, 1), (count.Searched, count.Signals, count.Customers));
        Assert.Equal("Hooli", Assert.Single(count.ByCustomer).Name);
        Assert.Equal(("billing", 1), (Assert.Single(top.Themes).Theme, top.Themes[0].Signals));
        Assert.Equal("invoice between 9 Mar 2026 and 11 Mar 2026 kind:pain,request", top.Scope);
    }

    [Fact]
    public async Task LeavesOutAQuestionsWordsThatNoQuoteMentions_ButCountsThemAsNone()
    {
        var workspace = await NewWorkspaceAsync();
        await AddAsync(NewSignal(workspace, "exports time out", customer: "Globex", themes: ["export-timeouts"]));
        var asked = new Asked("what's popping up this week?", "top pain points · this week · about “popping”", [], []);
        var popping = new QueryFilters(Topic: "popping");

        var top = Assert.IsType<QuestionView>(await RunAsync(workspace, new TopCommand(Period.ThisWeek, popping, Asked: asked)));
        var count = Assert.IsType<QuestionView>(await RunAsync(workspace, new CountCommand(Period.ThisWeek, popping, asked)));

        Assert.Equal("export-timeouts", Assert.Single(Assert.IsType<PainPointsView>(top.Answer).Themes).Theme);
        Assert.Equal(["popping"], top.Asked.NotUnderstood);
        Assert.Contains("no quote mentions “popping”, so the answer leaves it out", top.Asked.Notes);
        Assert.Equal(0, Assert.IsType<CountView>(count.Answer).Signals);
        Assert.Empty(count.Asked.NotUnderstood);
    }

    [Fact]
    public async Task RanksTheThemeTheTopicNames_AndShowsAsManyAsAsked()
    {
        var workspace = await NewWorkspaceAsync();
        foreach (var (theme, signals) in new[] { ("export-timeouts", 3), ("slow-dashboards", 2), ("sso-setup", 1) })
        {
            for (var i = 0; i < signals; i++)
            {
                await AddAsync(NewSignal(workspace, $"{theme} hurts {i}", customer: $"Customer {i}", themes: [theme]));
            }
        }

        var two = Assert.IsType<PainPointsView>(await RunAsync(workspace, new TopCommand(Period.ThisWeek, QueryFilters.None, Count: 2)));
        var topic = Assert.IsType<PainPointsView>(
            await RunAsync(workspace, new TopCommand(Period.ThisWeek, new QueryFilters(Topic: "slow dashboard"))));

        Assert.Equal(["export-timeouts", "slow-dashboards"], two.Themes.Select(t => t.Theme));
        Assert.Equal(1, two.MoreThemes);
        Assert.Equal("between 9 Mar 2026 and 11 Mar 2026 kind:pain,request", two.Scope);
        Assert.Equal("slow-dashboards", Assert.Single(topic.Themes).Theme);
        Assert.Equal(new QueryFilters(Theme: "slow-dashboards"), topic.Filters);
    }

    [Fact]
    public async Task AnswersAQuestionInsideAQuestionView_SoItCanBeSavedAsAQuoteInstead()
    {
        var workspace = await NewWorkspaceAsync();
        await AddAsync(NewSignal(workspace, "exports time out", customer: "Acme", themes: ["export-timeouts"]));
        var asked = new Asked("what should we fix first?", "top pain points, this week", [], []);

        var view = Assert.IsType<QuestionView>(await RunAsync(workspace, new TopCommand(Period.ThisWeek, QueryFilters.None, Asked: asked)));

        Assert.Equal(asked, view.Asked);
        Assert.Equal("export-timeouts", Assert.Single(Assert.IsType<PainPointsView>(view.Answer).Themes).Theme);
        Assert.Equal(1, await CountAsync(workspace)); // nothing stored
    }

    [Fact]
    public async Task AnswersAQuestionInPlainWords_WithItsDates_AndStoresNothing()
    {
        var workspace = await NewWorkspaceAsync();
        await AddAsync(NewSignal(workspace, "dashboards are slow", customer: "Globex", themes: ["slow-dashboards"]));
        await AddAsync(NewSignal(workspace, "charts take a minute", customer: "Hooli", themes: ["slow-dashboards"]));

        const string question = "which customers are affected by slow dashboards?";
        var asked = Assert.IsType<CustomersCommand>(CommandParser.Parse(question, DateOnly.FromDateTime(Now.UtcDateTime), DayOfWeek.Monday));

        var view = Assert.IsType<QuestionView>(await Commands.HandleTextAsync(Context(workspace), question, ct));

        var customers = Assert.IsType<CustomersView>(view.Answer);
        Assert.Equal("slow-dashboards", customers.Filters.Theme);
        Assert.Equal(["Globex", "Hooli"], customers.Customers.Customers.Select(c => c.Name).Order());
        Assert.Equal((asked.Asked?.Text, asked.Asked?.Reading), (view.Asked.Text, view.Asked.Reading));
        Assert.Equal(asked.Period.Resolve(Now, TimeZoneInfo.Utc, DayOfWeek.Monday).Dates, customers.Dates);
        Assert.NotNull(customers.Dates);
        Assert.Equal(2, await CountAsync(workspace));
    }

    [Fact]
    public async Task ListsEveryQuoteARankedThemeCounts_WhenItsScopeIsSearched()
    {
        var workspace = await NewWorkspaceAsync();
        for (var i = 0; i < 12; i++)
        {
            await AddAsync(NewSignal(workspace, $"exports time out {i}", customer: $"Customer {i % 4}", segment: "buyer", saidAt: Now.AddHours(-1 - i), themes: ["export-timeouts"]));
        }

        await AddAsync(NewSignal(workspace, "exports are lovely now", kind: SignalKind.Praise, segment: "buyer", themes: ["export-timeouts"]));
        await AddAsync(NewSignal(workspace, "exports time out for admins", segment: "admin", themes: ["export-timeouts"]));
        await AddAsync(NewSignal(workspace, "exports timed out last month", segment: "buyer", saidAt: Now.AddDays(-20), themes: ["export-timeouts"]));

        var top = Assert.IsType<PainPointsView>(
            await RunAsync(workspace, new TopCommand(Period.ThisWeek, new QueryFilters(Segment: "buyer"))));
        var ranked = Assert.Single(top.Themes);
        var all = Assert.IsType<SearchResultsView>(
            await Commands.HandleTextAsync(Context(workspace), $"search #{ranked.Theme} {top.Scope}", ct));

        Assert.Equal("between 9 Mar 2026 and 11 Mar 2026 segment:buyer kind:pain,request", top.Scope);
        Assert.Equal((12, 12), (ranked.Signals, all.Total));
        Assert.Equal("exports time out 0", all.Signals[0].Quote);
    }

    [Fact]
    public async Task ListsFrictionPerJourneyStageWorstFirst_WithTheMostTellingQuoteOfEach()
    {
        var workspace = await NewWorkspaceAsync();
        await AddAsync(NewSignal(workspace, "setup wizard lost my data", customer: "Acme", severity: Severity.High) with { Stage = JourneyStage.Onboard });
        await AddAsync(NewSignal(workspace, "invites never arrived", customer: "Globex") with { Stage = JourneyStage.Onboard });
        await AddAsync(NewSignal(workspace, "charts are slow", customer: "Acme") with { Stage = JourneyStage.Use });
        await AddAsync(NewSignal(workspace, "charts crash the tab", customer: "Acme", severity: Severity.Critical) with { Stage = JourneyStage.Use });
        await AddAsync(NewSignal(workspace, "filters reset", customer: "Acme", severity: Severity.Low) with { Stage = JourneyStage.Use });
        await AddAsync(NewSignal(workspace, "somewhere along the way") with { Stage = null });
        await AddAsync(NewSignal(workspace, "we love the charts", customer: "Hooli", kind: SignalKind.Praise) with { Stage = JourneyStage.Renew });

        var view = Assert.IsType<JourneyView>(await RunAsync(workspace, new JourneyCommand(Period.ThisWeek, QueryFilters.None)));

        Assert.Equal(
            [(JourneyStage.Onboard, 2, 2, "setup wizard lost my data"), (JourneyStage.Use, 3, 1, "charts crash the tab"), (null, 1, 0, null)],
            view.Stages.Select(s => (s.Stage, s.Signals, s.Customers, s.Quote?.Quote)));
    }

    [Fact]
    public async Task ShowsTheShippedThemesFiguresAsTheDigestDoes()
    {
        var workspace = await NewWorkspaceAsync();
        var shippedAt = Now.AddDays(-5);
        for (var i = 0; i < 4; i++)
        {
            await AddAsync(NewSignal(workspace, $"checkout failed {i}", saidAt: shippedAt.AddDays(-1 - i), themes: ["checkout-errors"]));
        }

        await AddAsync(NewSignal(workspace, "checkout failed once more", saidAt: shippedAt.AddDays(2), themes: ["checkout-errors"]));
        var theme = (await Store.FindThemeAsync(workspace.Id, "checkout-errors", ct))!;
        await Store.SetThemeStatusAsync(workspace.Id, theme, ThemeStatus.Shipped, shippedAt, "new payment flow", ct);

        var asked = Assert.IsType<ShippedView>(await RunAsync(workspace, new ShippedCommand(new QueryFilters(Topic: "checkout errors"))));
        var every = Assert.IsType<ShippedView>(await RunAsync(workspace, new ShippedCommand(QueryFilters.None)));
        var unknown = Assert.IsType<ShippedView>(await RunAsync(workspace, new ShippedCommand(new QueryFilters(Topic: "dark mode"))));
        var digest = await Composer.ComposeAsync(workspace.Id, QueryFilters.None, TimeZoneInfo.Utc, new DateRange(Now.AddDays(-1), Now), ct);

        Assert.Equal("checkout-errors", asked.Theme);
        Assert.Equal(new ShippedThemeRate("checkout-errors", new DateOnly(2026, 3, 6), 5, 4, 1), Assert.Single(asked.Themes));
        Assert.Equal(digest.Shipped, asked.Themes);
        Assert.Equal(asked.Themes, every.Themes);
        Assert.Equal(("dark mode", 0), (unknown.Theme, unknown.Themes.Count));
    }

    [Fact]
    public async Task SummarizesAPeriodAsTheDigestOfItsDays()
    {
        var workspace = await NewWorkspaceAsync();
        await AddAsync(NewSignal(workspace, "heard yesterday", capturedAt: Now.AddDays(-1), saidAt: Now.AddDays(-1), themes: ["sso-setup"]));
        await AddAsync(NewSignal(workspace, "heard today", capturedAt: Now, themes: ["sso-setup"]));

        var view = Assert.IsType<DigestView>(
            await RunAsync(workspace, new SummaryCommand(new Period(PeriodKind.Yesterday), QueryFilters.None)));

        Assert.Equal(("yesterday", new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 10)), (view.PeriodLabel, view.Since, view.Until));
        Assert.Equal(["heard yesterday"], view.Fresh.Select(s => s.Quote));
        Assert.Equal("between 10 Mar 2026 and 10 Mar 2026", view.Scope);
        Assert.Equal("sso-setup", Assert.Single(view.New).Theme);
    }

    [Fact]
    public async Task UndoesMyLastCaptures_OneAtATime_AndSaysSoWhenNoneAreLeft()
    {
        var workspace = await NewWorkspaceAsync();
        var first = await CaptureAsync(workspace, "Exports time out customer:Acme");
        clock.Advance(TimeSpan.FromMinutes(1));
        var second = await CaptureAsync(workspace, "SSO broke again customer:Globex");
        clock.Advance(TimeSpan.FromMinutes(1));
        await CaptureAsync(workspace, "someone else's quote customer:Hooli", Other);

        var undone = new[] { await RunAsync(workspace, new UndoCommand()), await RunAsync(workspace, new UndoCommand()) };
        var nothing = Assert.IsType<NoticeView>(await RunAsync(workspace, new UndoCommand()));

        Assert.Equal([second.Id, first.Id], undone.Select(v => Assert.IsType<SignalDeletedView>(v).Signal.Id));
        Assert.Equal("Nothing to undo", nothing.Title);
        Assert.Equal(1, await CountAsync(workspace));
    }

    [Fact]
    public async Task RefusesToDeleteOrEditAnotherPersonsCapture_NamingWhoCan()
    {
        var workspace = await NewWorkspaceAsync();
        var signal = await CaptureAsync(workspace, "Exports time out customer:Acme");

        var delete = Assert.IsType<AdminOnlyView>(await RunAsync(workspace, new DeleteSignalCommand(signal.ShortId), Other, $"delete {signal.ShortId}"));
        var edit = Assert.IsType<NoticeView>(await RunAsync(workspace, new EditSignalCommand(signal.ShortId), Other));
        var save = Assert.IsType<NoticeView>(await Commands.SubmitCaptureAsync(Context(workspace, Other), new CaptureDraft("hijacked"), signal.Id, ct));

        Assert.Equal("Only workspace admins can delete quotes other people captured", delete.Title);
        Assert.Equal($"delete {signal.ShortId}", delete.OriginalText);
        Assert.Equal("Only Capturer can edit this quote", edit.Title);
        Assert.Equal(edit, save);
        var read = await Store.GetSignalAsync(workspace.Id, signal.Id, ct);
        Assert.Equal(signal with { Themes = [] }, read! with { Themes = [] });
        Assert.Equal(signal.Themes, read.Themes);
    }

    [Fact]
    public async Task SaysWhichQuoteItCannotFind_WhenAReferenceMatchesNone()
    {
        var workspace = await NewWorkspaceAsync();
        await CaptureAsync(workspace, "Exports time out customer:Acme");

        var view = Assert.IsType<NotUnderstoodView>(await RunAsync(workspace, new DeleteSignalCommand("abcdef12"), text: "delete abcdef12"));

        Assert.Equal(("delete the quote abcdef12", "delete abcdef12"), (view.Understood, view.OriginalText));
        Assert.StartsWith("there is no quote abcdef12 here", view.Problem);
    }

    [Fact]
    public async Task EditsACaptureInPlace_FromAFormPrefilledWithIt()
    {
        var workspace = await NewWorkspaceAsync();
        var signal = await CaptureAsync(workspace, "Exports time out customer:Acme #exports severity:high said:2026-03-09");

        var form = Assert.IsType<CaptureFormView>(await RunAsync(workspace, new EditSignalCommand(signal.ShortId.ToUpperInvariant())));
        clock.Advance(TimeSpan.FromHours(1));
        var saved = Assert.IsType<CaptureConfirmedView>(await Commands.SubmitCaptureAsync(
            Context(workspace), form.Draft with { Quote = "Exports time out every Monday", Customer = "Globex" }, form.Editing, ct));

        Assert.Equal(signal.Id, form.Editing);
        Assert.Equal(
            new CaptureDraft("Exports time out", "Acme", null, null, "pain", null, null, "high", null, "2026-03-09"),
            form.Draft with { Themes = null });
        Assert.Equal(["exports"], form.Draft.Themes);
        Assert.True(saved.Edited);
        var read = await Store.GetSignalAsync(workspace.Id, signal.Id, ct);
        Assert.Equal(signal with { Quote = "Exports time out every Monday", Customer = "Globex", Themes = [] }, read! with { Themes = [] });
        Assert.Equal(["exports"], read.Themes);
        Assert.Equal(1, await CountAsync(workspace));
    }

    [Fact]
    public async Task MergesTwoSpellingsOfACustomer_AndCountsThemAsOne()
    {
        var workspace = await NewWorkspaceAsync();
        await AddAsync(NewSignal(workspace, "exports time out", customer: "Acme Corp", themes: ["export-timeouts"]));
        await AddAsync(NewSignal(workspace, "exports fail", customer: "ACME CORP", themes: ["export-timeouts"]));
        await AddAsync(NewSignal(workspace, "exports are slow", customer: "Acme", themes: ["export-timeouts"]));

        var merged = Assert.IsType<NoticeView>(await RunAsync(workspace, new MergeCustomersCommand("Acme Corp", "Acme")));
        var customers = Assert.IsType<CustomersView>(await RunAsync(workspace, new CustomersCommand(Period.ThisWeek, QueryFilters.None)));

        Assert.Equal("Merged customer \"Acme Corp\" into \"Acme\"", merged.Title);
        Assert.StartsWith("2 signals of \"Acme Corp\" now count for \"Acme\"", merged.Text);
        Assert.Equal((1, 3), (customers.Customers.Total, Assert.Single(customers.Customers.Customers).Signals));
    }

    [Fact]
    public async Task LeavesADeletedSignalOutOfTopTrendsSearchCountsAndTheNextDigest()
    {
        var workspace = await NewWorkspaceAsync();
        await CaptureAsync(workspace, "Exports time out customer:Acme #export-timeouts");
        var deleted = await CaptureAsync(workspace, "Exports vanished overnight customer:Globex #export-timeouts");

        await RunAsync(workspace, new DeleteSignalCommand(deleted.ShortId));
        clock.Advance(TimeSpan.FromMinutes(1)); // captured now: in "this week" from the next minute
        var top = Assert.IsType<PainPointsView>(await RunAsync(workspace, new TopCommand(Period.ThisWeek, QueryFilters.None)));
        var trends = Assert.IsType<TrendsView>(await RunAsync(workspace, new TrendsCommand(Period.ThisWeek, QueryFilters.None)));
        var search = Assert.IsType<SearchResultsView>(await RunAsync(workspace, new SearchCommand("vanished", null, QueryFilters.None)));
        var count = Assert.IsType<CountView>(await RunAsync(workspace, new CountCommand(Period.ThisWeek, QueryFilters.None)));
        var digest = await Composer.ComposeAsync(workspace.Id, QueryFilters.None, TimeZoneInfo.Utc, new DateRange(Now.AddDays(-1), Now.AddMinutes(1)), ct);

        Assert.Equal((1, 1, 1), (top.TotalSignals, top.Themes[0].Signals, top.Themes[0].Customers));
        Assert.Equal(1, Assert.Single(trends.New).Signals);
        Assert.Equal(0, search.Total);
        Assert.Equal((1, 1), (count.Signals, count.Customers));
        Assert.Equal(["Exports time out"], digest.Fresh.Select(s => s.Quote));
    }

    [Fact]
    public async Task SearchesTheLast90Days_WhenNoPeriodIsGiven_AndSaysSo()
    {
        var workspace = await NewWorkspaceAsync();
        await AddAsync(NewSignal(workspace, "latency spikes every morning", saidAt: Now.AddDays(-10)));
        await AddAsync(NewSignal(workspace, "latency was awful last winter", saidAt: Now.AddDays(-100)));

        var view = Assert.IsType<SearchResultsView>(await RunAsync(workspace, new SearchCommand("latency", null, QueryFilters.None)));

        Assert.Equal(("latency", "the last 90 days", 1), (view.Words, view.PeriodLabel, view.Total));
        Assert.Equal("latency spikes every morning", Assert.Single(view.Signals).Quote);
    }

    [Fact]
    public async Task ListsAThemesQuotesNewestFirst_WhenASearchNamesOnlyTheTheme()
    {
        var workspace = await NewWorkspaceAsync();
        await AddAsync(NewSignal(workspace, "SSO setup took a week", saidAt: Now.AddDays(-3), themes: ["sso-setup"]));
        await AddAsync(NewSignal(workspace, "love the new SSO page", kind: SignalKind.Praise, saidAt: Now.AddDays(-1), themes: ["sso-setup"]));
        await AddAsync(NewSignal(workspace, "SSO metadata rejected", saidAt: Now.AddDays(-2), themes: ["sso-setup"], segment: "buyer"));
        await AddAsync(NewSignal(workspace, "exports time out", saidAt: Now.AddDays(-1), themes: ["export-timeouts"]));

        var all = Assert.IsType<SearchResultsView>(
            await RunAsync(workspace, new SearchCommand("", Period.LastDays(30), new QueryFilters(Theme: "sso-setup"))));
        var buyers = Assert.IsType<SearchResultsView>(
            await RunAsync(workspace, new SearchCommand("", null, new QueryFilters(Segment: "buyer", Theme: "sso-setup"))));

        Assert.Equal(["love the new SSO page", "SSO metadata rejected", "SSO setup took a week"], all.Signals.Select(s => s.Quote));
        Assert.Equal((3, "the last 30 days"), (all.Total, all.PeriodLabel));
        Assert.Equal(["SSO metadata rejected"], buyers.Signals.Select(s => s.Quote));
    }

    [Fact]
    public async Task CallsAThemeNewOnlyWhenUnheardInThe90DaysBefore_WithATellingQuotePerTrend()
    {
        var workspace = await NewWorkspaceAsync();
        await AddAsync(NewSignal(workspace, "old friend, months ago", saidAt: Now.AddDays(-40), themes: ["old-friend"]));
        await AddAsync(NewSignal(workspace, "old friend is back", saidAt: Now.AddDays(-2), themes: ["old-friend"]));
        await AddAsync(NewSignal(workspace, "old friend, loudly", severity: Severity.Critical, saidAt: Now.AddDays(-1), themes: ["old-friend"]));
        await AddAsync(NewSignal(workspace, "never heard before", saidAt: Now.AddDays(-1), themes: ["brand-new"]));
        for (var i = 0; i < 3; i++)
        {
            await AddAsync(NewSignal(workspace, $"gone quiet {i}", saidAt: Now.AddDays(-9 - i), themes: ["gone-quiet"]));
        }

        var view = Assert.IsType<TrendsView>(await RunAsync(workspace, new TrendsCommand(Period.LastDays(7), QueryFilters.None)));

        Assert.Equal([("brand-new", "never heard before")], view.New.Select(t => (t.Theme, t.Quote?.Quote)));
        Assert.Equal([("old-friend", "old friend, loudly")], view.Rising.Select(t => (t.Theme, t.Quote?.Quote)));
        var falling = Assert.Single(view.Falling);
        Assert.Equal(("gone-quiet", 0, 3), (falling.Theme, falling.Signals, falling.PreviousSignals));
        Assert.StartsWith("gone quiet", falling.Quote?.Quote);
    }

    [Fact]
    public async Task StoresAOneLineCaptureWithoutAnUnknownSegment_AndSaysWhatWasLeftOut()
    {
        var workspace = await NewWorkspaceAsync();

        var view = Assert.IsType<CaptureConfirmedView>(
            await Commands.HandleTextAsync(Context(workspace), "Exports keep timing out customer:Acme segment:whale", ct));

        var left = Assert.Single(view.LeftOut!);
        Assert.Equal(CaptureField.Segment, left.Field);
        Assert.EndsWith("Saved without it; use Edit to add it.", left.Message);
        var stored = await Store.GetSignalAsync(workspace.Id, view.Signal.Id, ct);
        Assert.Equal(("Exports keep timing out", "Acme", null), (stored!.Quote, stored.Customer, stored.Segment));
    }

    [Fact]
    public async Task ShowsAndChangesTheWorkspacesSettings_AndSaysWhenTheAskersOwnZoneRulesTheirAnswers()
    {
        var workspace = await NewWorkspaceAsync();

        var shown = await Commands.HandleTextAsync(ChatContext.For(workspace, Capturer, "C1"), "settings", ct);
        var zoned = await Commands.HandleTextAsync(ChatContext.For(workspace, Capturer, "C1", "Asia/Tokyo"), "settings timezone europe/berlin", ct);
        var berlin = (await Store.GetWorkspaceAsync(workspace.Id, ct))!;
        var weeks = await Commands.HandleTextAsync(ChatContext.For(berlin, Capturer, "C1"), "settings week-start sunday", ct);

        Assert.Equal(new SettingsView("UTC", DayOfWeek.Monday), shown);
        Assert.Equal(new SettingsView("Europe/Berlin", DayOfWeek.Monday, WorkspaceSetting.TimeZone, "Asia/Tokyo"), zoned);
        Assert.Equal(new SettingsView("Europe/Berlin", DayOfWeek.Sunday, WorkspaceSetting.WeekStart), weeks);
        Assert.Equal((DayOfWeek.Sunday, "Europe/Berlin"), ((await Store.GetWorkspaceAsync(workspace.Id, ct))!.WeekStart, berlin.TimeZone));
    }

    [Fact]
    public async Task StartsThisWeekOnTheWorkspacesFirstDay_OnceSettingsChangeIt()
    {
        var workspace = await NewWorkspaceAsync();
        var before = Assert.IsType<PainPointsView>(await Commands.HandleTextAsync(Context(workspace), "top this week", ct));
        await Commands.HandleTextAsync(Context(workspace), "settings week-start sunday", ct);
        var changed = (await Store.GetWorkspaceAsync(workspace.Id, ct))!;

        var after = Assert.IsType<PainPointsView>(await Commands.HandleTextAsync(Context(changed), "top this week", ct));

        Assert.Equal("Mon 9 Mar – Sun 15 Mar", before.Dates);
        Assert.Equal("Sun 8 Mar – Sat 14 Mar", after.Dates);
    }

    [Fact]
    public async Task ConfirmsTheFirstCapture_WhenThePersonSendsTheSameAgainWithinMinutes()
    {
        var workspace = await NewWorkspaceAsync();
        const string text = "Exports keep timing out customer:Acme #export-timeouts";

        var first = Assert.IsType<CaptureConfirmedView>(await Commands.HandleTextAsync(Context(workspace), text, ct));
        clock.Advance(PulseCommands.SameCaptureWindow - TimeSpan.FromSeconds(1));
        var again = Assert.IsType<CaptureConfirmedView>(await Commands.HandleTextAsync(Context(workspace), text, ct));
        var otherCustomer = Assert.IsType<CaptureConfirmedView>(
            await Commands.HandleTextAsync(Context(workspace), "Exports keep timing out customer:Globex", ct));
        var otherPerson = Assert.IsType<CaptureConfirmedView>(await Commands.HandleTextAsync(Context(workspace, Other), text, ct));
        clock.Advance(TimeSpan.FromSeconds(2));
        var later = Assert.IsType<CaptureConfirmedView>(await Commands.HandleTextAsync(Context(workspace), text, ct));

        Assert.Equal((false, true, false, false, false),
            (first.AlreadySaved, again.AlreadySaved, otherCustomer.AlreadySaved, otherPerson.AlreadySaved, later.AlreadySaved));
        Assert.Equal(first.Signal.Id, again.Signal.Id);
        Assert.Equal(["export-timeouts"], first.NewThemes);
        Assert.Empty(again.NewThemes);
        Assert.Equal(4, await CountAsync(workspace));
    }

    private static ChatContext Context(Workspace workspace, ChatUser? user = null) => new(workspace, user ?? Capturer, "C1", TimeZoneInfo.Utc);

    private Task<View> RunAsync(Workspace workspace, Command command, ChatUser? user = null, string text = "") =>
        Commands.ExecuteAsync(Context(workspace, user), command, text, ct);

    private async Task<Signal> CaptureAsync(Workspace workspace, string text, ChatUser? user = null) =>
        Assert.IsType<CaptureConfirmedView>(await Commands.HandleTextAsync(Context(workspace, user), text, ct)).Signal;

    private Task<int> CountAsync(Workspace workspace) => Store.CountSignalsAsync(workspace.Id, new SignalFilter(), ct);

    private Task<Workspace> NewWorkspaceAsync() =>
        Store.ResolveWorkspaceAsync(Platform.Slack, "T" + Guid.NewGuid().ToString("N"), "commands", ct);

    private Task AddAsync(Signal signal) => Store.AddSignalAsync(signal.WorkspaceId, signal, ct);

    private sealed class NoSchedule : IDigestSchedule
    {
        public void Schedule(Subscription subscription)
        {
        }

        public void Unschedule(Subscription subscription)
        {
        }

        public void QueueNow(Subscription subscription, DateTimeOffset until)
        {
        }

        public void QueueShipNotices(WorkspaceId workspace, string theme)
        {
        }
    }
}
