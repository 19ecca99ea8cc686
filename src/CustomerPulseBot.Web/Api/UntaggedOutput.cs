namespace CustomerPulseBot.Web.Api;

/// <summary>The period's friction no theme holds yet: how much, from how many customers, and a few quotes.</summary>
internal sealed record UntaggedOutput(int Signals, int Customers, IReadOnlyList<SignalOutput> Quotes);
