using CustomerPulseBot.Core;
using CustomerPulseBot.Core.Customers;
using CustomerPulseBot.Core.Exchange;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Workspaces;
using static CustomerPulseBot.Storage.Tests.PulseStoreContractTests;

namespace CustomerPulseBot.Storage.Tests;

/// <summary>Customers as entities and the revenue behind themes (migration 0012), the same on SQLite and PostgreSQL.</summary>
public abstract class CustomerStoreContractTests
{
    private readonly CancellationToken ct = CancellationToken.None;

    protected abstract IPulseStore Store { get; }

    private ICustomerStore Customers => (ICustomerStore)Store;

    [Fact]
    public async Task AddsACustomerOnceNamedAsFirstTyped_WhenCapturesAndBatchesNameIt()
    {
        var workspace = await NewWorkspaceAsync();

        await Store.AddSignalAsync(workspace.Id, NewSignal(workspace, "one", customer: " Acme Corp "), ct);
        await Store.AddSignalAsync(workspace.Id, NewSignal(workspace, "two", customer: "ACME CORP"), ct);
        await ((IIntakeStore)Store).AddSignalsAsync(workspace.Id,
            [NewSignal(workspace, "three", customer: "initech"), NewSignal(workspace, "four", customer: "Initech"), NewSignal(workspace, "five")], null, ct);

        AssertSame(new CustomerProfile("Acme Corp", []), await Customers.FindCustomerAsync(workspace.Id, "acme corp", ct));
        Assert.Equal(
            [("Acme Corp", 2), ("initech", 2)],
            (await Customers.ListCustomersAsync(workspace.Id, ct)).Select(c => (c.Customer.Name, c.Signals)));
    }

    [Fact]
    public async Task AddsTheCustomer_WhenAnEditNamesANewOne()
    {
        var workspace = await NewWorkspaceAsync();
        var signal = NewSignal(workspace, "nobody yet");
        await Store.AddSignalAsync(workspace.Id, signal, ct);

        await Store.UpdateSignalAsync(workspace.Id, signal with { Customer = "Hooli" }, ct);

        Assert.Equal("Hooli", (await Customers.FindCustomerAsync(workspace.Id, "HOOLI", ct))?.Name);
    }

    [Fact]
    public async Task CreatesAndUpdatesCustomers_FindingThemByNameOrAlias()
    {
        var workspace = await NewWorkspaceAsync();
        await Store.AddSignalAsync(workspace.Id, NewSignal(workspace, "captured first", customer: "acme"), ct);
        await Customers.SaveCustomersAsync(workspace.Id, [new CustomerProfile("Globex", [], Plan: "pro", Arr: 1000m)], ct);

        var saved = await Customers.SaveCustomersAsync(workspace.Id,
        [
            new CustomerProfile("Acme Corp", ["ACME", "Acme Inc."], "enterprise", "enterprise", 120_000.50m, "Dana"),
            new CustomerProfile("globex", [], Segment: "smb"),
        ], ct);
        await Store.AddSignalAsync(workspace.Id, NewSignal(workspace, "by its alias", customer: "acme inc."), ct);

        var acme = new CustomerProfile("Acme Corp", ["Acme Inc."], "enterprise", "enterprise", 120_000.50m, "Dana");
        var globex = new CustomerProfile("globex", [], "smb", "pro", 1000m);
        Assert.Equal(2, saved.Count);
        AssertSame(acme, saved[0]);
        AssertSame(globex, saved[1]);
        AssertSame(acme, await Customers.FindCustomerAsync(workspace.Id, "ACME CORP", ct));
        AssertSame(acme, await Customers.FindCustomerAsync(workspace.Id, "acme inc.", ct));
        Assert.Equal(
            [("Acme Corp", 2), ("globex", 0)],
            (await Customers.ListCustomersAsync(workspace.Id, ct)).Select(c => (c.Customer.Name, c.Signals)));
        Assert.Equal(2, await Store.CountSignalsAsync(workspace.Id, new SignalFilter(Customer: "Acme Corp"), ct));
    }

    [Fact]
    public async Task SavesNothing_WhenAnAliasLeadsToAnotherCustomer()
    {
        var workspace = await NewWorkspaceAsync();
        await Customers.SaveCustomersAsync(workspace.Id, [new CustomerProfile("Globex", ["Globex Corp"])], ct);
        await Store.AddSignalAsync(workspace.Id, NewSignal(workspace, "captured", customer: "Acme"), ct);

        var error = await Assert.ThrowsAsync<CustomerConflictException>(() => Customers.SaveCustomersAsync(workspace.Id,
        [
            new CustomerProfile("Initech", [], Arr: 5m),
            new CustomerProfile("Acme", ["acme inc", "GLOBEX CORP"]),
        ], ct));

        Assert.Equal((1, "GLOBEX CORP"), (error.Index, error.Alias));
        Assert.Contains("\"Globex\"", error.Message);
        Assert.Equal(["Acme", "Globex"], (await Customers.ListCustomersAsync(workspace.Id, ct)).Select(c => c.Customer.Name));
        Assert.Null(await Customers.FindCustomerAsync(workspace.Id, "acme inc", ct));
    }

