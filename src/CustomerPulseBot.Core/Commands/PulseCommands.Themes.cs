using System.Globalization;
using CustomerPulseBot.Core.Meaning;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Themes;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Core.Commands;

// Themes by meaning in chat: what a capture's reply adds, "themes new", and the buttons both offer. A host without the
// meaning features (the benchmark, a test) passes neither meaning nor its store, and captures answer as they always did.
public sealed partial class PulseCommands
{
    /// <summary>
    /// The most a capture's reply waits for meaning: a slow model or a cold workspace index leaves the suggestion out
    /// (the vector follows in the background) rather than hold an acknowledged capture past the reply deadline.
    /// </summary>
    public static readonly TimeSpan MeaningBudget = TimeSpan.FromMilliseconds(500);

    private static readonly NoticeView MeaningOff = new(
        "Themes by meaning are not switched on", "This version runs without the meaning model, so nothing was changed.");

    private static readonly NoticeView ButtonRefused = new(
        "Nothing was done", "That button did not carry what it should, so nothing was changed.");

    /// <summary>
    /// A theme button was clicked (<paramref name="value"/> as <see cref="ThemeButtons"/> wrote it; for New theme,
    /// <paramref name="typed"/> is the name typed beside it). A value that is not what the button writes is refused
    /// and nothing runs; a capture's buttons act for the person who captured it only.
    /// </summary>
    public async Task<View> RunThemeActionAsync(ChatContext context, ThemeAction action, string? value, string? typed, CancellationToken ct)
    {
        if (meaningStore is null)
        {
            return MeaningOff;
        }

        ThemeButtons.TryRead(value, out var words);
        var view = (action, words) switch
        {
            (ThemeAction.Add, [var id, var theme]) when ThemeButtons.Id(id) is { } signal => await TagAsync(context, signal, theme, ct),
            (ThemeAction.NewTheme, [var id]) when ThemeButtons.Id(id) is { } signal => await TagAsync(context, signal, typed, ct),
            (ThemeAction.Remove, [var id, var theme]) when ThemeButtons.Id(id) is { } signal => await UntagAsync(context, signal, theme, ct),
            (ThemeAction.Merge, [var id, var earlier]) when (ThemeButtons.Id(id), ThemeButtons.Id(earlier)) is ({ } signal, { } original) =>
                await MergeDuplicateAsync(context, signal, original, ct),
            (ThemeAction.KeepBoth, [var id]) when ThemeButtons.Id(id) is { } signal => await KeepBothAsync(context, signal, ct),
            (ThemeAction.Create, _) when ThemeButtons.ReadCreate(words) is { } create => await CreateThemeAsync(context, create, ct),
            _ => null,
        };
        if (view is null)
        {
            logger.LogWarning("Refused theme action {Action} in workspace {WorkspaceId}: its value is not one the button writes", action, context.WorkspaceId);
        }

        return view ?? ButtonRefused;
    }

    /// <summary>
    /// What meaning adds to a capture just stored, within <see cref="MeaningBudget"/> and the reply's own time. The
    /// capture is stored and stays stored: whatever meaning does (late, failing), the confirmation goes out.
    /// </summary>
    private async Task<(Signal Signal, CaptureMeaning? Meaning)> AfterCaptureAsync(ChatContext context, Signal signal, CancellationToken ct)
    {
        if (meaning is null)
        {
            return (signal, null);
        }

        CaptureMeaning found;
        try
        {
            using var timer = new CancellationTokenSource(MeaningBudget, clock);
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
            // WaitAsync too: an answer that ignores its token must not hold the reply either.
            found = await meaning.AfterCaptureAsync(context.Workspace, signal, budget.Token).WaitAsync(budget.Token);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Meaning for signal {SignalId} in workspace {WorkspaceId} did not answer in time; the capture is confirmed without it",
                signal.Id, context.WorkspaceId);
            return (signal, null);
        }

