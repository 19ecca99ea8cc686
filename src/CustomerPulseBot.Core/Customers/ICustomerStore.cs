using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Core.Customers;

/// <summary>
/// Customers as entities (a row per customer, keyed as signals key their customer: case-insensitively, a merged
/// name leading to the customer it was merged into). Captures add a customer the first time they name one; these
/// methods add what a CRM knows.
/// </summary>
public interface ICustomerStore
{
    /// <summary>
    /// Creates or updates each customer in one transaction, all or nothing: a customer found by its name or any of
    /// its aliases (case-insensitive) gets the profile's fields where they are not null, and its aliases added; a new
    /// one is created. Returns the customers as stored, in the order given. Throws
    /// <see cref="CustomerConflictException"/> (nothing stored) when an alias already leads to another customer.
    /// </summary>
    Task<IReadOnlyList<CustomerProfile>> SaveCustomersAsync(WorkspaceId workspace, IReadOnlyList<CustomerProfile> customers, CancellationToken ct);

    /// <summary>The customer named <paramref name="nameOrAlias"/> (case-insensitive, through aliases and merges), or null.</summary>
    Task<CustomerProfile?> FindCustomerAsync(WorkspaceId workspace, string nameOrAlias, CancellationToken ct);

    /// <summary>Every customer of the workspace with how many undeleted signals name it, most first, then by name.</summary>
    Task<IReadOnlyList<(CustomerProfile Customer, int Signals)>> ListCustomersAsync(WorkspaceId workspace, CancellationToken ct);

    /// <summary>
    /// Per theme of the filtered signals (null theme: untagged), the summed annual revenue of the distinct customers
    /// behind them whose revenue is known, and how many such customers there are. Themes without a customer of known
    /// revenue are left out.
    /// </summary>
    Task<IReadOnlyList<ThemeRevenue>> GetThemeRevenueAsync(WorkspaceId workspace, SignalFilter filter, CancellationToken ct);
}
