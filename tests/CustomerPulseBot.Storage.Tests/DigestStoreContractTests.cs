using CustomerPulseBot.Core;
using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Digests;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Storage.Tests;

/// <summary>
/// What <see cref="IDigestStore"/> promises (migration 0006), run against SQLite and PostgreSQL alike. Each test
/// works in a workspace of its own, so tests share a database without cleaning up or seeing each other.
/// </summary>
public abstract partial class DigestStoreContractTests
{
    private const int Runners = 20;

    private static readonly DateTimeOffset Now = PulseStoreContractTests.Now;
    private static readonly TimeSpan Lease = PostOnce.Lease;
    private readonly CancellationToken ct = CancellationToken.None;

    protected abstract IPulseStore Store { get; }

    private IDigestStore Digests => (IDigestStore)Store;

    [Fact]
    public async Task ReadsBackEveryField_WhenASubscriptionIsSaved()
    {
        var workspace = await NewWorkspaceAsync();
        var subscription = NewSubscription(workspace) with
        {
            Platform = Platform.Teams,
            Cadence = DigestCadence.Weekly,
            Day = DayOfWeek.Thursday,
            At = new TimeOnly(8, 30),
            Filters = new QueryFilters("buyer", "export-timeouts", "Acme"),
            SkipEmpty = true,
        };

        var saved = await Digests.SaveSubscriptionAsync(subscription, ct);

        Assert.Equal(subscription, saved);
        Assert.Equal(subscription, await Digests.FindSubscriptionAsync(workspace.Id, SubscriptionKind.Digest, "C1", ct));
        Assert.Equal(subscription, await Digests.GetSubscriptionAsync(subscription.Id, ct));
        Assert.Contains(subscription, await Digests.ListSubscriptionsAsync(ct));
    }

    [Fact]
    public async Task KeepsIdCreationAndDeliveries_WhenTheScheduleChanges()
    {
        var workspace = await NewWorkspaceAsync();
        var first = await Digests.SaveSubscriptionAsync(NewSubscription(workspace), ct);
        await DeliverAsync(workspace, first.JobId, Now);
        var changed = NewSubscription(workspace) with
        {
            Cadence = DigestCadence.Weekdays,
            At = new TimeOnly(7, 45),
            TimeZone = "America/New_York",
            Filters = new QueryFilters(Segment: "admin"),
            SkipEmpty = true,
            CreatedBy = "U2",
            CreatedAt = Now.AddDays(1),
        };

        var saved = await Digests.SaveSubscriptionAsync(changed, ct);

        Assert.Equal(changed with { Id = first.Id, CreatedBy = first.CreatedBy, CreatedAt = first.CreatedAt }, saved);
        Assert.Equal(saved, await Digests.FindSubscriptionAsync(workspace.Id, SubscriptionKind.Digest, "C1", ct));
        Assert.Null(await Digests.GetSubscriptionAsync(changed.Id, ct));
        Assert.Equal([saved], (await Digests.ListSubscriptionsAsync(ct)).Where(s => s.WorkspaceId == workspace.Id));
        Assert.Equal(Now, await Digests.LastDeliveredAsync(workspace.Id, saved.JobId, Now.AddDays(1), ct));
    }

    [Fact]
    public async Task KeepsOneSubscriptionPerKindAndChannel_WhenABriefSharesTheDigestsId()
    {
        var workspace = await NewWorkspaceAsync();
        var digest = NewSubscription(workspace, "U7");
        var brief = NewSubscription(workspace, "U7", SubscriptionKind.Brief);
        var otherChannel = NewSubscription(workspace, "C2");

        foreach (var subscription in new[] { digest, brief, otherChannel })
        {
            await Digests.SaveSubscriptionAsync(subscription, ct);
        }

        Assert.Equal(digest, await Digests.FindSubscriptionAsync(workspace.Id, SubscriptionKind.Digest, "U7", ct));
        Assert.Equal(brief, await Digests.FindSubscriptionAsync(workspace.Id, SubscriptionKind.Brief, "U7", ct));
        Assert.Equal(otherChannel, await Digests.FindSubscriptionAsync(workspace.Id, SubscriptionKind.Digest, "C2", ct));
        Assert.Null(await Digests.FindSubscriptionAsync(workspace.Id, SubscriptionKind.Brief, "C2", ct));
        Assert.Equal(3, (await Digests.ListSubscriptionsAsync(ct)).Count(s => s.WorkspaceId == workspace.Id));
    }

