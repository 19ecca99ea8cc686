using System.Globalization;
using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Core.Digests;

/// <summary><c>digest ...</c> in a channel: the subscriptions table changes first, then the schedule follows it.</summary>
public sealed class DigestCommands(
    IDigestStore digests, IDigestSchedule schedule, DigestDeliverer deliverer, DigestComposer composer, TimeProvider clock)
{
    /// <summary>
    /// How long a post asked for, or a scheduled one, counts as on its way: its job starts at once, and a queued
    /// post's retries end within minutes, so a second <c>digest now</c> in this time queues nothing.
    /// </summary>
    private static readonly TimeSpan PendingFor = TimeSpan.FromMinutes(10);

    public async Task<View> ExecuteAsync(ChatContext context, SubscriptionKind kind, DigestRequest request, CancellationToken ct) => request switch
    {
        DigestScheduleRequest r => await ScheduleAsync(context, kind, r, ct),
        DigestOffRequest => await OffAsync(context, kind, ct),
        DigestNowRequest => await NowAsync(context, kind, ct),
        DigestStatusRequest => await StatusAsync(context, kind, ct),
        _ => throw new InvalidOperationException($"No handler for {request.GetType().Name}"),
    };

    /// <summary>"Summarize last week": the digest for the period, shown to the person; nothing is posted or recorded.</summary>
    public Task<DigestView> SummarizeAsync(ChatContext context, PeriodWindow window, QueryFilters filters, CancellationToken ct) =>
        composer.SummarizeAsync(context.WorkspaceId, filters, context.TimeZone, window, ct);

    /// <summary>Who set up the channel's digest (or the person's brief) here, or null when there is none.</summary>
    public async Task<string?> SetUpByAsync(ChatContext context, SubscriptionKind kind, CancellationToken ct) =>
        (await digests.FindSubscriptionAsync(context.WorkspaceId, kind, Target(context, kind), ct))?.CreatedBy;

    /// <summary>A theme was marked shipped: the people who captured it are told, in the background.</summary>
    public void AnnounceShipped(WorkspaceId workspace, string theme) => schedule.QueueShipNotices(workspace, theme);

    /// <summary>A digest belongs to the channel; a brief to the person, wherever they ask for it.</summary>
    private static string Target(ChatContext context, SubscriptionKind kind) =>
        kind == SubscriptionKind.Brief ? context.User.Id : context.ChannelId;

    private static string Example(SubscriptionKind kind) =>
        kind == SubscriptionKind.Brief ? "brief weekly mon 08:00 Europe/Berlin" : "digest daily 09:00 Europe/Berlin";

    private async Task<View> ScheduleAsync(ChatContext context, SubscriptionKind kind, DigestScheduleRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var existing = await digests.FindSubscriptionAsync(context.WorkspaceId, kind, Target(context, kind), ct);
        var saved = await digests.SaveSubscriptionAsync(
            new Subscription(
                existing?.Id ?? Guid.CreateVersion7(now),
                kind,
                context.WorkspaceId,
                context.Workspace.Platform,
                Target(context, kind),
                request.Cadence,
                request.Day,
                request.At,
                request.TimeZone ?? context.TimeZone.Id,
                request.Filters,
                request.SkipEmpty,
                context.User.Id,
                existing?.CreatedAt ?? now),
            ct);
        schedule.Schedule(saved);

        var zoneNote = request.TimeZone is not null ? "" : " " + ZoneSource(context);
        var where = kind == SubscriptionKind.Brief ? " It comes to you as a direct message." : "";
        return new NoticeView(
            $"{Name(kind)} {(existing is null ? "scheduled" : "schedule changed")}",
            $"{Describe(saved)}. The next one comes {When(saved, DigestTimes.Next(saved, now))}.{where}{zoneNote}");
    }

    private async Task<View> OffAsync(ChatContext context, SubscriptionKind kind, CancellationToken ct)
    {
        if (await digests.RemoveSubscriptionAsync(context.WorkspaceId, kind, Target(context, kind), ct) is not { } removed)
        {
            return new NoticeView($"No {Noun(kind)} {Here(kind)}", $"There was none, so nothing changed. Start one with: {Example(kind)}");
        }

        schedule.Unschedule(removed);
        return new NoticeView($"{Name(kind)} switched off", $"No more {Noun(kind)}s {Here(kind)} ({Describe(removed).ToLowerInvariant()} until now).");
    }

    private async Task<View> NowAsync(ChatContext context, SubscriptionKind kind, CancellationToken ct)
    {
        var subscription = await digests.FindSubscriptionAsync(context.WorkspaceId, kind, Target(context, kind), ct);
        if (subscription is not null && deliverer.CanPost(subscription.Platform))
        {
            return await QueueNowAsync(subscription, ct);
        }

        // Without a subscription there is no "last digest": the answer is the past day's digest (or the past
        // week's brief). Where nothing can be posted (the playground) it is what the next one would say. Either
        // way it is shown to the person only, and posts and records nothing.
        var now = clock.GetUtcNow();
        return (subscription, kind) switch
        {
            ({ } some, _) => await deliverer.PreviewAsync(some, ct),
            (null, SubscriptionKind.Brief) => await composer.ComposeBriefAsync(context.WorkspaceId, QueryFilters.None, context.TimeZone, now, ct),
            _ => await composer.ComposeAsync(context.WorkspaceId, QueryFilters.None, context.TimeZone, new DateRange(now - TimeSpan.FromDays(1), now), ct),
        };
    }

    /// <summary>
    /// The post is queued, never made inside the command, so the answer comes at once whatever the platform does;
    /// the delivery row recorded first is what tells a second <c>digest now</c> that one is on its way already.
    /// </summary>
    private async Task<View> QueueNowAsync(Subscription subscription, CancellationToken ct)
    {
        var kind = subscription.Kind;
        var now = clock.GetUtcNow();
        if (await digests.QueueDeliveryAsync(subscription, now, now - PendingFor, ct) is { } pending)
        {
            var failed = pending.LastError is { } error ? $" Its last try failed: {Reason(error)}" : "";
            return new NoticeView(
                $"{Name(kind)} already on its way",
                $"The one up to {When(subscription, pending.Until)} is queued or being posted, so no second one was queued.{failed}");
        }

        schedule.QueueNow(subscription, now);
        return new NoticeView($"{Name(kind)} on its way", kind == SubscriptionKind.Brief
            ? "Your brief comes to your direct messages in a moment."
            : "It will be in this channel in a moment; the next scheduled one starts where it ends.");
    }

    private async Task<View> StatusAsync(ChatContext context, SubscriptionKind kind, CancellationToken ct)
    {
        if (await digests.FindSubscriptionAsync(context.WorkspaceId, kind, Target(context, kind), ct) is not { } subscription)
        {
            return new NoticeView($"No {Noun(kind)} {Here(kind)}", $"Start one with: {Example(kind)}");
        }

        var now = clock.GetUtcNow();
        var last = await digests.LastDeliveredAsync(context.WorkspaceId, subscription.JobId, DateTimeOffset.MaxValue, ct);
        var failure = await digests.LastFailureAsync(context.WorkspaceId, subscription.JobId, ct);
        return new DigestStatusView(
            Describe(subscription),
            $"The next one comes {When(subscription, DigestTimes.Next(subscription, now))}; "
            + (last is { } at ? $"the last one covered up to {When(subscription, at)}." : "none has been delivered yet."),
            failure is { LastError: { } error } ? $"The one up to {When(subscription, failure.Until)} has not arrived: {Reason(error)}" : null);
    }

    /// <summary>
    /// A failed post's recorded reason, in words: a platform's refusal is recorded by its outcome's name (see
    /// <see cref="PostOnce"/>), anything else by the error.
    /// </summary>
    private static string Reason(string error) => error switch
    {
        nameof(DigestOutcome.TokenRevoked) => "the app's token stopped working: reinstall the app.",
        nameof(DigestOutcome.ChannelGone) => "the app cannot post there any more: add it to the channel again.",
        _ => $"the last try failed ({error}); it is tried again a few times.",
    };

    private static string Name(SubscriptionKind kind) => kind == SubscriptionKind.Brief ? "Brief" : "Digest";

    private static string Noun(SubscriptionKind kind) => kind == SubscriptionKind.Brief ? "brief" : "digest";

    private static string Here(SubscriptionKind kind) => kind == SubscriptionKind.Brief ? "for you" : "in this channel";

    /// <summary>"Every Monday at 09:00 Europe/Berlin, segment buyer, quiet days skipped".</summary>
    private static string Describe(Subscription subscription)
    {
        var days = subscription.Cadence switch
        {
            DigestCadence.Daily => "Every day",
            DigestCadence.Weekdays => "Every weekday",
            _ => $"Every {subscription.Day ?? DayOfWeek.Monday}",
        };
        var filters = subscription.Filters;
        string?[] parts =
        [
            $"{days} at {subscription.At.ToString("HH:mm", CultureInfo.InvariantCulture)} {subscription.TimeZone}",
            filters.Segment is { } segment ? $"segment {segment}" : null,
            filters.Theme is { } theme ? $"#{theme}" : null,
            filters.Customer is { } customer ? $"customer {customer}" : null,
            subscription.SkipEmpty ? "quiet days skipped" : null,
        ];
        return string.Join(", ", parts.OfType<string>());
    }

    private static string When(Subscription subscription, DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, subscription.Zone).ToString("ddd d MMM 'at' HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Which zone a schedule without one took: the chat context holds the person's zone, else the workspace's.</summary>
    private static string ZoneSource(ChatContext context) =>
        (context.TimeZone.Id, context.Workspace.TimeZone) switch
        {
            var (mine, workspace) when mine != workspace => $"That is your time zone ({mine}); name another after the time to change it.",
            ("UTC", _) => "That is UTC: neither you nor the workspace has a time zone here; name one after the time, or set the workspace's with settings timezone.",
            var (mine, _) => $"That is the workspace's time zone ({mine}); name another after the time to change it.",
        };
}
