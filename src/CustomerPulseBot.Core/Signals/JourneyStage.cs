namespace CustomerPulseBot.Core.Signals;

public enum JourneyStage
{
    Discover,
    Evaluate,
    Buy,
    Onboard,
    Use,
    Support,
    Renew,
}
