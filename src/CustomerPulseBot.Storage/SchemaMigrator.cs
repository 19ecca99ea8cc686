using System.Data.Common;
using System.Reflection;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Storage;

/// <summary>
/// Applies the numbered SQL scripts embedded under Migrations/{dialect}/ (0001_initial.sql is version 1)
/// and records each in schema_version. Everything happens in one transaction, after the dialect's lock, so a
/// second host starting at the same time waits (and says so) and then finds nothing left to do.
/// </summary>
internal static class SchemaMigrator
{
    public sealed record Script(int Version, string Name, string Sql);

    /// <summary>A lock held until the transaction ends: <paramref name="TrySql"/> answers whether it was free, <paramref name="WaitSql"/> waits for it.</summary>
    public sealed record Lock(string TrySql, string WaitSql);

    public static IReadOnlyList<Script> Scripts(string dialect)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var prefix = $"{assembly.GetName().Name}.Migrations.{dialect}.";
        var scripts = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Load(assembly, n, n[prefix.Length..^".sql".Length]))
            .OrderBy(s => s.Version)
            .ToList();
        // Two people adding a migration at once both take the next number; only one may keep it.
        return scripts.GroupBy(s => s.Version).FirstOrDefault(g => g.Count() > 1) is { } clash
            ? throw new InvalidOperationException(
                $"{dialect} migrations {string.Join(" and ", clash.Select(s => s.Name))} share number {clash.Key}: renumber one.")
            : scripts;
    }

    /// <summary>
    /// Returns the schema version the database is at afterwards. A database a newer build has migrated is refused
    /// with a <see cref="StorageStartupException"/> naming <paramref name="setting"/>, where the database is chosen.
    /// </summary>
    public static async Task<int> MigrateAsync(
        DbConnection connection, string dialect, Lock? migrationLock, string setting, TimeProvider clock, ILogger logger, CancellationToken ct)
    {
        var scripts = Scripts(dialect);
        var known = scripts[^1].Version;
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (migrationLock is not null)
        {
            await TakeAsync(connection, transaction, migrationLock, clock, logger, ct);
        }

        await ExecuteAsync(connection, transaction, """
            CREATE TABLE IF NOT EXISTS schema_version (
                version    integer PRIMARY KEY,
                name       text NOT NULL,
                applied_at bigint NOT NULL
            )
            """, ct);
        await using var read = connection.Command("SELECT version FROM schema_version", transaction);
        var applied = (await read.ListAsync(r => r.GetInt32(0), ct)).ToHashSet();
        var current = applied.Count == 0 ? 0 : applied.Max();
        if (current > known)
        {
            throw new StorageStartupException(
                $"The database schema is at version {current}, but this build of CustomerPulseBot knows versions up to {known}: " +
                $"a newer build has migrated it. Run that build (or newer), or point {setting} at another database; a schema is never downgraded.");
        }

        // Every script not applied yet, not only those above the highest: migrations written at the same
        // time may land in either order.
        foreach (var script in scripts.Where(s => !applied.Contains(s.Version)))
        {
            await ExecuteAsync(connection, transaction, script.Sql, ct);
            await using var record = connection.Command(
                    "INSERT INTO schema_version (version, name, applied_at) VALUES (@version, @name, @applied_at)", transaction)
                .With("@version", script.Version)
                .With("@name", script.Name)
                .With("@applied_at", Rows.Millis(clock.GetUtcNow()));
            await record.ExecuteNonQueryAsync(ct);
            logger.LogInformation("Applied {Dialect} migration {Version} ({Migration})", dialect, script.Version, script.Name);
        }

        await transaction.CommitAsync(ct);
        return known;
    }

    /// <summary>Another host migrating at the same moment holds the lock: the wait is logged, so a start-up that seems stuck says why.</summary>
    private static async Task TakeAsync(
        DbConnection connection, DbTransaction transaction, Lock migrationLock, TimeProvider clock, ILogger logger, CancellationToken ct)
    {
        await using var attempt = connection.Command(migrationLock.TrySql, transaction);
        if (await attempt.ExecuteScalarAsync(ct) is true)
        {
            return;
        }

        logger.LogInformation("Waiting for the migration lock: another host is migrating the database");
        var started = clock.GetTimestamp();
        await ExecuteAsync(connection, transaction, migrationLock.WaitSql, ct);
        logger.LogInformation("Took the migration lock after {Seconds:0.0} s", clock.GetElapsedTime(started).TotalSeconds);
    }

    private static Script Load(Assembly assembly, string resource, string name)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!; // listed by the same assembly a moment ago
        using var reader = new StreamReader(stream);
        var number = name.Split('_', 2)[0];
        return int.TryParse(number, out var version)
            ? new Script(version, name, reader.ReadToEnd())
            : throw new InvalidOperationException($"Migration {resource} must start with its number, like 0002_add_keywords.sql.");
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.Command(sql, transaction);
        // A migration (or the wait for another host's) takes as long as it takes; cutting it off helps nobody.
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(ct);
    }
}
