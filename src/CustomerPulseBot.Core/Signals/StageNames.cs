namespace CustomerPulseBot.Core.Signals;

/// <summary>Journey stages as people say them ("during onboarding"), for every answer and renderer alike.</summary>
public static class StageNames
{
    /// <summary>The stage in words, lower case; null is a signal captured without a stage.</summary>
    public static string Of(JourneyStage? stage) => stage switch
    {
        null => "no stage given",
        JourneyStage.Discover => "discovery",
        JourneyStage.Evaluate => "evaluation",
        JourneyStage.Buy => "buying",
        JourneyStage.Onboard => "onboarding",
        JourneyStage.Use => "everyday use",
        JourneyStage.Support => "support",
        _ => "renewal",
    };

    /// <summary>The stage in words as a heading: "Onboarding".</summary>
    public static string Title(JourneyStage? stage) => Of(stage) is var words ? char.ToUpperInvariant(words[0]) + words[1..] : "";
}
