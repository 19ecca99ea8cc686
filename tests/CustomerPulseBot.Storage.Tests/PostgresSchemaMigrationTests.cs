using System.Data.Common;
using CustomerPulseBot.TestKit;
using Npgsql;

namespace CustomerPulseBot.Storage.Tests;

[Collection(PostgresDatabase.Name)]
public sealed class PostgresSchemaMigrationTests(PostgresFixture postgres) : SchemaMigrationTests
{
    protected override string Dialect => "Postgres";

    protected override async Task<Dictionary<string, string?>> NewDatabaseAsync() => new()
    {
        ["Storage:Provider"] = "postgres",
        ["ConnectionStrings:Pulse"] = await postgres.CreateDatabaseAsync(),
    };

    protected override async Task<DbConnection> OpenAsync(Dictionary<string, string?> database)
    {
        var connection = new NpgsqlConnection(database["ConnectionStrings:Pulse"]);
        await connection.OpenAsync();
        return connection;
    }
}
