using CustomerPulseBot.Core;
using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Exchange;
using CustomerPulseBot.Core.Meaning;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;
using CustomerPulseBot.TestKit.Meaning;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static CustomerPulseBot.Storage.Tests.PulseStoreContractTests;

namespace CustomerPulseBot.Storage.Tests;

/// <summary>
/// What <see cref="MeaningFeatures"/> adds to captures, discovery and search, over a real store with
/// the real model (<see cref="RealModel"/>): one suite for SQLite and PostgreSQL alike. The clock stands at <see cref="PulseStoreContractTests.Now"/>.
/// </summary>
public abstract class MeaningFeaturesTests
{
    private static readonly DateRange Week = new(Now.AddDays(-7), Now.AddHours(1));
    private readonly CancellationToken ct = CancellationToken.None;
    private readonly FakeTimeProvider clock = new(Now);
    private readonly ITextEncoder encoder = RealModel.Encoder;
    private readonly RecordingQueue queue = new();
    private MeaningIndex? index;
    private ThemeSuggestions? suggestions;

    protected abstract IPulseStore Store { get; }

    private IMeaningStore MeaningStore => (IMeaningStore)Store;

    private MeaningIndex Index => index ??= new MeaningIndex(MeaningStore, encoder, clock);

    private ThemeSuggestions Suggestions => suggestions ??= new ThemeSuggestions(MeaningStore, Index);

    private MeaningFeatures Meaning => new(encoder, MeaningStore, Store, Index, Suggestions, clock, NullLogger<MeaningFeatures>.Instance, queue);

    [Fact]
    public async Task TagsAnUntaggedCaptureByItself_WhenConfidentAndTheWorkspaceAllows()
    {
        var workspace = await WorkspaceWithThemesAsync();
        var capture = NewSignal(workspace, "csv export times out again");

        var meaning = await CaptureAsync(workspace, capture);

        Assert.Equal(new CaptureMeaning(null, "export-timeouts", null), meaning);
        var stats = await Store.GetThemeStatsAsync(workspace.Id, new SignalFilter(), ct);
        Assert.Equal([("export-timeouts", 4), ("slow-dashboards", 3)], stats.Select(s => (s.Theme!, s.Signals)));
        var row = Assert.Single(await MeaningStore.GetMeaningRowsAsync(workspace.Id, encoder.Model, ct), r => r.SignalId == capture.Id);
        Assert.Equal(["export-timeouts"], row.SuggestedThemes);
    }

    [Fact]
    public async Task OffersTheThemeInstead_WhenAutoTaggingIsOff()
    {
        var workspace = await WorkspaceWithThemesAsync();
        workspace = await Store.SaveWorkspaceSettingsAsync(workspace.Id, null, null, false, null, ct);

        var meaning = await CaptureAsync(workspace, NewSignal(workspace, "csv export times out again"));

        Assert.Equal(("export-timeouts", true, null), (meaning.Suggestion?.Theme, meaning.Suggestion?.Confident, meaning.AutoTagged));
        Assert.Equal(6, (await Store.GetThemeStatsAsync(workspace.Id, new SignalFilter(), ct)).Where(s => s.Theme is not null).Sum(s => s.Signals));
    }

    [Fact]
    public async Task SuggestsNothing_WhenTheCaptureNamesItsTheme()
    {
        var workspace = await WorkspaceWithThemesAsync();

        var meaning = await CaptureAsync(workspace, NewSignal(workspace, "csv export times out again", themes: ["billing"]));

        Assert.Equal(CaptureMeaning.None, meaning);
    }