    [Fact]
    public async Task SeesNothingOfAnotherWorkspace_WhenItsIdsAreUsed()
    {
        var mine = await NewWorkspaceAsync();
        var other = await NewWorkspaceAsync();
        var subscription = await Digests.SaveSubscriptionAsync(NewSubscription(mine), ct);
        await DeliverAsync(mine, subscription.JobId, Now);
        await Store.AddSignalAsync(mine.Id, PulseStoreContractTests.NewSignal(mine, "mine"), ct);
        var window = new DateRange(Now.AddDays(-1), Now.AddDays(1));

        var found = await Digests.FindSubscriptionAsync(other.Id, SubscriptionKind.Digest, "C1", ct);
        var removed = await Digests.RemoveSubscriptionAsync(other.Id, SubscriptionKind.Digest, "C1", ct);
        var last = await Digests.LastDeliveredAsync(other.Id, subscription.JobId, Now.AddDays(1), ct);
        var signals = await Digests.GetCapturedSignalsAsync(other.Id, window, QueryFilters.None, 10, ct);
        var count = await Digests.CountCapturedSignalsAsync(other.Id, window, QueryFilters.None, ct);
        var claim = await Digests.ClaimDeliveryAsync(other.Id, subscription.JobId, Now, Now, Now + Lease, ct);

        Assert.Null(found);
        Assert.Null(removed);
        Assert.Null(last);
        Assert.Empty(signals);
        Assert.Equal(0, count);
        Assert.Equal(DeliveryClaim.Claimed, claim);
        Assert.Equal(subscription, await Digests.FindSubscriptionAsync(mine.Id, SubscriptionKind.Digest, "C1", ct));
        Assert.Equal(DeliveryClaim.Delivered, await Digests.ClaimDeliveryAsync(mine.Id, subscription.JobId, Now, Now, Now + Lease, ct));
        Assert.Equal(1, await Digests.CountCapturedSignalsAsync(mine.Id, window, QueryFilters.None, ct));
    }

    [Fact]
    public async Task RemovesTheSubscriptionWithItsDeliveries_WhenSwitchedOff()
    {
        var workspace = await NewWorkspaceAsync();
        var subscription = await Digests.SaveSubscriptionAsync(NewSubscription(workspace), ct);
        var neighbour = await Digests.SaveSubscriptionAsync(NewSubscription(workspace, "C2"), ct);
        await DeliverAsync(workspace, subscription.JobId, Now);
        await DeliverAsync(workspace, neighbour.JobId, Now);

        var removed = await Digests.RemoveSubscriptionAsync(workspace.Id, SubscriptionKind.Digest, "C1", ct);
        var again = await Digests.RemoveSubscriptionAsync(workspace.Id, SubscriptionKind.Digest, "C1", ct);
        var found = await Digests.FindSubscriptionAsync(workspace.Id, SubscriptionKind.Digest, "C1", ct);
        var byId = await Digests.GetSubscriptionAsync(subscription.Id, ct);
        var last = await Digests.LastDeliveredAsync(workspace.Id, subscription.JobId, Now.AddDays(1), ct);
        await Digests.SaveSubscriptionAsync(subscription, ct);
        var claimAfterResubscribing = await Digests.ClaimDeliveryAsync(workspace.Id, subscription.JobId, Now, Now, Now + Lease, ct);

        Assert.Equal(subscription, removed);
        Assert.Null(again);
        Assert.Null(found);
        Assert.Null(byId);
        Assert.Null(last);
        Assert.Equal(Now, await Digests.LastDeliveredAsync(workspace.Id, neighbour.JobId, Now.AddDays(1), ct));
        Assert.Equal(DeliveryClaim.Claimed, claimAfterResubscribing);
        Assert.Equal(1, (await RowAsync(workspace, subscription.JobId, Now)).Attempts);
    }

