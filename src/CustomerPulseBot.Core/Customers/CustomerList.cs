namespace CustomerPulseBot.Core.Customers;

/// <summary>The first customers of a list, most signals first, and how many named customers there are in all.</summary>
public sealed record CustomerList(IReadOnlyList<CustomerStats> Customers, int Total);
