namespace CustomerPulseBot.Core.Commands;

/// <summary>Filters a question can name: <c>segment:buyer</c>, <c>#theme</c>, <c>customer:Acme</c>.</summary>
public sealed record QueryFilters(string? Segment = null, string? Theme = null, string? Customer = null)
{
    public static readonly QueryFilters None = new();

    public bool IsEmpty => Segment is null && Theme is null && Customer is null;
}
