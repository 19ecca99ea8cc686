namespace CustomerPulseBot.Core.Exchange;

/// <summary>Where a page of signals, newest first, ended: the next page starts after this said-at and id.</summary>
public sealed record SignalCursor(DateTimeOffset SaidAt, Guid Id);
