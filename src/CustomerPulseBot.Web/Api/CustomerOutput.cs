using CustomerPulseBot.Core.Customers;

namespace CustomerPulseBot.Web.Api;

/// <summary>A customer as stored; <see cref="Signals"/> counts its undeleted signals in a list, and is null in the answer to a save.</summary>
internal sealed record CustomerOutput(
    string Name, IReadOnlyList<string> Aliases, string? Segment, string? Plan, decimal? Arr, string? Owner, int? Signals = null)
{
    public static CustomerOutput From(CustomerProfile customer, int? signals = null) =>
        new(customer.Name, customer.Aliases, customer.Segment, customer.Plan, customer.Arr, customer.Owner, signals);
}
