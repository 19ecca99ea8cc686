using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CustomerPulseBot.SlackBench;

/// <summary>
/// The quotes a team's workspace holds, read with plain SQL of its own rather than through the store under
/// test, so that the count checks the app instead of agreeing with it.
/// </summary>
internal static class StoredQuotes
{
    private const string Query = """
        SELECT s.quote FROM signals s JOIN workspaces w ON w.id = s.workspace_id
        WHERE w.platform = 'slack' AND w.external_id = @team
        """;

    public static async Task<HashSet<string>> PostgresAsync(string connectionString, string team)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return await ReadAsync(connection, team);
    }

    public static async Task<HashSet<string>> SqliteAsync(string path, string team)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync();
        return await ReadAsync(connection, team);
    }

    private static async Task<HashSet<string>> ReadAsync(DbConnection connection, string team)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Query;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@team";
        parameter.Value = team;
        command.Parameters.Add(parameter);
        var quotes = new HashSet<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            quotes.Add(reader.GetString(0));
        }

        return quotes;
    }
}
