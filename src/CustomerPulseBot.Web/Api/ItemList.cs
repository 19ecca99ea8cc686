namespace CustomerPulseBot.Web.Api;

/// <summary>A list answer: <c>{"items": [...]}</c>.</summary>
internal sealed record ItemList<T>(IReadOnlyList<T> Items);
