namespace CustomerPulseBot.Core.Signals;

/// <summary>How much the friction hurts the customer; the numbers are stored and weigh in the ranking.</summary>
public enum Severity
{
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}