    [Fact]
    public async Task KeepsOneCustomerWithTheTargetsFieldsFirst_WhenCustomersAreMerged()
    {
        var workspace = await NewWorkspaceAsync();
        await Store.AddSignalAsync(workspace.Id, NewSignal(workspace, "a", customer: "Acme"), ct);
        await Store.AddSignalAsync(workspace.Id, NewSignal(workspace, "b", customer: "Acme Corporation"), ct);
        await Customers.SaveCustomersAsync(workspace.Id,
        [
            new CustomerProfile("Acme", [], Segment: "enterprise"),
            new CustomerProfile("Acme Corporation", ["AcmeCo"], Segment: "smb", Plan: "pro", Arr: 50_000m, Owner: "Lee"),
        ], ct);

        var moved = await Store.MergeCustomersAsync(workspace.Id, "acme corporation", "ACME", ct);

        var merged = new CustomerProfile("Acme", ["Acme Corporation", "AcmeCo"], "enterprise", "pro", 50_000m, "Lee");
        Assert.Equal(1, moved);
        AssertSame(merged, await Customers.FindCustomerAsync(workspace.Id, "AcmeCo", ct));
        AssertSame(merged, await Customers.FindCustomerAsync(workspace.Id, "Acme Corporation", ct));
        Assert.Equal([("Acme", 2)], (await Customers.ListCustomersAsync(workspace.Id, ct)).Select(c => (c.Customer.Name, c.Signals)));
    }

    [Fact]
    public async Task ForgetsTheCustomerAndItsAliases_WhenTheCustomerIsForgotten()
    {
        var workspace = await NewWorkspaceAsync();
        await Store.AddSignalAsync(workspace.Id, NewSignal(workspace, "a", customer: "Acme"), ct);
        await Customers.SaveCustomersAsync(workspace.Id, [new CustomerProfile("Acme", ["Acme Inc"], Arr: 10m), new CustomerProfile("Globex", [])], ct);

        await Store.ForgetCustomerAsync(workspace.Id, "acme inc", ct);

        Assert.Null(await Customers.FindCustomerAsync(workspace.Id, "Acme", ct));
        Assert.Null(await Customers.FindCustomerAsync(workspace.Id, "Acme Inc", ct));
        Assert.Equal(["Globex"], (await Customers.ListCustomersAsync(workspace.Id, ct)).Select(c => c.Customer.Name));
    }

    [Fact]
    public async Task SumsTheRevenueOfDistinctCustomersPerTheme_UnderTheFilter()
    {
        var workspace = await NewWorkspaceAsync();
        await Customers.SaveCustomersAsync(workspace.Id,
        [
            new CustomerProfile("Acme", [], Arr: 100_000m),
            new CustomerProfile("Globex", [], Arr: 25_000.25m),
            new CustomerProfile("Globex Europe", [], Arr: 999m),
            new CustomerProfile("Initech", []),
        ], ct);
        IReadOnlyList<Signal> signals =
        [
            NewSignal(workspace, "acme 1", customer: "Acme", themes: ["exports", "sso"]),
            NewSignal(workspace, "acme 2", customer: "ACME", themes: ["exports"]),
            NewSignal(workspace, "globex", customer: "Globex", themes: ["exports"]),
            NewSignal(workspace, "globex europe", customer: "Globex Europe", themes: ["exports"]),
            NewSignal(workspace, "initech, revenue unknown", customer: "Initech", themes: ["pricing"]),
            NewSignal(workspace, "nobody", themes: ["pricing"]),
            NewSignal(workspace, "untagged", customer: "Globex"),
            NewSignal(workspace, "long ago", Now.AddDays(-40), customer: "Globex", themes: ["sso"]),
            NewSignal(workspace, "a kudo", customer: "Globex", themes: ["sso"], kind: SignalKind.Praise),
        ];
        await ((IIntakeStore)Store).AddSignalsAsync(workspace.Id, signals, null, ct);
        await Store.MergeCustomersAsync(workspace.Id, "Globex Europe", "Globex", ct);
        var friction = SignalFilter.Friction(new DateRange(Now.AddDays(-7), Now), new());

        var revenue = await Customers.GetThemeRevenueAsync(workspace.Id, friction, ct);
        var all = await Customers.GetThemeRevenueAsync(workspace.Id, new SignalFilter(), ct);

        Assert.Equal([new ThemeRevenue("exports", 125_000.25m, 2), new ThemeRevenue("sso", 100_000m, 1), new ThemeRevenue(null, 25_000.25m, 1)], revenue);
        Assert.Equal(new ThemeRevenue("sso", 125_000.25m, 2), Assert.Single(all, r => r.Theme == "sso"));
        Assert.DoesNotContain(all, r => r.Theme == "pricing");
    }

    [Fact]
    public async Task SeesOnlyItsOwnWorkspacesCustomers()
    {
        var mine = await NewWorkspaceAsync();
        var other = await NewWorkspaceAsync();
        await Customers.SaveCustomersAsync(other.Id, [new CustomerProfile("Acme", ["Acme Inc"], Arr: 1m)], ct);
        await Store.AddSignalAsync(other.Id, NewSignal(other, "theirs", customer: "Acme", themes: ["exports"]), ct);

        var saved = await Customers.SaveCustomersAsync(mine.Id, [new CustomerProfile("Acme Inc", [])], ct);

        AssertSame(new CustomerProfile("Acme Inc", []), saved[0]);
        Assert.Null(await Customers.FindCustomerAsync(mine.Id, "Acme", ct));
        Assert.Equal([("Acme Inc", 0)], (await Customers.ListCustomersAsync(mine.Id, ct)).Select(c => (c.Customer.Name, c.Signals)));
        Assert.Empty(await Customers.GetThemeRevenueAsync(mine.Id, new SignalFilter(), ct));
    }

    /// <summary>Records holding lists compare them by reference: the aliases are compared by value here.</summary>
    private static void AssertSame(CustomerProfile expected, CustomerProfile? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Aliases, actual.Aliases);
        Assert.Equal(expected, actual with { Aliases = expected.Aliases });
    }

    private Task<Workspace> NewWorkspaceAsync() =>
        Store.ResolveWorkspaceAsync(Platform.Slack, $"T{Guid.NewGuid():N}", "customers", ct);
}
