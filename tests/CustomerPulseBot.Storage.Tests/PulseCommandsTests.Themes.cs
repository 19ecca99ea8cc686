using CustomerPulseBot.Core;
using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Digests;
using CustomerPulseBot.Core.Meaning;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using static CustomerPulseBot.Storage.Tests.PulseStoreContractTests;

namespace CustomerPulseBot.Storage.Tests;

// Themes by meaning in chat, run by Core's executor against a real store. The meaning service is a mock giving fixed
// answers; the meaning store's tags are written through the real store, so each answer reads back what a click did.
public abstract partial class PulseCommandsTests
{
    private readonly Mock<IMeaning> meaning = new();

    private PulseCommands WithMeaning =>
        new(Store, new Insights(Store), clock, NullLogger<PulseCommands>.Instance, Admins, null, meaning.Object, (IMeaningStore)Store);

    [Fact]
    public async Task OffersTheSuggestedTheme_WhenMeaningFindsOneForAnUntaggedCapture()
    {
        var workspace = await NewWorkspaceAsync();
        Signal? seen = null;
        meaning.Setup(m => m.AfterCaptureAsync(It.IsAny<Workspace>(), It.IsAny<Signal>(), It.IsAny<CancellationToken>()))
            .Callback((Workspace _, Signal s, CancellationToken _) => seen = s)
            .ReturnsAsync(new CaptureMeaning(new ThemeGuess("export-timeouts", 0.7f, false), null, null));

        var view = Assert.IsType<CaptureConfirmedView>(await WithMeaning.HandleTextAsync(Context(workspace), "Exports stall after a minute customer:Acme", ct));

        Assert.Equal("export-timeouts", view.Meaning?.Suggestion?.Theme);
        Assert.Equal(view.Signal.Id, seen?.Id);
        Assert.NotNull(await Store.GetSignalAsync(workspace.Id, view.Signal.Id, ct));
    }

