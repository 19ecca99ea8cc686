namespace CustomerPulseBot.Core.Views;

/// <summary>
/// <c>digest status</c>: the schedule (<paramref name="Title"/>), when the next one comes and what the last one
/// covered (<paramref name="Text"/>), and, when a post failed since the last delivered one, what went wrong and
/// what to do about it (<paramref name="LastFailure"/>), shown as a warning.
/// </summary>
public sealed record DigestStatusView(string Title, string Text, string? LastFailure) : View;