    [Fact]
    public async Task FindsARecentNearDuplicate_OnlyFromTheSameCustomer()
    {
        var workspace = await WorkspaceWithThemesAsync();
        var earlier = NewSignal(workspace, "the billing page shows the wrong currency", customer: "Acme", capturedAt: Now.AddDays(-2));
        var stranger = NewSignal(workspace, "the billing page shows the wrong currency", customer: "Globex", capturedAt: Now.AddDays(-1));
        await SaveWithVectorsAsync(earlier, stranger);

        var same = await CaptureAsync(workspace, NewSignal(workspace, "The billing page shows the wrong currency!", customer: "ACME"));
        var other = await CaptureAsync(workspace, NewSignal(workspace, "The billing page shows the wrong currency", customer: "Initech"));

        Assert.Equal(earlier.Id, same.NearDuplicate?.SignalId);
        Assert.Null(other.NearDuplicate);
    }

    [Fact]
    public async Task QueuesTheVector_WhenTheReplyHasNoTimeLeft()
    {
        var workspace = await WorkspaceWithThemesAsync();
        var late = NewSignal(workspace, "csv export times out again", capturedAt: Now - ReplyDeadline.Work);

        var meaning = await CaptureAsync(workspace, late);

        Assert.Equal(CaptureMeaning.None, meaning);
        Assert.Equal([new PendingVector(workspace.Id, late.Id, late.Quote)], queue.Queued);
    }

    [Fact]
    public async Task QueuesTheVector_WhenAnotherCaptureIsBeingHandled()
    {
        var workspace = await WorkspaceWithThemesAsync();
        using var entered = new CountdownEvent(1);
        using var release = new ManualResetEventSlim();
        var busy = new Mock<ITextEncoder>();
        busy.Setup(e => e.Model).Returns(encoder.Model);
        busy.Setup(e => e.Dimensions).Returns(encoder.Dimensions);
        busy.Setup(e => e.Encode(It.IsAny<string>())).Returns((string text) =>
        {
            entered.Signal();
            release.Wait();
            return encoder.Encode(text);
        });
        var features = new MeaningFeatures(busy.Object, MeaningStore, Store, Index, Suggestions, clock, NullLogger<MeaningFeatures>.Instance, queue);
        var first = NewSignal(workspace, "csv export times out, take one");
        await Store.AddSignalAsync(workspace.Id, first, ct);

        var encoding = Task.Run(() => features.AfterCaptureAsync(workspace, first, ct));
        Assert.True(entered.Wait(TimeSpan.FromSeconds(30)));
        var burst = NewSignal(workspace, "csv export times out once more");
        await Store.AddSignalAsync(workspace.Id, burst, ct);

        var meaning = await features.AfterCaptureAsync(workspace, burst, ct);
        release.Set();
        await encoding;

        Assert.Equal(CaptureMeaning.None, meaning);
        Assert.Equal([new PendingVector(workspace.Id, burst.Id, burst.Quote)], queue.Queued);
    }

    [Fact]
    public async Task TagsTheUntaggedSignalsOfABatch_OnceTheirVectorsAreComputed()
    {
        var workspace = await WorkspaceWithThemesAsync();
        var batch = ImportedBatch(workspace);

        await ImportAsync(workspace, batch);

        var rows = (await MeaningStore.GetMeaningRowsAsync(workspace.Id, encoder.Model, ct)).ToDictionary(r => r.SignalId);
        Assert.Equal(
            [
                (["export-timeouts"], ["export-timeouts"]), (["export-timeouts"], ["export-timeouts"]),
                (["slow-dashboards"], ["slow-dashboards"]), (["billing"], []),
            ],
            batch.Select(s => (rows[s.Id].Themes, rows[s.Id].SuggestedThemes)));
        Assert.Equal(
            [("billing", 1), ("export-timeouts", 5), ("slow-dashboards", 4)],
            (await Store.GetThemeStatsAsync(workspace.Id, new SignalFilter(), ct)).Select(s => (s.Theme!, s.Signals)).Order());
    }

    [Fact]
    public async Task LeavesTheBatchUntagged_WhenAutoTaggingIsOff()
    {
        var workspace = await WorkspaceWithThemesAsync();
        workspace = await Store.SaveWorkspaceSettingsAsync(workspace.Id, null, null, false, null, ct);
        var batch = ImportedBatch(workspace);

        await ImportAsync(workspace, batch);

        var rows = (await MeaningStore.GetMeaningRowsAsync(workspace.Id, encoder.Model, ct)).ToDictionary(r => r.SignalId);
        Assert.Equal([[], [], [], ["billing"]], batch.Select(s => rows[s.Id].Themes));
    }

