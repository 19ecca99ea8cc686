using System.Text.Json;
using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Teams;

// What each verb our cards send does, in one place for Teams' Action.Execute, the Action.Submit a client without
// Universal Actions sends (as a message, or from a dialog) and the playground. Every verb runs one Core command as
// the person who clicked; Core decides who may undo or edit.
internal sealed class CardVerbs(PulseCommands commands, ILogger<CardVerbs> logger)
{
    // The answer to a refused action where the answer must be a card.
    public static readonly NoticeView NothingDone = new("Nothing was done", "That card action is not one this bot knows, so nothing was changed.");

    // The view that answers the action, or null when the verb is not ours or its data is refused (nothing ran).
    public async Task<View?> RunAsync(ChatContext context, string? verb, IReadOnlyDictionary<string, JsonElement> data, CancellationToken ct)
    {
        var text = CaptureInputs.Text(data, TeamsIds.TextKey);
        var signal = CaptureInputs.Text(data, TeamsIds.SignalKey);
        return verb switch
        {
            TeamsIds.CaptureSignal => await commands.SubmitCaptureAsync(context, CaptureInputs.DraftOf(data), Editing(data), ct),
            TeamsIds.SaveQuote when !string.IsNullOrWhiteSpace(text) => await commands.ExecuteAsync(context, CommandParser.Capture(text), text, ct),
            TeamsIds.UndoCapture when !string.IsNullOrWhiteSpace(signal) => await commands.ExecuteAsync(context, new DeleteSignalCommand(signal, OwnOnly: true), "", ct),
            TeamsIds.EditCapture when !string.IsNullOrWhiteSpace(signal) => await commands.ExecuteAsync(context, new EditSignalCommand(signal), "", ct),
            TeamsIds.AllQuotes when !string.IsNullOrWhiteSpace(text) => await AllQuotesAsync(context, text, ct),
            TeamsIds.AddTheme => await ThemeAsync(context, ThemeAction.Add, data, ct),
            TeamsIds.NewTheme => await ThemeAsync(context, ThemeAction.NewTheme, data, ct),
            TeamsIds.RemoveTheme => await ThemeAsync(context, ThemeAction.Remove, data, ct),
            TeamsIds.MergeDuplicate => await ThemeAsync(context, ThemeAction.Merge, data, ct),
            TeamsIds.KeepBoth => await ThemeAsync(context, ThemeAction.KeepBoth, data, ct),
            TeamsIds.CreateTheme => await ThemeAsync(context, ThemeAction.Create, data, ct),
            TeamsIds.ForgetCustomer => await commands.ConfirmForgetAsync(context, CaptureInputs.Text(data, TeamsIds.ValueKey), ct),
            TeamsIds.KeepCustomer => PulseCommands.NothingErased,
            _ => Refused(context, verb),
        };
    }

    // The action carries a search command; it runs only if it still parses as one, so a forged value that reads as
    // anything else ("theme ship x", "digest off", a capture) changes nothing.
    private async Task<View?> AllQuotesAsync(ChatContext context, string text, CancellationToken ct)
    {
        return commands.Parse(context, text) is SearchCommand search
            ? await commands.ExecuteAsync(context, search, text, ct)
            : Refused(context, TeamsIds.AllQuotes);
    }

    // Core reads the value and refuses one its button does not write.
    private Task<View> ThemeAsync(ChatContext context, ThemeAction action, IReadOnlyDictionary<string, JsonElement> data, CancellationToken ct) =>
        commands.RunThemeActionAsync(context, action, CaptureInputs.Text(data, TeamsIds.ValueKey), CaptureInputs.Text(data, TeamsIds.NewThemeKey), ct);

    private View? Refused(ChatContext context, string? verb)
    {
        logger.LogWarning("Refused card action {Verb} in workspace {WorkspaceId}: not a verb of ours, or its data does not fit it", verb, context.WorkspaceId);
        return null;
    }

    private static Guid? Editing(IReadOnlyDictionary<string, JsonElement> data) =>
        Guid.TryParseExact(CaptureInputs.Text(data, TeamsIds.EditingKey), "N", out var id) ? id : null;
}
