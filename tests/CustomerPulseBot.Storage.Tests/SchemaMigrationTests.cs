using System.Data.Common;
using CustomerPulseBot.Core;
using CustomerPulseBot.Core.Customers;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Workspaces;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPulseBot.Storage.Tests;

/// <summary>
/// Start-up migration through the app's own path (AddPulseStorage, MigrateStorageAsync) on an empty
/// database, for each dialect.
/// </summary>
public abstract class SchemaMigrationTests
{
    /// <summary>Settings for AddPulseStorage that point at a new, empty database.</summary>
    protected abstract Task<Dictionary<string, string?>> NewDatabaseAsync();

    protected abstract Task<DbConnection> OpenAsync(Dictionary<string, string?> database);

    protected abstract string Dialect { get; }

    [Fact]
    public async Task ChangesNothing_WhenMigratedTwice()
    {
        var database = await NewDatabaseAsync();
        await MigrateAsync(database);
        var before = await VersionsAsync(database);

        await MigrateAsync(database);

        Assert.Equal(KnownVersions, before.Select(v => v.Version));
        Assert.Equal(before, await VersionsAsync(database));
    }

    [Fact]
    public async Task AppliesTheSchemaOnce_WhenTwoHostsMigrateAtOnce()
    {
        var database = await NewDatabaseAsync();
        await using var first = Services(database);
        await using var second = Services(database);

        await Task.WhenAll(first.MigrateStorageAsync(), second.MigrateStorageAsync());

        Assert.Equal(KnownVersions, (await VersionsAsync(database)).Select(v => v.Version));
        var workspace = await first.GetRequiredService<IPulseStore>().ResolveWorkspaceAsync(Platform.Slack, "T1", "Acme", CancellationToken.None);
        Assert.Equal(workspace, await second.GetRequiredService<IPulseStore>().GetWorkspaceAsync(workspace.Id, CancellationToken.None));
    }

    [Fact]
    public async Task RefusesTheDatabase_WhenANewerBuildMigratedIt()
    {
        var database = await NewDatabaseAsync();
        await MigrateAsync(database);
        var newer = KnownVersions[^1] + 1;
        await ExecuteAsync(database, $"INSERT INTO schema_version (version, name, applied_at) VALUES ({newer}, '{newer:0000}_from_the_future', 0)");

        var error = await Record.ExceptionAsync(() => MigrateAsync(database));

        Assert.IsType<StorageStartupException>(error);
        Assert.Contains(Dialect == "Postgres" ? "ConnectionStrings:Pulse" : "Storage:SqlitePath", error.Message);
        Assert.Contains($"schema is at version {newer}", error.Message);
        Assert.Contains($"knows versions up to {KnownVersions[^1]}", error.Message);
        Assert.Contains("never downgraded", error.Message);
    }

