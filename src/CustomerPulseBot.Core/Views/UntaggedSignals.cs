using CustomerPulseBot.Core.Signals;

namespace CustomerPulseBot.Core.Views;

/// <summary>Friction captured without a theme: counted and shown so that it never vanishes from a ranking.</summary>
public sealed record UntaggedSignals(int Count, int Customers, IReadOnlyList<Signal> Quotes)
{
    public static readonly UntaggedSignals None = new(0, 0, []);
}
