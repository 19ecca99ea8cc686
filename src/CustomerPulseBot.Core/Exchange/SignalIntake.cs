using CustomerPulseBot.Core.Meaning;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Workspaces;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Core.Exchange;

/// <summary>
/// Signals from the API and imports take the chat's path: each row is read by <see cref="CaptureValidator"/> (the form
/// rules: any error refuses the row, and personal data is masked), the batch is stored in one transaction, and meaning
/// follows as for a capture: one signal gets its theme suggestion (and auto-tag) at once, a batch's vectors are queued
/// for the background (where a confident suggestion tags an untagged one, as at capture).
/// </summary>
public sealed class SignalIntake(
    IIntakeStore store, TimeProvider clock, ILogger<SignalIntake> logger, IMeaning? meaning = null, IVectorQueue? queue = null)
{
    /// <summary>The most signals one request or one import may carry.</summary>
    public const int MaxBatch = 1000;

    /// <summary>Reads every row; the batch is whole only when <see cref="IntakeCheck.Errors"/> is empty.</summary>
    public IntakeCheck Check(IReadOnlyList<IntakeRow> rows, ChatContext context)
    {
        var now = clock.GetUtcNow();
        var signals = new List<Signal?>(rows.Count);
        var errors = new List<(int, FieldError)>();
        var masked = PersonalDataFound.None;
        for (var i = 0; i < rows.Count; i++)
        {
            var by = rows[i].CapturedBy is { } person ? context with { User = person } : context;
            var found = CaptureValidator.Validate(rows[i].Draft, by, now, out var signal, out var inRow);
            signals.Add(signal);
            errors.AddRange(found.Select(e => (i, e)));
            masked += inRow;
        }

        return new IntakeCheck(signals, errors, masked);
    }

    /// <summary>
    /// Stores the signals (all or none) and returns them as stored, a lone untagged one with the theme a confident
    /// suggestion gave it; or, for an idempotency key used before, nothing stored and the first answer.
    /// </summary>
    public async Task<(IntakeOutcome Outcome, IReadOnlyList<Signal> Stored)> StoreAsync(
        ChatContext context, IReadOnlyList<Signal> signals, IdempotentRequest? request, CancellationToken ct)
    {
        var outcome = await store.AddSignalsAsync(context.WorkspaceId, signals, request, ct);
        if (outcome.Earlier is not null)
        {
            return (outcome, []);
        }

        logger.LogInformation("Stored {Count} signals from the API in workspace {WorkspaceId}", signals.Count, context.WorkspaceId);
        if (signals is [var one] && meaning is not null)
        {
            var found = await meaning.AfterCaptureAsync(context.Workspace, one, ct);
            return (outcome, [found.Shown(one)]);
        }

        foreach (var signal in signals)
        {
            // A full queue leaves the rest to the backfill, which finds every signal without a vector but suggests no
            // theme (it cannot tell an imported signal from an old one): those untagged signals stay untagged. The host's
            // queue holds a few thousand, so of a large import only the first few thousand can be tagged by suggestion.
            var pending = new PendingVector(
                context.WorkspaceId, signal.Id, signal.Quote, AutoTag: signal.Themes.Count == 0 && context.Workspace.AutoTag);
            if (queue?.TryQueue(pending) != true)
            {
                break;
            }
        }

        return (outcome, signals);
    }
}
