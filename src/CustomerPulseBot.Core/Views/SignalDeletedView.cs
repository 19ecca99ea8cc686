using CustomerPulseBot.Core.Signals;

namespace CustomerPulseBot.Core.Views;

/// <summary>A signal was removed (Undo, <c>undo</c> or <c>delete</c>): it no longer counts anywhere.</summary>
public sealed record SignalDeletedView(Signal Signal) : View;