    [Fact]
    public async Task ShowsTheTagMarkedSuggested_WhenMeaningTaggedTheCaptureItself()
    {
        var workspace = await NewWorkspaceAsync();
        meaning.Setup(m => m.AfterCaptureAsync(It.IsAny<Workspace>(), It.IsAny<Signal>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CaptureMeaning(new ThemeGuess("export-timeouts", 0.95f, true), "export-timeouts", null));

        var view = Assert.IsType<CaptureConfirmedView>(await WithMeaning.HandleTextAsync(Context(workspace), "Exports stall after a minute", ct));

        Assert.Equal(["export-timeouts"], view.Signal.Themes);
        Assert.Equal(["export-timeouts"], view.Signal.SuggestedThemes);
    }

    [Fact]
    public async Task ConfirmsTheCaptureWithoutMeaning_WhenMeaningFailsOrRunsPastItsBudget()
    {
        var workspace = await NewWorkspaceAsync();
        var called = new TaskCompletionSource();
        meaning.Setup(m => m.AfterCaptureAsync(It.IsAny<Workspace>(), It.Is<Signal>(s => s.Quote == "slow one"), It.IsAny<CancellationToken>()))
            .Callback(called.SetResult)
            .Returns(new TaskCompletionSource<CaptureMeaning>().Task);
        meaning.Setup(m => m.AfterCaptureAsync(It.IsAny<Workspace>(), It.Is<Signal>(s => s.Quote == "failing one"), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("the model is gone"));

        var slow = WithMeaning.HandleTextAsync(Context(workspace), "slow one", ct);
        await called.Task;
        clock.Advance(PulseCommands.MeaningBudget);
        var late = Assert.IsType<CaptureConfirmedView>(await slow);
        var failed = Assert.IsType<CaptureConfirmedView>(await WithMeaning.HandleTextAsync(Context(workspace), "failing one", ct));

        Assert.Null(late.Meaning);
        Assert.Null(failed.Meaning);
        Assert.Equal(2, await CountAsync(workspace));
    }

    [Fact]
    public async Task TagsTheCaptureAsThePersonsChoice_WhenAddOrNewThemeIsClicked()
    {
        var workspace = await NewWorkspaceAsync();
        var signal = await CaptureAsync(workspace, "Exports stall after a minute");
        var commands = WithMeaning;

        var added = Assert.IsType<CaptureConfirmedView>(
            await commands.RunThemeActionAsync(Context(workspace), ThemeAction.Add, ThemeButtons.SignalAndTheme(signal.Id, "export-timeouts"), null, ct));
        var named = Assert.IsType<CaptureConfirmedView>(
            await commands.RunThemeActionAsync(Context(workspace), ThemeAction.NewTheme, ThemeButtons.Signal(signal.Id), "Report Downloads", ct));

        var stored = await Store.GetSignalAsync(workspace.Id, signal.Id, ct);
        Assert.Equal(["export-timeouts", "report-downloads"], stored?.Themes);
        Assert.Empty(stored?.SuggestedThemes ?? ["missing"]);
        Assert.Equal(["export-timeouts"], added.Signal.Themes);
        Assert.Equal(["export-timeouts", "report-downloads"], named.Signal.Themes);
        Assert.Equal(["report-downloads"], named.NewThemes);
    }

    [Fact]
    public async Task RemovesTheSuggestedTag_WhenRemoveIsClicked()
    {
        var workspace = await NewWorkspaceAsync();
        var signal = await CaptureAsync(workspace, "Exports stall #export-timeouts");

        var view = Assert.IsType<CaptureConfirmedView>(
            await WithMeaning.RunThemeActionAsync(Context(workspace), ThemeAction.Remove, ThemeButtons.SignalAndTheme(signal.Id, "export-timeouts"), null, ct));

        Assert.Empty((await Store.GetSignalAsync(workspace.Id, signal.Id, ct))?.Themes ?? ["missing"]);
        Assert.Empty(view.Signal.Themes);
    }

    [Fact]
    public async Task MergesTheCaptureIntoTheEarlierQuote_WhenMergeIsClicked()
    {
        var workspace = await NewWorkspaceAsync();
        var earlier = await CaptureAsync(workspace, "Exports time out customer:Acme");
        var again = await CaptureAsync(workspace, "Exports time out again customer:Acme");

        var view = Assert.IsType<NoticeView>(
            await WithMeaning.RunThemeActionAsync(Context(workspace), ThemeAction.Merge, ThemeButtons.Duplicate(again.Id, earlier.Id), null, ct));
        var kept = Assert.IsType<CaptureConfirmedView>(
            await WithMeaning.RunThemeActionAsync(Context(workspace), ThemeAction.KeepBoth, ThemeButtons.Signal(again.Id), null, ct));

        Assert.Equal(1, await Store.CountSignalsAsync(workspace.Id, new SignalFilter(), ct));
        Assert.Equal(earlier.Id, Assert.Single(await Store.FindSignalsAsync(workspace.Id, new SignalFilter(), 5, ct)).Id);
        Assert.Equal("Merged with the quote captured on 11 Mar", view.Title);
        Assert.Null(kept.Meaning);
    }

    [Theory]
    [InlineData(ThemeAction.Add, null)]
    [InlineData(ThemeAction.Add, "")]
    [InlineData(ThemeAction.Add, "not-an-id export-timeouts")]
    [InlineData(ThemeAction.Add, "{id}")]
    [InlineData(ThemeAction.Add, "{id} export-timeouts extra")]
    [InlineData(ThemeAction.Remove, "{id} Not_Normal")]
    [InlineData(ThemeAction.Merge, "{id}")]
    [InlineData(ThemeAction.KeepBoth, "{id} {id}")]
    [InlineData(ThemeAction.Create, "0 1700000000 1700600000 sso-loops {id}")]
    [InlineData(ThemeAction.Create, "1 1700600000 1700000000 sso-loops {id}")]
    [InlineData(ThemeAction.Create, "1 1700000000 1700600000 SSO_Loops {id}")]
    [InlineData(ThemeAction.Create, "1 1700000000 1700600000 sso-loops {id},{id}")]
    [InlineData(ThemeAction.Create, "1 1700000000 1700600000 sso-loops")]
    public async Task RefusesAndChangesNothing_WhenAButtonsValueIsNotOneItWrites(ThemeAction action, string? value)
    {
        var workspace = await NewWorkspaceAsync();
        var signal = await CaptureAsync(workspace, "Exports stall after a minute");

        var view = Assert.IsType<NoticeView>(
            await WithMeaning.RunThemeActionAsync(Context(workspace), action, value?.Replace("{id}", signal.Id.ToString("N")), "typed", ct));

        Assert.Equal("Nothing was done", view.Title);
        Assert.Empty((await Store.GetSignalAsync(workspace.Id, signal.Id, ct))?.Themes ?? ["missing"]);
        Assert.Equal(1, await Store.CountSignalsAsync(workspace.Id, new SignalFilter(), ct));
    }

    [Fact]
    public async Task RefusesAnotherPersonsCapture_WhenTheyClickItsButtons()
    {
        var workspace = await NewWorkspaceAsync();
        var signal = await CaptureAsync(workspace, "Exports stall after a minute");

        var tag = Assert.IsType<NoticeView>(await WithMeaning.RunThemeActionAsync(
            Context(workspace, Other), ThemeAction.Add, ThemeButtons.SignalAndTheme(signal.Id, "export-timeouts"), null, ct));
        var merge = Assert.IsType<NoticeView>(await WithMeaning.RunThemeActionAsync(
            Context(workspace, Other), ThemeAction.Merge, ThemeButtons.Duplicate(signal.Id, Guid.NewGuid()), null, ct));
        var elsewhere = Assert.IsType<NoticeView>(await WithMeaning.RunThemeActionAsync(
            Context(await NewWorkspaceAsync()), ThemeAction.Add, ThemeButtons.SignalAndTheme(signal.Id, "export-timeouts"), null, ct));

        Assert.Equal("Only Capturer can tag this quote", tag.Title);
        Assert.Equal("Only Capturer can merge this quote", merge.Title);
        Assert.Equal("That quote is gone", elsewhere.Title);
        Assert.Empty((await Store.GetSignalAsync(workspace.Id, signal.Id, ct))?.Themes ?? ["missing"]);
        Assert.Equal(1, await Store.CountSignalsAsync(workspace.Id, new SignalFilter(), ct));
    }

    [Fact]
    public async Task SaysWhatANewThemeNeeds_WhenTheTypedNameIsEmptyOrCannotBeOne()
    {
        var workspace = await NewWorkspaceAsync();
        var signal = await CaptureAsync(workspace, "Exports stall after a minute");

        var empty = Assert.IsType<NoticeView>(await WithMeaning.RunThemeActionAsync(Context(workspace), ThemeAction.NewTheme, ThemeButtons.Signal(signal.Id), "  ", ct));
        var bad = Assert.IsType<NoticeView>(await WithMeaning.RunThemeActionAsync(Context(workspace), ThemeAction.NewTheme, ThemeButtons.Signal(signal.Id), "!!!", ct));

        Assert.Contains("Type the new theme's name", empty.Text);
        Assert.Contains("\"!!!\" cannot be a theme name", bad.Text);
        Assert.Empty((await Store.GetSignalAsync(workspace.Id, signal.Id, ct))?.Themes ?? ["missing"]);
        Assert.Equal(1, await Store.CountSignalsAsync(workspace.Id, new SignalFilter(), ct));
    }

    [Fact]
    public async Task ListsCandidateThemesOfThePeriod_WhenThemesNewIsAsked()
    {
        var workspace = await NewWorkspaceAsync();
        var candidate = new CandidateTheme("sso-login-loops", [Guid.NewGuid(), Guid.NewGuid()], 2, []);
        meaning.Setup(m => m.DiscoverAsync(workspace.Id, It.IsAny<DateRange>(), It.IsAny<CancellationToken>())).ReturnsAsync([candidate]);

        var view = Assert.IsType<NewThemesView>(await WithMeaning.HandleTextAsync(Context(workspace), "themes new this week", ct));
        var asked = Assert.IsType<QuestionView>(await WithMeaning.HandleTextAsync(Context(workspace), "what new themes are there this month?", ct));
        var off = Assert.IsType<NoticeView>(await Commands.HandleTextAsync(Context(workspace), "themes new", ct));

        Assert.Equal(("this week", "Mon 9 Mar – Sun 15 Mar"), (view.PeriodLabel, view.Dates));
        Assert.Equal([candidate], view.Themes);
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 0, 0, 0, TimeSpan.Zero), view.Period.Start);
        Assert.Equal("this month", Assert.IsType<NewThemesView>(asked.Answer).PeriodLabel);
        Assert.Equal("Finding new themes is not switched on", off.Title);
    }