    [Fact]
    public async Task MakesExistingSignalsSearchableAndFilterable_WhenMigration7Applies()
    {
        var database = await NewDatabaseAsync();
        var workspace = WorkspaceId.New();
        var (first, second, third) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await using (var connection = await OpenAsync(database))
        {
            await ApplyUpToAsync(connection, 6);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO workspaces (id, platform, external_id, name, week_start, time_zone, created_at)
                VALUES (@w, 'slack', 'T-before-7', 'Before 7', 'monday', 'UTC', 0);
                INSERT INTO signals (id, workspace_id, quote, customer, customer_key, segment, source, kind, stage, severity, evidence_url,
                                     captured_by_id, captured_by_name, captured_in, said_at, captured_at, source_permalink, search_text)
                VALUES (@first, @w, 'Exports timed out on the Q3 pack', 'ACME', 'acme', NULL, 'call', 'pain', 'onboard', 3, NULL,
                        'U1', 'Old', NULL, 1000, 1000, NULL, 'exports timed out on the q3 pack
                acme'),
                       (@second, @w, 'Dashboards crawl!', 'Acme ', 'acme', NULL, 'ticket', 'pain', 'use', 2, NULL,
                        'U1', 'Old', NULL, 2000, 2000, NULL, 'dashboards crawl!
                acme '),
                       (@third, @w, 'Their invoice export—broken', NULL, NULL, NULL, 'call', 'pain', NULL, 1, NULL,
                        'U1', 'Old', NULL, 3000, 3000, NULL, 'their invoice export—broken');
                INSERT INTO signal_themes (workspace_id, signal_id, theme_id, position, said_at, kind, segment, severity, customer_key, has_evidence)
                VALUES (@w, @first, NULL, 0, 1000, 'pain', NULL, 3, 'acme', false),
                       (@w, @second, NULL, 0, 2000, 'pain', NULL, 2, 'acme', false),
                       (@w, @third, NULL, 0, 3000, 'pain', NULL, 1, NULL, false);
                """;
            foreach (var (name, value) in new[] { ("@w", workspace.Value), ("@first", first), ("@second", second), ("@third", third) })
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }

            await command.ExecuteNonQueryAsync();
        }

        await MigrateAsync(database);
        await using var services = Services(database);
        var store = services.GetRequiredService<IPulseStore>();
        var ct = CancellationToken.None;

        Assert.Equal([third, first], (await store.FindSignalsAsync(workspace, new SignalFilter(Text: "exported"), 10, ct)).Select(s => s.Id));
        Assert.Equal(2, await store.CountSignalsAsync(workspace, new SignalFilter(Text: "acme"), ct));
        Assert.Equal(1, await store.CountSignalsAsync(workspace, new SignalFilter(Text: "crawl"), ct));
        Assert.Equal(1, Assert.Single(await store.GetThemeStatsAsync(workspace, new SignalFilter(Source: "ticket"), ct)).Signals);
        Assert.Equal(1, Assert.Single(await store.GetThemeStatsAsync(workspace, new SignalFilter(Stage: JourneyStage.Onboard), ct)).Signals);
        Assert.Equal([("ACME", 2)], (await store.GetCustomerStatsAsync(workspace, new SignalFilter(), 10, ct)).Customers.Select(c => (c.Name, c.Signals)));
        await store.AddSignalAsync(workspace, new Signal(Guid.NewGuid(), workspace, "Exports again", "Acme", null, null, SignalKind.Pain, null, [],
            Severity.Low, null, new ChatUser("U2", "New"), null, Rows.Time(4000), Rows.Time(4000), null), ct);
        Assert.Equal([("Acme", 3)], (await store.GetCustomerStatsAsync(workspace, new SignalFilter(), 10, ct)).Customers.Select(c => (c.Name, c.Signals)));
        Assert.Equal(3, await store.CountSignalsAsync(workspace, new SignalFilter(Text: "export"), ct));
    }

    [Fact]
    public async Task MakesEveryNamedCustomerAnEntity_WhenMigration12Applies()
    {
        var database = await NewDatabaseAsync();
        var workspace = WorkspaceId.New();
        await using (var connection = await OpenAsync(database))
        {
            await ApplyUpToAsync(connection, 11);
            await using var command = connection.CreateCommand();
            // Acme's own spellings come before those a merge brought in, then the most used; Globex was merged into Acme.
            command.CommandText = """
                INSERT INTO workspaces (id, platform, external_id, name, week_start, time_zone, created_at)
                VALUES (@w, 'slack', 'T-before-12', 'Before 12', 'monday', 'UTC', 0);
                INSERT INTO customer_spellings (workspace_id, customer_key, spelling, signals, first_at, merged)
                VALUES (@w, 'acme', 'Acme', 1, 500, false), (@w, 'acme', 'ACME', 2, 1000, false), (@w, 'acme', 'Globex', 5, 100, true),
                       (@w, 'initech', 'Initech', 1, 700, false);
                INSERT INTO customer_aliases (workspace_id, alias_key, customer_key) VALUES (@w, 'globex', 'acme');
                """;
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@w";
            parameter.Value = workspace.Value;
            command.Parameters.Add(parameter);
            await command.ExecuteNonQueryAsync();
        }

        await MigrateAsync(database);
        await using var services = Services(database);
        var customers = services.GetRequiredService<ICustomerStore>();

        var acme = await customers.FindCustomerAsync(workspace, "GLOBEX", CancellationToken.None);
        var all = await customers.ListCustomersAsync(workspace, CancellationToken.None);

        Assert.Equal("ACME", acme?.Name);
        Assert.Equal(["globex"], acme?.Aliases); // a merge kept only the key of the name it merged
        Assert.Equal(["ACME", "Initech"], all.Select(c => c.Customer.Name));
    }

    /// <summary>The schema as a build before the newer migrations left it.</summary>
    private async Task ApplyUpToAsync(DbConnection connection, int version)
    {
        foreach (var script in SchemaMigrator.Scripts(Dialect).Where(s => s.Version <= version))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = script.Sql;
            await command.ExecuteNonQueryAsync();
        }

        await using var record = connection.CreateCommand();
        record.CommandText = $"""
            CREATE TABLE schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL);
            INSERT INTO schema_version (version, name, applied_at)
            VALUES {string.Join(", ", SchemaMigrator.Scripts(Dialect).Where(s => s.Version <= version).Select(s => $"({s.Version}, '{s.Name}', 0)"))};
            """;
        await record.ExecuteNonQueryAsync();
    }

    private int[] KnownVersions => SchemaMigrator.Scripts(Dialect).Select(s => s.Version).ToArray();

    private static ServiceProvider Services(Dictionary<string, string?> database) =>
        new ServiceCollection()
            .AddPulseStorage(new ConfigurationBuilder().AddInMemoryCollection(database).Build())
            .BuildServiceProvider();

    private static async Task MigrateAsync(Dictionary<string, string?> database)
    {
        await using var services = Services(database);
        await services.MigrateStorageAsync();
    }

    private async Task<List<(int Version, string Name, long AppliedAt)>> VersionsAsync(Dictionary<string, string?> database)
    {
        await using var connection = await OpenAsync(database);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, name, applied_at FROM schema_version ORDER BY version";
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new List<(int, string, long)>();
        while (await reader.ReadAsync())
        {
            versions.Add((reader.GetInt32(0), reader.GetString(1), reader.GetInt64(2)));
        }

        return versions;
    }

    private async Task ExecuteAsync(Dictionary<string, string?> database, string sql)
    {
        await using var connection = await OpenAsync(database);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
