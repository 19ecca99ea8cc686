using Npgsql;

/// <summary>A PostgreSQL database for one bench run, created on the server the connection string names and dropped at the end.</summary>
internal static class ScratchDatabase
{
    /// <summary>
    /// Runs <paramref name="use"/> on a new database, <c>&lt;database&gt;_&lt;name&gt;</c>, dropped afterwards whatever happened
    /// (its connections closed first).
    /// </summary>
    public static async Task<T> WithAsync<T>(string postgres, string name, Func<string, Task<T>> use)
    {
        var server = new NpgsqlConnectionStringBuilder(postgres);
        var database = $"{server.Database}_{name}";
        await ExecuteAsync(server.ConnectionString, $"CREATE DATABASE {database}");
        try
        {
            return await use(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = database }.ConnectionString);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server.ConnectionString, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
