using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Core.Exchange;

/// <summary>Batches in and pages out: what the API and CSV need from the store beyond <see cref="IPulseStore"/>.</summary>
public interface IIntakeStore
{
    /// <summary>
    /// Stores every signal, with its theme links and customer, in one transaction: all or none (as
    /// <see cref="IPulseStore.AddSignalAsync"/> does one, creating themes and resolving aliases). With
    /// <paramref name="request"/>, its key and answer are recorded in the same transaction; when the key was recorded
    /// before, nothing is stored and that first answer comes back in <see cref="IntakeOutcome.Earlier"/>.
    /// </summary>
    Task<IntakeOutcome> AddSignalsAsync(WorkspaceId workspace, IReadOnlyList<Signal> signals, IdempotentRequest? request, CancellationToken ct);

    /// <summary>The first answer recorded under the idempotency key, or null.</summary>
    Task<StoredAnswer?> FindAnswerAsync(WorkspaceId workspace, string key, CancellationToken ct);

    /// <summary>Forgets idempotency keys recorded before <paramref name="before"/>; returns how many.</summary>
    Task<int> ForgetAnswersAsync(DateTimeOffset before, CancellationToken ct);

    /// <summary>
    /// Undeleted signals the filter allows, newest first by said-at then id (a text filter narrows, it does not
    /// reorder), at most <paramref name="limit"/>, starting after <paramref name="after"/>: stable paging, a signal added
    /// meanwhile never shifts a page.
    /// </summary>
    Task<SignalPage> ListSignalsAsync(WorkspaceId workspace, SignalFilter filter, SignalCursor? after, int limit, CancellationToken ct);
}
