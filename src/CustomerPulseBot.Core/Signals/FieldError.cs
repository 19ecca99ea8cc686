namespace CustomerPulseBot.Core.Signals;

/// <summary>One thing wrong with one field of a capture; <paramref name="Field"/> is a <see cref="CaptureField"/> name.</summary>
public sealed record FieldError(string Field, string Message)
{
    /// <summary>A value as an error quotes it back: its first 40 characters, so a long paste does not drown the message.</summary>
    public static string Excerpt(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
