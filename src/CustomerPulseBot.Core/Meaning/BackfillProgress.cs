namespace CustomerPulseBot.Core.Meaning;

/// <summary>How far a vector backfill has come: signals done of those missing a vector when it began.</summary>
public sealed record BackfillProgress(int Done, int Total, TimeSpan Elapsed)
{
    public double PerSecond => Elapsed > TimeSpan.Zero ? Done / Elapsed.TotalSeconds : 0;

    public override string ToString() => $"{Done:N0} of {Total:N0} ({PerSecond:N0} a second)";
}
