namespace CustomerPulseBot.Core.Commands;

public enum DigestCadence
{
    Daily,
    Weekdays,
    Weekly,
}
