namespace CustomerPulseBot.Core.Signals;

/// <summary>One thing wrong with one field of a capture; <paramref name="Field"/> is a <see cref="CaptureField"/> name.</summary>
public sealed record FieldError(string Field, string Message);
