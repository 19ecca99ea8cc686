namespace CustomerPulseBot.Core.Signals;

public enum SignalKind
{
    Pain,
    Request,
    Praise,
    Question,
}
