using System.Data.Common;
using CustomerPulseBot.Core;
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

        Assert.IsType<InvalidOperationException>(error);
        Assert.Contains($"schema is at version {newer}", error.Message);
        Assert.Contains($"knows versions up to {KnownVersions[^1]}", error.Message);
        Assert.Contains("never downgraded", error.Message);
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
