namespace CustomerPulseBot.Core.Commands;

/// <summary>
/// A query that came as a person's own words rather than a command: the text as typed, how it was read
/// ("top pain points, this week"), the words that were not understood, and notes on what vague words became
/// ("recently" read as the last 14 days). Its answer says all this and offers to save the text as a quote instead.
/// </summary>
public sealed record Asked(string Text, string Reading, IReadOnlyList<string> NotUnderstood, IReadOnlyList<string> Notes)
{
    public bool FullyUnderstood => NotUnderstood.Count == 0;
}
