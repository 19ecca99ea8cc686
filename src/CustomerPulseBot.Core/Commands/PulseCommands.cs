using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Core.Commands;

/// <summary>Runs commands against the store and answers with a view. (Being written: signatures are fixed.)</summary>
public sealed class PulseCommands(IPulseStore store, TimeProvider clock)
{
    /// <summary>Parses the text and runs it: the path every chat message and slash command takes.</summary>
    public Task<View> HandleTextAsync(ChatContext context, string text, CancellationToken ct) =>
        ExecuteAsync(context, CommandParser.Parse(text), text, ct);

    public Task<View> ExecuteAsync(ChatContext context, Command command, string originalText, CancellationToken ct) =>
        throw new NotImplementedException($"{store}{clock}{context}{command}{originalText}{ct}");

    /// <summary>
    /// A capture form was submitted: stores it and confirms, or returns the form again with the typed
    /// values kept and the errors beside their fields.
    /// </summary>
    public Task<View> SubmitCaptureAsync(ChatContext context, CaptureDraft draft, CancellationToken ct) =>
        throw new NotImplementedException($"{context}{draft}{ct}");
}