    [Fact]
    public async Task HoldsTheClaim_UntilItsLeaseLapses()
    {
        var workspace = await NewWorkspaceAsync();
        var key = NewKey();
        var lapsed = Now + Lease + TimeSpan.FromSeconds(1);
        var beforeLapse = Now + Lease - TimeSpan.FromSeconds(1);

        var first = await Digests.ClaimDeliveryAsync(workspace.Id, key, Now, Now, Now + Lease, ct);
        var whileHeld = await Digests.ClaimDeliveryAsync(workspace.Id, key, Now, beforeLapse, beforeLapse + Lease, ct);
        var afterLapse = await Digests.ClaimDeliveryAsync(workspace.Id, key, Now, lapsed, lapsed + Lease, ct);
        var heldAgain = await Digests.ClaimDeliveryAsync(workspace.Id, key, Now, lapsed.AddSeconds(1), lapsed.AddSeconds(1) + Lease, ct);

        // The run that claims after the lapse is told an earlier attempt (the dead one) may have posted.
        Assert.Equal(
            [DeliveryClaim.Claimed, DeliveryClaim.HeldElsewhere, DeliveryClaim.ClaimedAgain, DeliveryClaim.HeldElsewhere],
            [first, whileHeld, afterLapse, heldAgain]);
        Assert.Equal(new SqlPulseStore.DeliveryRow(lapsed + Lease, null, 2, null), await RowAsync(workspace, key, Now));
    }

    [Fact]
    public async Task ReportsDelivered_OnceMarkedDelivered()
    {
        var workspace = await NewWorkspaceAsync();
        var key = NewKey();
        await Digests.ClaimDeliveryAsync(workspace.Id, key, Now, Now, Now + Lease, ct);

        await Digests.MarkDeliveredAsync(workspace.Id, key, Now, Now.AddMinutes(1), ct);
        var soon = await Digests.ClaimDeliveryAsync(workspace.Id, key, Now, Now.AddMinutes(2), Now.AddMinutes(2) + Lease, ct);
        var muchLater = await Digests.ClaimDeliveryAsync(workspace.Id, key, Now, Now.AddDays(1), Now.AddDays(1) + Lease, ct);

        Assert.Equal((DeliveryClaim.Delivered, DeliveryClaim.Delivered), (soon, muchLater));
        Assert.Equal(new SqlPulseStore.DeliveryRow(null, Now.AddMinutes(1), 1, null), await RowAsync(workspace, key, Now));
    }

    [Fact]
    public async Task KeepsANewerClaim_WhenARunWhoseLeaseLapsedReleasesLate()
    {
        var workspace = await NewWorkspaceAsync();
        var key = NewKey();
        await Digests.ClaimDeliveryAsync(workspace.Id, key, Now, Now, Now + Lease, ct);
        var later = Now + Lease + TimeSpan.FromSeconds(1);
        var second = await Digests.ClaimDeliveryAsync(workspace.Id, key, Now, later, later + Lease, ct);

        await Digests.ReleaseDeliveryAsync(workspace.Id, key, Now, Now + Lease, "the slow first run failed", ct);
        var third = await Digests.ClaimDeliveryAsync(workspace.Id, key, Now, later.AddSeconds(1), later.AddSeconds(1) + Lease, ct);

        Assert.Equal(DeliveryClaim.ClaimedAgain, second);
        Assert.Equal(DeliveryClaim.HeldElsewhere, third); // the second run still holds it: no one else may post
        Assert.Equal(new SqlPulseStore.DeliveryRow(later + Lease, null, 2, null), await RowAsync(workspace, key, Now));
    }

    [Fact]
    public async Task ClaimsAgainAtOnceAndKeepsTheError_WhenReleasedAfterAFailure()
    {
        var workspace = await NewWorkspaceAsync();
        var key = NewKey();
        const string error = "HttpRequestException: 500 (Internal Server Error)";
        await Digests.ClaimDeliveryAsync(workspace.Id, key, Now, Now, Now + Lease, ct);

        await Digests.ReleaseDeliveryAsync(workspace.Id, key, Now, Now + Lease, error, ct);
        var released = await RowAsync(workspace, key, Now);
        var retry = await Digests.ClaimDeliveryAsync(workspace.Id, key, Now, Now.AddSeconds(1), Now.AddSeconds(1) + Lease, ct);
        var retried = await RowAsync(workspace, key, Now);
        await Digests.MarkDeliveredAsync(workspace.Id, key, Now, Now.AddSeconds(2), ct);

        Assert.Equal(new SqlPulseStore.DeliveryRow(null, null, 1, error), released);
        Assert.Equal(DeliveryClaim.ClaimedAgain, retry); // the failed attempt may have posted before it failed
        Assert.Equal(new SqlPulseStore.DeliveryRow(Now.AddSeconds(1) + Lease, null, 2, error), retried);
        Assert.Equal(new SqlPulseStore.DeliveryRow(null, Now.AddSeconds(2), 2, error), await RowAsync(workspace, key, Now));
    }

