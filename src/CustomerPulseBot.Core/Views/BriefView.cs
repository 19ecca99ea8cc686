namespace CustomerPulseBot.Core.Views;

/// <summary>
/// A leader's brief: the past week's top pain points with their quotes, what changed against the week before, and the
/// largest themes discovery proposes among the week's untagged quotes (<see cref="NewThemes"/>).
/// </summary>
public sealed record BriefView(PainPointsView Top, TrendsView Changes) : View
{
    public NewThemesView? NewThemes { get; init; }

    /// <summary>No friction this week: the brief says so in one line.</summary>
    public bool IsQuiet => Top.TotalSignals == 0;
}
