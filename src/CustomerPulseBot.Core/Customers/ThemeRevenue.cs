namespace CustomerPulseBot.Core.Customers;

/// <summary>The annual revenue of the distinct customers behind a theme whose revenue is known (<paramref name="Customers"/> of them).</summary>
public sealed record ThemeRevenue(string? Theme, decimal Revenue, int Customers);