    [Fact]
    public async Task SaysAnEarlierAttemptMayHavePosted_OnEveryClaimAfterTheFirstOfAnOccurrence()
    {
        var workspace = await NewWorkspaceAsync();
        var key = NewKey();
        var retry = Now.AddSeconds(1);
        var lapsed = retry + Lease + TimeSpan.FromSeconds(1);

        var first = await Digests.ClaimDeliveryAsync(workspace.Id, key, Now, Now, Now + Lease, ct);
        await Digests.ReleaseDeliveryAsync(workspace.Id, key, Now, Now + Lease, "ChannelGone", ct);
        var afterRelease = await Digests.ClaimDeliveryAsync(workspace.Id, key, Now, retry, retry + Lease, ct);
        var afterItsRunnerDied = await Digests.ClaimDeliveryAsync(workspace.Id, key, Now, lapsed, lapsed + Lease, ct);
        var nextOccurrence = await Digests.ClaimDeliveryAsync(workspace.Id, key, Now.AddDays(1), lapsed, lapsed + Lease, ct);

        Assert.Equal(
            [DeliveryClaim.Claimed, DeliveryClaim.ClaimedAgain, DeliveryClaim.ClaimedAgain, DeliveryClaim.Claimed],
            [first, afterRelease, afterItsRunnerDied, nextOccurrence]);
        Assert.Equal(new SqlPulseStore.DeliveryRow(lapsed + Lease, null, 3, "ChannelGone"), await RowAsync(workspace, key, Now));
    }

    [Fact]
    public async Task ClaimsEachOccurrenceOnItsOwn_WhenKeyOrUntilDiffer()
    {
        var workspace = await NewWorkspaceAsync();
        var key = NewKey();
        await DeliverAsync(workspace, key, Now);

        var nextDay = await Digests.ClaimDeliveryAsync(workspace.Id, key, Now.AddDays(1), Now, Now + Lease, ct);
        var otherKey = await Digests.ClaimDeliveryAsync(workspace.Id, NewKey(), Now, Now, Now + Lease, ct);
        var shipNotice = await Digests.ClaimDeliveryAsync(workspace.Id, $"ship:{Guid.NewGuid():N}:U1", Now, Now, Now + Lease, ct);

        Assert.Equal([DeliveryClaim.Claimed, DeliveryClaim.Claimed, DeliveryClaim.Claimed], [nextDay, otherKey, shipNotice]);
    }

    [Fact]
    public async Task GrantsOneClaim_WhenManyRunnersClaimTheSameOccurrenceAtOnce()
    {
        var workspace = await NewWorkspaceAsync();
        var key = NewKey();
        // Open a pooled connection per runner first, so that the claims reach the database together rather
        // than one behind each new connection.
        await Task.WhenAll(Enumerable.Range(0, Runners).Select(_ => Store.PingAsync(ct)));
        var start = new TaskCompletionSource();
        var runners = Enumerable.Range(0, Runners).Select(async _ =>
        {
            await start.Task;
            return await Digests.ClaimDeliveryAsync(workspace.Id, key, Now, Now, Now + Lease, ct);
        }).ToList();

        start.SetResult();
        var claims = await Task.WhenAll(runners);

        Assert.Equal(1, claims.Count(c => c == DeliveryClaim.Claimed));
        Assert.Equal(Runners - 1, claims.Count(c => c == DeliveryClaim.HeldElsewhere));
        Assert.Equal(1, (await RowAsync(workspace, key, Now)).Attempts);
    }

    [Fact]
    public async Task ReturnsTheLatestDeliveredUntilBefore_IgnoringUndeliveredClaims()
    {
        var workspace = await NewWorkspaceAsync();
        var key = NewKey();
        foreach (var daysAgo in new[] { 2, 3, 1 })
        {
            await DeliverAsync(workspace, key, Now.AddDays(-daysAgo));
        }

        await Digests.ClaimDeliveryAsync(workspace.Id, key, Now, Now, Now + Lease, ct);
        await Digests.ClaimDeliveryAsync(workspace.Id, key, Now.AddHours(1), Now, Now + Lease, ct);
        await Digests.ReleaseDeliveryAsync(workspace.Id, key, Now.AddHours(1), Now + Lease, "failed", ct);

        Assert.Equal(Now.AddDays(-1), await Digests.LastDeliveredAsync(workspace.Id, key, Now.AddDays(1), ct));
        Assert.Equal(Now.AddDays(-2), await Digests.LastDeliveredAsync(workspace.Id, key, Now.AddDays(-1), ct));
        Assert.Null(await Digests.LastDeliveredAsync(workspace.Id, key, Now.AddDays(-3), ct));
        Assert.Null(await Digests.LastDeliveredAsync(workspace.Id, NewKey(), Now.AddDays(1), ct));
    }

