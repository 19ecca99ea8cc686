namespace CustomerPulseBot.Web.Api;

/// <summary>A page of signals, newest first; <see cref="Next"/> is the cursor for the next page, null on the last.</summary>
internal sealed record SignalPageOutput(IReadOnlyList<SignalOutput> Items, string? Next);
