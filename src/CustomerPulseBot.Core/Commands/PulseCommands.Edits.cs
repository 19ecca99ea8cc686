using System.Globalization;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Core.Commands;

// Undo, delete, edit and customer merge. A signal is the capturer's alone to edit; deleting someone else's is an
// admin's (checked before DeleteAsync runs, in PulseCommands.Admins.cs).
public sealed partial class PulseCommands
{
    private const string DeleteExample = "delete 3f9c2a71";
    private const string EditExample = "edit 3f9c2a71";

    private async Task<View> UndoAsync(ChatContext context, CancellationToken ct)
    {
        var last = await store.FindLastCaptureAsync(context.WorkspaceId, context.User.Id, ct);
        return last is null
            ? new NoticeView("Nothing to undo", "You have no captures in this workspace left to undo.")
            : await RemoveAsync(context, last, ct);
    }

    private async Task<View> DeleteAsync(ChatContext context, DeleteSignalCommand delete, string originalText, CancellationToken ct)
    {
        var found = await FindAsync(context, delete.Reference, $"delete the quote {delete.Reference}", DeleteExample, originalText, ct);
        return found switch
        {
            { Signal: null } => found.Problem!, // FindAsync gives a signal or a problem
            { Signal: var signal } when delete.OwnOnly && Refusal(context, signal, "delete") is { } refused => refused,
            { Signal: var signal } => await RemoveAsync(context, signal, ct),
        };
    }

    private async Task<View> EditAsync(ChatContext context, EditSignalCommand edit, string originalText, CancellationToken ct)
    {
        var found = await FindAsync(context, edit.Reference, $"edit the quote {edit.Reference}", EditExample, originalText, ct);
        return found switch
        {
            { Signal: null } => found.Problem!,
            { Signal: var signal } when Refusal(context, signal, "edit") is { } refused => refused,
            { Signal: var signal } => new CaptureFormView(
                DraftOf(signal, context.TimeZone), await ThemeNamesAsync(context, ct), [], signal.SourcePermalink, signal.Id),
        };
    }

    /// <summary>
    /// Edit's form was saved: the signal keeps its id, who captured it, where and when; the rest is as submitted.
    /// A said day left as it was keeps its time of day rather than moving to midnight.
    /// </summary>
    private async Task<View> SaveEditAsync(ChatContext context, Guid id, Signal submitted, PersonalDataFound masked, CancellationToken ct)
    {
        var original = await store.GetSignalAsync(context.WorkspaceId, id, ct);
        if (original is null)
        {
            return new NoticeView("That quote is gone", "It was deleted before your edit was saved, so nothing was changed.");
        }

        if (Refusal(context, original, "edit") is { } refused)
        {
            return refused;
        }

        var sameDay = Zones.DayOf(submitted.SaidAt, context.TimeZone) == Zones.DayOf(original.SaidAt, context.TimeZone);
        var signal = submitted with
        {
            Id = original.Id,
            CapturedBy = original.CapturedBy,
            CapturedIn = original.CapturedIn,
            CapturedAt = original.CapturedAt,
            SourcePermalink = original.SourcePermalink,
            SaidAt = sameDay ? original.SaidAt : submitted.SaidAt,
        };
        var created = await store.UpdateSignalAsync(context.WorkspaceId, signal, ct);
        logger.LogInformation("Edited signal {SignalId} in workspace {WorkspaceId}", signal.Id, context.WorkspaceId);
        return new CaptureConfirmedView(signal, created, Edited: true, Masked: MaskedShown(masked));
    }

    private async Task<View> MergeCustomersAsync(ChatContext context, MergeCustomersCommand merge, string originalText, CancellationToken ct)
    {
        if (merge.From == merge.Into)
        {
            return new NotUnderstoodView(
                $"merge the customer \"{merge.From}\" into \"{merge.Into}\"", "those are the same name: name the spelling to fold in, then the one to keep",
                "customer merge \"Acme Corp\" Acme", originalText);
        }

        var moved = await store.MergeCustomersAsync(context.WorkspaceId, merge.From, merge.Into, ct);
        return new NoticeView(
            $"Merged customer \"{merge.From}\" into \"{merge.Into}\"",
            $"{moved.ToString("N0", CultureInfo.InvariantCulture)} {(moved == 1 ? "signal" : "signals")} of \"{merge.From}\" now count for \"{merge.Into}\", and new captures naming \"{merge.From}\" land there too.");
    }

    private async Task<View> RemoveAsync(ChatContext context, Signal signal, CancellationToken ct)
    {
        if (!await store.DeleteSignalAsync(context.WorkspaceId, signal.Id, context.User, clock.GetUtcNow(), ct))
        {
            return new NoticeView("Already gone", $"The quote {signal.ShortId} was already deleted.");
        }

        logger.LogInformation("Deleted signal {SignalId} in workspace {WorkspaceId}", signal.Id, context.WorkspaceId);
        return new SignalDeletedView(signal);
    }

    /// <summary>The one undeleted signal a reference names, or the reply saying why there is none.</summary>
    private async Task<(Signal? Signal, View? Problem)> FindAsync(
        ChatContext context, string reference, string understood, string example, string originalText, CancellationToken ct)
    {
        var found = await store.FindSignalsByReferenceAsync(context.WorkspaceId, reference, ct);
        return found.Count switch
        {
            1 => (found[0], null),
            0 => (null, new NotUnderstoodView(understood,
                $"there is no quote {reference} here: use the id shown on its capture confirmation (at least 6 characters)", example, originalText)),
            _ => (null, new NotUnderstoodView(understood,
                $"{reference} fits {found.Count} quotes: type more of the id (the whole id on the capture confirmation is 8 characters)", example, originalText)),
        };
    }

    private static NoticeView? Refusal(ChatContext context, Signal signal, string action) =>
        signal.CapturedBy.Id == context.User.Id
            ? null
            : new NoticeView(
                $"Only {signal.CapturedBy.Name} can {action} this quote",
                $"{signal.CapturedBy.Name} captured it, and only the person who captured a quote can {action} it. Ask them to, or capture your own version.");

    /// <summary>The capture form's fields as the signal holds them, in the words the form reads back.</summary>
    private static CaptureDraft DraftOf(Signal signal, TimeZoneInfo zone) => new(
        signal.Quote,
        signal.Customer,
        signal.Segment,
        signal.Source,
        signal.Kind.ToString().ToLowerInvariant(),
        signal.Stage?.ToString().ToLowerInvariant(),
        signal.Themes,
        signal.Severity.ToString().ToLowerInvariant(),
        signal.EvidenceUrl,
        Zones.DayOf(signal.SaidAt, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
