using System.Data.Common;
using CustomerPulseBot.Core.Customers;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Storage;

/// <summary>
/// Customers as entities (migration 0012): a customers row per customer key, and customer_aliases leading the other
/// names to it, which every capture and filter already resolves through (<see cref="FilterSql.CustomerKey"/>).
/// </summary>
internal abstract partial class SqlPulseStore : ICustomerStore
{
    /// <summary>
    /// One customer after another in one transaction: an alias leading to another customer throws, and the whole list
    /// is rolled back. A customer is found by the first of its name and aliases that leads to one; then the name and
    /// every alias that is not the customer's own key lead to it.
    /// </summary>
    public Task<IReadOnlyList<CustomerProfile>> SaveCustomersAsync(
        WorkspaceId workspace, IReadOnlyList<CustomerProfile> customers, CancellationToken ct)
    {
        if (customers.Any(c => Rows.CustomerKey(c.Name) is null))
        {
            throw new ArgumentException("Every customer must be named.", nameof(customers));
        }

        return WriteAsync<IReadOnlyList<CustomerProfile>>(async (connection, transaction, token) =>
        {
            var saved = new List<CustomerProfile>();
            for (var i = 0; i < customers.Count; i++)
            {
                var profile = customers[i];
                var names = new[] { profile.Name }.Concat(profile.Aliases)
                    .Select(Rows.CustomerSpelling)
                    .OfType<string>()
                    .DistinctBy(Rows.CustomerKey)
                    .ToList();
                string? key = null;
                foreach (var name in names)
                {
                    if (await ExistingCustomerAsync(connection, transaction, workspace, Rows.CustomerKey(name)!, token) is not { } found || found == key)
                    {
                        continue;
                    }

                    if (key is not null)
                    {
                        var other = await FindCustomerByKeyAsync(connection, transaction, workspace, found, token);
                        throw new CustomerConflictException(i, name, other?.Name ?? found);
                    }

                    key = found;
                }

                key ??= Rows.CustomerKey(profile.Name)!;
                await using var save = connection.Command("""
                    INSERT INTO customers (workspace_id, customer_key, name, segment, plan, arr, owner, created_at, updated_at)
                    VALUES (@w, @key, @name, @segment, @plan, @arr, @owner, @now, @now)
                    ON CONFLICT (workspace_id, customer_key) DO UPDATE SET
                        name = excluded.name,
                        segment = COALESCE(excluded.segment, customers.segment),
                        plan = COALESCE(excluded.plan, customers.plan),
                        arr = COALESCE(excluded.arr, customers.arr),
                        owner = COALESCE(excluded.owner, customers.owner),
                        updated_at = excluded.updated_at
                    """, transaction)
                    .With("@w", workspace.Value)
                    .With("@key", key)
                    .With("@name", Rows.CustomerSpelling(profile.Name))
                    .With("@segment", profile.Segment)
                    .With("@plan", profile.Plan)
                    .With("@arr", profile.Arr)
                    .With("@owner", profile.Owner)
                    .With("@now", Rows.Millis(Clock.GetUtcNow()));
                await save.ExecuteNonQueryAsync(token);
                foreach (var name in names.Where(n => Rows.CustomerKey(n) != key))
                {
                    // An alias already leading here keeps its spelling; a merged name's has none yet.
                    await using var alias = connection.Command("""
                        INSERT INTO customer_aliases (workspace_id, alias_key, customer_key, alias) VALUES (@w, @alias_key, @key, @alias)
                        ON CONFLICT (workspace_id, alias_key) DO UPDATE SET alias = COALESCE(customer_aliases.alias, excluded.alias)
                        """, transaction)
                        .With("@w", workspace.Value)
                        .With("@alias_key", Rows.CustomerKey(name))
                        .With("@key", key)
                        .With("@alias", name);
                    await alias.ExecuteNonQueryAsync(token);
                }

                saved.Add((await FindCustomerByKeyAsync(connection, transaction, workspace, key, token))!); // saved just now
            }

            return saved;
        }, oneCommand: false, ct);
    }

    /// <summary>The key of the customer <paramref name="key"/> leads to, through an alias or as its own; null when none.</summary>
    private static async Task<string?> ExistingCustomerAsync(
        DbConnection connection, DbTransaction? transaction, WorkspaceId workspace, string key, CancellationToken ct)
    {
        await using var command = connection.Command($"""
            SELECT r.customer_key
              FROM (SELECT {FilterSql.CustomerKey} AS customer_key) r
             WHERE r.customer_key <> @customer_key
                OR EXISTS (SELECT 1 FROM customers c WHERE c.workspace_id = @w AND c.customer_key = r.customer_key)
            """, transaction)
            .With("@w", workspace.Value)
            .With("@customer_key", key);
        return await command.ExecuteScalarAsync(ct) as string;
    }

    public Task<CustomerProfile?> FindCustomerAsync(WorkspaceId workspace, string nameOrAlias, CancellationToken ct) => ReadAsync(async ct =>
    {
        if (Rows.CustomerKey(nameOrAlias) is not { } named)
        {
            return null;
        }

        await using var connection = await OpenAsync(ct);
        var key = await CustomerKeyAsync(connection, null, workspace, named, ct);
        return await FindCustomerByKeyAsync(connection, null, workspace, key, ct);
    }, ct);

