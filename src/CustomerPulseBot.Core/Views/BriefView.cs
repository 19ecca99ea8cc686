namespace CustomerPulseBot.Core.Views;

/// <summary>A leader's brief: the past week's top pain points with their quotes, and what changed against the week before.</summary>
public sealed record BriefView(PainPointsView Top, TrendsView Changes) : View
{
    /// <summary>No friction this week: the brief says so in one line.</summary>
    public bool IsQuiet => Top.TotalSignals == 0;
}
