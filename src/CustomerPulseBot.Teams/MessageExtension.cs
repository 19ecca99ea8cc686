using System.Text.Json;
using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Teams.Activities;

namespace CustomerPulseBot.Teams;

// "Save as customer signal" on a message (teams-bot-framework.md, section 4): fetchTask opens the capture card
// in a dialog, prefilled from the message; submitAction stores it and shows the confirmation, or the card
// again with its errors. Both answer from the database alone, well inside the 5-second invoke budget.
internal sealed class MessageExtension(TeamsContexts contexts, PulseCommands commands, CardVerbs verbs)
{
    private const string Title = "Save as customer signal";

    public async Task<TeamsReply> FetchTaskAsync(Activity activity, CancellationToken ct)
    {
        if (!IsOurs(activity))
        {
            return TeamsReply.NotImplemented;
        }

        var message = Property(activity.Value, "messagePayload");
        var body = Property(message, "body");
        var content = Text(body, "content") ?? "";
        var quote = string.Equals(Text(body, "contentType"), "html", StringComparison.OrdinalIgnoreCase) ? MessageText.FromHtml(content) : content.Trim();
        var author = Text(Property(Property(message, "from"), "user"), "displayName");

        var context = await contexts.ForAsync(activity, ct);
        var form = (CaptureFormView)await commands.ExecuteAsync(context, new OpenCaptureFormCommand(), "", ct);
        var prefilled = form with { Draft = new CaptureDraft(quote), SourcePermalink = MessageLinks.OnTeams(Text(message, "linkToMessage")) };
        return TeamsReply.Invoke(TeamsCards.Dialog(author is { Length: > 0 } ? $"{Title}: message from {author}" : Title, prefilled));
    }

    public async Task<TeamsReply> SubmitAsync(Activity activity, CancellationToken ct)
    {
        if (!IsOurs(activity))
        {
            return TeamsReply.NotImplemented;
        }

        // The dialog's card turns Action.Execute into Action.Submit, so Undo and Edit on its confirmation come here too.
        var inputs = CaptureInputs.Of(Property(activity.Value, "data"));
        var context = await contexts.ForAsync(activity, ct, CaptureInputs.Text(inputs, TeamsIds.PermalinkKey));
        var view = await verbs.RunAsync(context, CaptureInputs.Text(inputs, TeamsIds.ActionKey) ?? TeamsIds.CaptureSignal, inputs, ct)
            ?? CardVerbs.NothingDone;
        return TeamsReply.Invoke(TeamsCards.Dialog(view is CaptureConfirmedView ? "Signal saved" : Title, view));
    }

    private static bool IsOurs(Activity activity) => Text(activity.Value, "commandId") == TeamsIds.SaveSignalCommand;

    private static JsonElement? Property(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty(name, out var property) ? property : null;

    private static string? Text(JsonElement? element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}