    [Fact]
    public async Task PutsEverySignalInExactlyOneWindow_ByCaptureTime()
    {
        var workspace = await NewWorkspaceAsync();
        var (start, end) = (Now.AddDays(-1), Now);
        var saidLongAgo = Now.AddDays(-30);
        foreach (var (quote, capturedAt) in new[]
                 {
                     ("before", start.AddMilliseconds(-1)), ("at start", start), ("midday", start.AddHours(12)),
                     ("just before end", end.AddMilliseconds(-1)), ("at end", end),
                 })
        {
            await Store.AddSignalAsync(workspace.Id, PulseStoreContractTests.NewSignal(workspace, quote, saidLongAgo, capturedAt: capturedAt), ct);
        }

        var previous = await QuotesAsync(workspace, new DateRange(start.AddDays(-1), start));
        var window = await QuotesAsync(workspace, new DateRange(start, end));
        var next = await QuotesAsync(workspace, new DateRange(end, end.AddDays(1)));
        var count = await Digests.CountCapturedSignalsAsync(workspace.Id, new DateRange(start, end), QueryFilters.None, ct);

        Assert.Equal(["before"], previous);
        Assert.Equal(["at start", "just before end", "midday"], window);
        Assert.Equal(["at end"], next);
        Assert.Equal(3, count);
    }

    [Fact]
    public async Task OrdersCapturedSignalsBySeverityCustomerEvidenceThenNewest_WithinTheLimit()
    {
        var workspace = await NewWorkspaceAsync();
        const string evidence = "https://tickets.example.com/1";
        var signals = new[]
        {
            PulseStoreContractTests.NewSignal(workspace, "critical", Now.AddDays(-5), null, severity: Severity.Critical),
            PulseStoreContractTests.NewSignal(workspace, "high-customer-evidence-newer", Now.AddDays(-2), "Globex", severity: Severity.High, evidence: evidence),
            PulseStoreContractTests.NewSignal(workspace, "high-customer-evidence-older", Now.AddDays(-4), "Acme", severity: Severity.High, evidence: evidence),
            PulseStoreContractTests.NewSignal(workspace, "high-customer", Now.AddHours(-1), "Acme", severity: Severity.High),
            PulseStoreContractTests.NewSignal(workspace, "high-evidence", Now.AddHours(-1), null, severity: Severity.High, evidence: evidence),
            PulseStoreContractTests.NewSignal(workspace, "high-bare", Now.AddHours(-1), null, severity: Severity.High),
            PulseStoreContractTests.NewSignal(workspace, "praise", Now.AddHours(-1), "Acme", SignalKind.Praise, Severity.Low, evidence: evidence),
        };
        // Captured in the reverse of the expected order, so that capture time cannot be what orders them.
        for (var i = 0; i < signals.Length; i++)
        {
            await Store.AddSignalAsync(workspace.Id, signals[i] with { CapturedAt = Now.AddMinutes(-i) }, ct);
        }

        var window = new DateRange(Now.AddHours(-1), Now.AddMinutes(1));

        var top = await Digests.GetCapturedSignalsAsync(workspace.Id, window, QueryFilters.None, 6, ct);
        var all = await Digests.GetCapturedSignalsAsync(workspace.Id, window, QueryFilters.None, 10, ct);
        var count = await Digests.CountCapturedSignalsAsync(workspace.Id, window, QueryFilters.None, ct);

        Assert.Equal(signals.Take(6).Select(s => s.Quote), top.Select(s => s.Quote));
        Assert.Equal(signals.Select(s => s.Quote), all.Select(s => s.Quote));
        Assert.Equal(7, count);
    }

