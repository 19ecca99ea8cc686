namespace CustomerPulseBot.Storage;

/// <summary>Why the store could not be opened at start-up, in one line naming the setting; <paramref name="Retry"/> when it may pass by itself.</summary>
internal sealed record StartupProblem(string Line, bool Retry);
