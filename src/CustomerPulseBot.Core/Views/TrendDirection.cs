namespace CustomerPulseBot.Core.Views;

public enum TrendDirection
{
    New,
    Rising,
    Steady,
    Falling,
}