    [Fact]
    public async Task ProposesThemesFromTheUntaggedQuotesOfThePeriod()
    {
        var workspace = await WorkspaceWithThemesAsync();
        await SaveWithVectorsAsync(
            NewSignal(workspace, "invoice pdf is missing the tax number", customer: "Acme"),
            NewSignal(workspace, "invoice pdf missing tax number", customer: "Globex"),
            NewSignal(workspace, "invoice pdf has no tax number", customer: "Acme"),
            NewSignal(workspace, "invoice pdf lacks the tax number", saidAt: Now.AddDays(-30)),
            NewSignal(workspace, "love the new colours"));

        var candidates = await Meaning.DiscoverAsync(workspace.Id, Week, ct);

        var candidate = Assert.Single(candidates);
        Assert.Equal((3, 2, 2), (candidate.Size, candidate.Customers, candidate.Examples.Count));
        Assert.All(candidate.Examples, e => Assert.Equal(encoder.Dimensions, e.Vector.Length));
    }

    [Fact]
    public async Task FindsQuotesByMeaning_WithinTheFilterAndWithoutMergedDuplicates()
    {
        var workspace = await WorkspaceWithThemesAsync();
        var old = NewSignal(workspace, "the exports time out", saidAt: Now.AddDays(-30));
        var duplicate = NewSignal(workspace, "csv export times out!");
        await SaveWithVectorsAsync(old, duplicate);
        var original = (await MeaningStore.GetMeaningRowsAsync(workspace.Id, encoder.Model, ct)).First(r => r.Quote == "csv export times out");
        await MeaningStore.MergeDuplicateAsync(workspace.Id, duplicate.Id, original.SignalId, ct);

        var found = await Meaning.SearchAsync(workspace.Id, "csv export", new SignalFilter(Week), 10, ct);
        var themed = await Meaning.SearchAsync(workspace.Id, "csv export", new SignalFilter(Week, Theme: "slow-dashboards"), 10, ct);
        var kinds = await Meaning.SearchAsync(workspace.Id, "csv export", new SignalFilter(Week, Kinds: [SignalKind.Praise]), 10, ct);

        var quotes = (await MeaningStore.GetMeaningRowsAsync(workspace.Id, encoder.Model, ct)).ToDictionary(r => r.SignalId, r => r.Quote);
        Assert.Equal(["csv export times out", "csv exports time out every time", "export of the csv file times out"],
            found.Select(f => quotes[f.SignalId]).Order());
        Assert.Empty(themed);
        Assert.Empty(kinds);
    }

    [Fact]
    public async Task BlendsFullTextWithMeaning_InTheSearchCommand()
    {
        var workspace = await WorkspaceWithThemesAsync();
        var exact = NewSignal(workspace, "every export hits a timeout");
        var paraphrase = NewSignal(workspace, "the report download dies after a minute");
        var unrelated = NewSignal(workspace, "we love the new onboarding checklist");
        await SaveWithVectorsAsync(exact, paraphrase, unrelated);
        var admins = new WorkspaceAdmins((IAdminStore)Store, [], NullLogger<WorkspaceAdmins>.Instance);
        var commands = new PulseCommands(Store, new Insights(Store), clock, NullLogger<PulseCommands>.Instance, admins, meaning: Meaning);
        var plain = new PulseCommands(Store, new Insights(Store), clock, NullLogger<PulseCommands>.Instance, admins);
        var search = new SearchCommand("export timeout", null, QueryFilters.None);
        var context = new ChatContext(workspace, new ChatUser("U1", "Capturer"), "C1", TimeZoneInfo.Utc);

        var blended = Assert.IsType<SearchResultsView>(await commands.ExecuteAsync(context, search, "", ct));
        var fullText = Assert.IsType<SearchResultsView>(await plain.ExecuteAsync(context, search, "", ct));

        Assert.Equal(["every export hits a timeout"], fullText.Signals.Select(s => s.Quote));
        Assert.Equal("every export hits a timeout", blended.Signals[0].Quote);
        Assert.Contains("csv export times out", blended.Signals.Select(s => s.Quote));
        Assert.Contains(paraphrase.Quote, blended.Signals.Select(s => s.Quote));
        Assert.DoesNotContain(unrelated.Quote, blended.Signals.Select(s => s.Quote));
        Assert.DoesNotContain("dashboard loads slowly", blended.Signals.Select(s => s.Quote));
        Assert.Equal(blended.Signals.Count, blended.Total);
    }