    /// <summary>Filters over the signals <see cref="SeedFilterSignalsAsync"/> stores; "exports-slow" is an alias of "export-timeouts".</summary>
    public static readonly TheoryData<string, QueryFilters, string[]> FilterCases = new()
    {
        { "nothing", QueryFilters.None, ["buyer-exports", "admin-alias", "buyer-dashboard"] },
        { "segment", new(Segment: "buyer"), ["buyer-exports", "buyer-dashboard"] },
        { "theme", new(Theme: "export-timeouts"), ["buyer-exports", "admin-alias"] },
        { "theme by alias", new(Theme: "exports-slow"), ["buyer-exports", "admin-alias"] },
        { "customer", new(Customer: " ACME"), ["buyer-exports", "buyer-dashboard"] },
        { "segment and theme", new(Segment: "buyer", Theme: "exports-slow"), ["buyer-exports"] },
        { "unknown theme", new(Theme: "nothing-here"), [] },
    };

    [Theory]
    [MemberData(nameof(FilterCases))]
    public async Task GetsAndCountsTheMatchingCapturedSignals_ForEachFilter(string part, QueryFilters filters, string[] expected)
    {
        var workspace = await NewWorkspaceAsync();
        var window = await SeedFilterSignalsAsync(workspace);

        var found = await Digests.GetCapturedSignalsAsync(workspace.Id, window, filters, 10, ct);
        var count = await Digests.CountCapturedSignalsAsync(workspace.Id, window, filters, ct);

        Assert.True(expected.Order().SequenceEqual(found.Select(s => s.Quote).Order()),
            $"{part}: expected [{string.Join(", ", expected)}], found [{string.Join(", ", found.Select(s => s.Quote))}]");
        Assert.Equal(expected.Length, count);
    }

    /// <summary>Three signals captured in the returned window and one captured before it that every filter would match.</summary>
    private async Task<DateRange> SeedFilterSignalsAsync(Workspace workspace)
    {
        var window = new DateRange(Now.AddDays(-1), Now);
        var inWindow = Now.AddHours(-2);
        foreach (var signal in new[]
                 {
                     PulseStoreContractTests.NewSignal(workspace, "buyer-exports", customer: "Acme", segment: "buyer", themes: ["export-timeouts"], capturedAt: inWindow),
                     PulseStoreContractTests.NewSignal(workspace, "admin-alias", customer: "Globex", segment: "admin", themes: ["exports-slow"], capturedAt: inWindow),
                     PulseStoreContractTests.NewSignal(workspace, "buyer-dashboard", customer: "acme", segment: "buyer", themes: ["slow-dashboard"], capturedAt: inWindow),
                     PulseStoreContractTests.NewSignal(workspace, "earlier", customer: "Acme", segment: "buyer", themes: ["export-timeouts"], capturedAt: window.Start.AddMinutes(-1)),
                 })
        {
            await Store.AddSignalAsync(workspace.Id, signal, ct);
        }

        await Store.MergeThemesAsync(
            workspace.Id,
            (await Store.FindThemeAsync(workspace.Id, "exports-slow", ct))!,
            (await Store.FindThemeAsync(workspace.Id, "export-timeouts", ct))!,
            ct);
        return window;
    }

    private static Subscription NewSubscription(Workspace workspace, string channelId = "C1", SubscriptionKind kind = SubscriptionKind.Digest) =>
        new(Guid.NewGuid(), kind, workspace.Id, Platform.Slack, channelId, DigestCadence.Daily, null, new TimeOnly(9, 0),
            "Europe/Berlin", QueryFilters.None, false, "U1", Now);

    private static string NewKey() => $"{Subscription.JobIdPrefix}{Guid.NewGuid():N}";

    private Task<Workspace> NewWorkspaceAsync() =>
        Store.ResolveWorkspaceAsync(Platform.Slack, $"T{Guid.NewGuid():N}", "Test team", ct);

    private async Task DeliverAsync(Workspace workspace, string key, DateTimeOffset until)
    {
        Assert.Equal(DeliveryClaim.Claimed, await Digests.ClaimDeliveryAsync(workspace.Id, key, until, Now, Now + Lease, ct));
        await Digests.MarkDeliveredAsync(workspace.Id, key, until, Now, ct);
    }

    private async Task<SqlPulseStore.DeliveryRow> RowAsync(Workspace workspace, string key, DateTimeOffset until) =>
        await ((SqlPulseStore)Store).FindDeliveryAsync(workspace.Id, key, until, ct)
        ?? throw new InvalidOperationException($"No delivery row for {key} at {until:O}.");

    private async Task<List<string>> QuotesAsync(Workspace workspace, DateRange captured) =>
        (await Digests.GetCapturedSignalsAsync(workspace.Id, captured, QueryFilters.None, 10, ct)).Select(s => s.Quote).Order().ToList();
}
