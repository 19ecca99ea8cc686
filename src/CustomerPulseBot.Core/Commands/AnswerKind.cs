namespace CustomerPulseBot.Core.Commands;

/// <summary>What kind of answer a question asks for; each becomes one command.</summary>
internal enum AnswerKind
{
    Top,
    Trends,
    Search,
    Count,
    Customers,
    Shipped,
    Summary,
    Journey,

    /// <summary>"What new themes are there?": discovery among the untagged quotes, not the trends' new section.</summary>
    NewThemes,
}