    private static async Task<CustomerProfile?> FindCustomerByKeyAsync(
        DbConnection connection, DbTransaction? transaction, WorkspaceId workspace, string key, CancellationToken ct)
    {
        await using var command = connection.Command($"""
            SELECT {Rows.CustomerColumns}, NULL FROM customers c WHERE c.workspace_id = @w AND c.customer_key = @key
            """, transaction)
            .With("@w", workspace.Value)
            .With("@key", key);
        var found = await command.ListAsync(r => Rows.Customer(r), ct);
        if (found.Count == 0)
        {
            return null;
        }

        var aliases = await AliasesAsync(connection, transaction, workspace, key, ct);
        return WithAliases(found[0].Key, found[0].Customer, aliases);
    }

    public Task<IReadOnlyList<(CustomerProfile Customer, int Signals)>> ListCustomersAsync(WorkspaceId workspace, CancellationToken ct) =>
        ReadAsync<IReadOnlyList<(CustomerProfile, int)>>(async ct =>
        {
            await using var connection = await OpenAsync(ct);
            // One pass over the workspace's undeleted signals (signals_by_said_at holds their keys), not one count per customer.
            await using var command = connection.Command($"""
                SELECT {Rows.CustomerColumns}, COALESCE(n.signals, 0)
                  FROM customers c
                  LEFT JOIN (SELECT s.customer_key, count(*) AS signals
                               FROM signals s
                              WHERE s.workspace_id = @w AND s.deleted_at IS NULL AND s.duplicate_of IS NULL AND s.customer_key IS NOT NULL
                              GROUP BY s.customer_key) n ON n.customer_key = c.customer_key
                 WHERE c.workspace_id = @w
                """)
                .With("@w", workspace.Value);
            var rows = await command.ListAsync(r => Rows.Customer(r), ct);
            var aliases = await AliasesAsync(connection, null, workspace, null, ct);
            return rows
                .Select(row => (Customer: WithAliases(row.Key, row.Customer, aliases), Signals: row.Signals))
                .OrderByDescending(row => row.Signals)
                .ThenBy(row => row.Customer.Name, StringComparer.OrdinalIgnoreCase)
                .ThenBy(row => row.Customer.Name, StringComparer.Ordinal)
                .Select(row => (row.Customer, row.Signals))
                .ToList();
        }, ct);

    /// <summary>
    /// The theme stats' rows (<see cref="FilterTable.SignalThemes"/>, the same filter), each theme's distinct customer
    /// keys once, joined to their revenue: a customer behind many signals of a theme, or behind a near-duplicate merged
    /// into another of its signals, counts once.
    /// </summary>
    public Task<IReadOnlyList<ThemeRevenue>> GetThemeRevenueAsync(WorkspaceId workspace, SignalFilter filter, CancellationToken ct) =>
        ReadAsync<IReadOnlyList<ThemeRevenue>>(async ct =>
        {
            await using var connection = await OpenAsync(ct);
            await using var command = connection.Command("");
            command.CommandText = $"""
                SELECT t.name, sum(c.arr), count(*)
                  FROM (SELECT DISTINCT f.theme_id, f.customer_key
                          FROM signal_themes f
                         WHERE {Where(command, workspace, filter, FilterTable.SignalThemes)} AND f.customer_key IS NOT NULL) d
                  JOIN customers c ON c.workspace_id = @w AND c.customer_key = d.customer_key
                  LEFT JOIN themes t ON t.id = d.theme_id
                 WHERE c.arr IS NOT NULL
                 GROUP BY d.theme_id, t.name
                """;
            var rows = await command.ListAsync(r => new ThemeRevenue(r.IsDBNull(0) ? null : r.GetString(0), r.GetDecimal(1), (int)r.GetInt64(2)), ct);
            return rows.OrderByDescending(r => r.Revenue).ThenBy(r => r.Theme is null).ThenBy(r => r.Theme, StringComparer.Ordinal).ToList();
        }, ct);

    /// <summary>The aliases of one customer's key, or of every customer's when <paramref name="key"/> is null, as spelt.</summary>
    private static async Task<ILookup<string, (string Key, string Alias)>> AliasesAsync(
        DbConnection connection, DbTransaction? transaction, WorkspaceId workspace, string? key, CancellationToken ct)
    {
        await using var command = connection.Command($"""
            SELECT a.customer_key, a.alias_key, COALESCE(a.alias, a.alias_key)
              FROM customer_aliases a
             WHERE a.workspace_id = @w {(key is null ? "" : "AND a.customer_key = @key")}
            """, transaction)
            .With("@w", workspace.Value)
            .With("@key", key);
        var rows = await command.ListAsync(r => (Customer: r.GetString(0), Key: r.GetString(1), Alias: r.GetString(2)), ct);
        return rows.ToLookup(r => r.Customer, r => (r.Key, r.Alias));
    }

    /// <summary>The customer with its aliases, by key; the one spelling its own name is no alias.</summary>
    private static CustomerProfile WithAliases(string key, CustomerProfile customer, ILookup<string, (string Key, string Alias)> aliases) =>
        customer with
        {
            Aliases = aliases[key]
                .Where(a => a.Key != Rows.CustomerKey(customer.Name))
                .OrderBy(a => a.Key, StringComparer.Ordinal)
                .Select(a => a.Alias)
                .ToList(),
        };
}
