namespace CustomerPulseBot.Core.Workspaces;

/// <summary>Events a platform delivered, recorded once for every host, so a retry that reaches another host is dropped too.</summary>
public interface IEventReceipts
{
    /// <summary>Records the event; false when it was recorded before, by this host or any other.</summary>
    Task<bool> TryRecordEventAsync(Platform platform, string externalId, string eventId, DateTimeOffset receivedAt, CancellationToken ct);

    /// <summary>Forgets one event, which was not handled after all: its next delivery is recorded as the first.</summary>
    Task ForgetEventAsync(Platform platform, string externalId, string eventId, CancellationToken ct);

    /// <summary>Forgets events received before <paramref name="before"/>; returns how many.</summary>
    Task<int> ForgetEventsAsync(DateTimeOffset before, CancellationToken ct);
}