    [Fact]
    public async Task TagsEveryQuoteOfTheCandidate_WhenCreateThemeIsClicked_EvenBeyondWhatItsButtonCarries()
    {
        var workspace = await NewWorkspaceAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 60; i++)
        {
            ids.Add((await CaptureAsync(workspace, $"SSO loops back to the login page, take {i}")).Id);
        }

        var small = new CandidateTheme("sso-login-loops", ids[..5], 3, []);
        var large = new CandidateTheme("login-loops", ids, 9, []);
        var week = new DateRange(Now.AddDays(-7), Now);
        meaning.Setup(m => m.DiscoverAsync(workspace.Id, week, It.IsAny<CancellationToken>())).ReturnsAsync([large]);
        var largeValue = ThemeButtons.Create(large, week);

        var created = Assert.IsType<NoticeView>(await WithMeaning.RunThemeActionAsync(Context(workspace, Other), ThemeAction.Create, ThemeButtons.Create(small, week), null, ct));
        var all = Assert.IsType<NoticeView>(await WithMeaning.RunThemeActionAsync(Context(workspace), ThemeAction.Create, largeValue, null, ct));

        Assert.Equal(("Created #sso-login-loops", "5 quotes now count for #sso-login-loops, in rankings, trends and digests."), (created.Title, created.Text));
        Assert.Equal("60 quotes now count for #login-loops, in rankings, trends and digests.", all.Text);
        Assert.InRange(largeValue.Length, 1, 2000);
        var tagged = await Store.FindSignalsAsync(workspace.Id, new SignalFilter(Theme: "login-loops"), 100, ct);
        Assert.True(tagged.Select(t => t.Id).ToHashSet().SetEquals(ids));
    }

    [Fact]
    public async Task SwitchesAutoTaggingOffAndOn_WhenSettingsSaySo()
    {
        var workspace = await NewWorkspaceAsync();

        var off = Assert.IsType<SettingsView>(await Commands.HandleTextAsync(Context(workspace), "settings auto-tag off", ct));
        var stored = (await Store.GetWorkspaceAsync(workspace.Id, ct))!;
        var shown = Assert.IsType<SettingsView>(await Commands.HandleTextAsync(Context(stored), "settings", ct));
        var on = Assert.IsType<SettingsView>(await Commands.HandleTextAsync(Context(stored), "settings auto-tag on", ct));

        Assert.True(workspace.AutoTag);
        Assert.Equal((WorkspaceSetting.AutoTag, false), (off.Changed, off.AutoTag));
        Assert.False(stored.AutoTag);
        Assert.False(shown.AutoTag);
        Assert.True(on.AutoTag);
        Assert.Equal(workspace.TimeZone, stored.TimeZone);
    }

    [Fact]
    public async Task ListsTheLargestCandidatesInTheBrief_WhenMeaningFindsNewThemes()
    {
        var workspace = await NewWorkspaceAsync();
        await AddAsync(NewSignal(workspace, "exports time out", customer: "Acme", themes: ["export-timeouts"]));
        var found = Enumerable.Range(0, 5).Select(i => new CandidateTheme($"theme-{i}", [Guid.NewGuid()], 1, [])).ToList();
        meaning.Setup(m => m.DiscoverAsync(workspace.Id, new DateRange(Now.AddDays(-7), Now), It.IsAny<CancellationToken>())).ReturnsAsync(found);
        var composer = new DigestComposer(Store, Digests, new Insights(Store), meaning.Object);

        var brief = await composer.ComposeBriefAsync(workspace.Id, QueryFilters.None, TimeZoneInfo.Utc, Now, ct);
        var without = await Composer.ComposeBriefAsync(workspace.Id, QueryFilters.None, TimeZoneInfo.Utc, Now, ct);

        Assert.Equal(["theme-0", "theme-1", "theme-2"], brief.NewThemes?.Themes.Select(c => c.Name));
        Assert.Null(without.NewThemes);
    }

    // What the meaning store's tag and untag do to the signal as the real store keeps it: how many changed.
}