        return (found.Shown(signal), found == CaptureMeaning.None ? null : found);
    }

    private async Task<View> ThemesNewAsync(ChatContext context, ThemesNewCommand command, CancellationToken ct)
    {
        if (meaning is null)
        {
            return new NoticeView("Finding new themes is not switched on", "This version runs without the meaning model, so no themes were proposed.");
        }

        var window = Resolve(context, command.Period);
        var found = await meaning.DiscoverAsync(context.WorkspaceId, window.Current, ct);
        return new NewThemesView(window.Label, window.Dates, found, window.Current);
    }

    /// <summary>Add and New theme: the capture gets the theme as the person's own choice (a new name starts a theme).</summary>
    private async Task<View> TagAsync(ChatContext context, Guid id, string? typed, CancellationToken ct)
    {
        if (ThemeName.Normalise(typed ?? "") is not { } name)
        {
            return string.IsNullOrWhiteSpace(typed)
                ? new NoticeView("No theme was added", "Type the new theme's name in the box beside New theme first.")
                : new NoticeView("No theme was added", $"\"{typed}\" cannot be a theme name: use letters, digits and dashes, at most {ThemeName.MaxLength}.");
        }

        var (signal, refused) = await OwnCaptureAsync(context, id, "tag", ct);
        if (signal is null)
        {
            return refused!; // OwnCaptureAsync gives a signal or the reason there is none
        }

        var known = await store.FindThemeAsync(context.WorkspaceId, name, ct);
        await meaningStore!.TagSignalsAsync(context.WorkspaceId, [id], name, suggested: false, ct); // RunThemeActionAsync refused without a store
        logger.LogInformation("Tagged signal {SignalId} in workspace {WorkspaceId} by a person's choice", id, context.WorkspaceId);
        var tagged = await store.GetSignalAsync(context.WorkspaceId, id, ct) ?? signal;
        return new CaptureConfirmedView(tagged, known is null ? [name] : [], Edited: true);
    }

    private async Task<View> UntagAsync(ChatContext context, Guid id, string theme, CancellationToken ct)
    {
        var (signal, refused) = await OwnCaptureAsync(context, id, "change", ct);
        if (signal is null)
        {
            return refused!;
        }

        if (ThemeName.Normalise(theme) != theme)
        {
            return ButtonRefused;
        }

        await meaningStore!.UntagSignalAsync(context.WorkspaceId, id, theme, ct);
        logger.LogInformation("Removed a suggested tag from signal {SignalId} in workspace {WorkspaceId}", id, context.WorkspaceId);
        return new CaptureConfirmedView(await store.GetSignalAsync(context.WorkspaceId, id, ct) ?? signal, [], Edited: true);
    }

    private async Task<View> MergeDuplicateAsync(ChatContext context, Guid id, Guid earlier, CancellationToken ct)
    {
        var (signal, refused) = await OwnCaptureAsync(context, id, "merge", ct);
        if (signal is null)
        {
            return refused!;
        }

        var original = id == earlier ? null : await store.GetSignalAsync(context.WorkspaceId, earlier, ct);
        if (original is null || !await meaningStore!.MergeDuplicateAsync(context.WorkspaceId, id, earlier, ct))
        {
            return new NoticeView("Not merged", "The earlier quote is gone or is this one, so both stay as they are.");
        }

        logger.LogInformation("Merged signal {SignalId} into {OriginalId} in workspace {WorkspaceId}", id, earlier, context.WorkspaceId);
        var day = Zones.DayOf(original.CapturedAt, context.TimeZone).ToString("d MMM", CultureInfo.InvariantCulture);
        return new NoticeView(
            $"Merged with the quote captured on {day}",
            "Your capture stays stored with the earlier quote, and the two count once in rankings, trends, counts and digests.");
    }

    private async Task<View> KeepBothAsync(ChatContext context, Guid id, CancellationToken ct)
    {
        var (signal, refused) = await OwnCaptureAsync(context, id, "change", ct);
        return signal is null ? refused! : new CaptureConfirmedView(signal, []);
    }

    /// <summary>
    /// Create theme: every quote of the candidate gets its name as a person's choice. A candidate larger than its button
    /// could carry is found again by discovery over the same period (the one sharing most of the carried quotes).
    /// </summary>
    private async Task<View> CreateThemeAsync(ChatContext context, ThemeButtons.CreateValue create, CancellationToken ct)
    {
        var signals = create.Signals;
        if (create.Size > signals.Count && meaning is not null)
        {
            var carried = signals.ToHashSet();
            var again = (await meaning.DiscoverAsync(context.WorkspaceId, create.Period, ct))
                .MaxBy(c => c.SignalIds.Count(carried.Contains));
            if (again is not null && again.SignalIds.Any(carried.Contains))
            {
                signals = [.. signals.Union(again.SignalIds)];
            }
        }

        var known = await store.FindThemeAsync(context.WorkspaceId, create.Name, ct);
        var tagged = await meaningStore!.TagSignalsAsync(context.WorkspaceId, signals, create.Name, suggested: false, ct);
        logger.LogInformation("Theme created from discovery in workspace {WorkspaceId}: {Count} signals tagged", context.WorkspaceId, tagged);
        var name = known?.Name ?? create.Name;
        var quotes = tagged == 1 ? "1 quote now counts" : $"{tagged:N0} quotes now count";
        return tagged == 0
            ? new NoticeView($"Nothing new for #{name}", "Those quotes are gone or already carry the theme, so nothing was changed.")
            : new NoticeView(known is null ? $"Created #{name}" : $"Added to #{name}", $"{quotes} for #{name}, in rankings, trends and digests.");
    }

    /// <summary>The undeleted signal, when the person captured it; else the reply saying why not.</summary>
    private async Task<(Signal? Signal, View? Problem)> OwnCaptureAsync(ChatContext context, Guid id, string action, CancellationToken ct)
    {
        var signal = await store.GetSignalAsync(context.WorkspaceId, id, ct);
        return signal is null
            ? (null, new NoticeView("That quote is gone", "It was deleted, so nothing was changed."))
            : Refusal(context, signal, action) is { } refused ? (null, refused) : (signal, null);
    }
}