    /// <summary>A workspace with two themes of three tagged quotes each, their vectors saved.</summary>
    private async Task<Workspace> WorkspaceWithThemesAsync()
    {
        var workspace = await Store.ResolveWorkspaceAsync(Platform.Slack, $"T{Guid.NewGuid():N}", "meaning", ct);
        await SaveWithVectorsAsync(
            NewSignal(workspace, "csv export times out", themes: ["export-timeouts"]),
            NewSignal(workspace, "csv exports time out every time", themes: ["export-timeouts"]),
            NewSignal(workspace, "export of the csv file times out", themes: ["export-timeouts"]),
            NewSignal(workspace, "dashboard loads slowly", themes: ["slow-dashboards"]),
            NewSignal(workspace, "the dashboard is slow to load", themes: ["slow-dashboards"]),
            NewSignal(workspace, "dashboard charts load slowly", themes: ["slow-dashboards"]));
        return workspace;
    }

    private async Task SaveWithVectorsAsync(params Signal[] signals)
    {
        foreach (var signal in signals)
        {
            await Store.AddSignalAsync(signal.WorkspaceId, signal, ct);
        }

        var backfill = new VectorBackfill(encoder, MeaningStore, Index, Suggestions, NullLogger<VectorBackfill>.Instance);
        await backfill.SaveAsync(signals.Select(s => new PendingVector(s.WorkspaceId, s.Id, s.Quote)).ToList(), ct);
    }

    /// <summary>Three untagged paraphrases of the two themes and a quote its sender tagged, as an API array or a CSV brings them.</summary>
    private static Signal[] ImportedBatch(Workspace workspace) =>
    [
        NewSignal(workspace, "exporting the csv times out again"),
        NewSignal(workspace, "the csv export keeps timing out"),
        NewSignal(workspace, "our dashboard loads so slowly"),
        NewSignal(workspace, "the invoice total is wrong", themes: ["billing"]),
    ];

    /// <summary>Stores the batch through the intake, then computes the queued vectors as the host's queue does in the background.</summary>
    private async Task ImportAsync(Workspace workspace, IReadOnlyList<Signal> batch)
    {
        var intake = new SignalIntake((IIntakeStore)Store, clock, NullLogger<SignalIntake>.Instance, Meaning, queue);
        var context = new ChatContext(workspace, new ChatUser("api:import", "import"), "api", TimeZoneInfo.Utc) { Private = true };

        await intake.StoreAsync(context, batch, null, ct);

        var backfill = new VectorBackfill(encoder, MeaningStore, Index, Suggestions, NullLogger<VectorBackfill>.Instance);
        await backfill.SaveAsync(queue.Queued, ct);
    }

    private async Task<CaptureMeaning> CaptureAsync(Workspace workspace, Signal signal)
    {
        await Store.AddSignalAsync(workspace.Id, signal, ct);
        return await Meaning.AfterCaptureAsync(workspace, signal, ct);
    }

    private sealed class RecordingQueue : IVectorQueue
    {
        public List<PendingVector> Queued { get; } = [];

        public bool TryQueue(PendingVector pending)
        {
            Queued.Add(pending);
            return true;
        }
    }
}
