using System.Text;
using CustomerPulseBot.Slack.Signing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Npgsql;

namespace CustomerPulseBot.SlackBench;

/// <summary>
/// The second baseline: the least a durable capture costs. It checks the signature with the host's own code,
/// parses the same form and commits one INSERT of its fields in the bot's PostgreSQL database (a table of its
/// own, with nothing but a primary key), one round trip on a pooled connection with prepared statements, and
/// answers 200 once the commit is back.
/// </summary>
internal sealed class DurableInsert(NpgsqlDataSource dataSource, string secret) : IAsyncDisposable
{
    private const string Table = "bench_durable_captures";

    /// <summary>
    /// Refuses a server that does not flush commits to disk (the claim is durability), and creates the table
    /// the first time.
    /// </summary>
    public static async Task<DurableInsert> CreateAsync(string connectionString, string secret)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.MaxAutoPrepare = 8;
        builder.ConnectionStringBuilder.NoResetOnClose = true;
        var dataSource = builder.Build();
        foreach (var setting in new[] { "fsync", "synchronous_commit" })
        {
            await using var show = dataSource.CreateCommand($"SHOW {setting}");
            if ((string?)await show.ExecuteScalarAsync() != "on")
            {
                await dataSource.DisposeAsync();
                throw new InvalidOperationException($"The PostgreSQL server runs with {setting} off: a durability baseline needs it on.");
            }
        }

        await using var create = dataSource.CreateCommand($"""
            CREATE TABLE IF NOT EXISTS {Table} (
                id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                team_id     text NOT NULL,
                channel_id  text NOT NULL,
                user_id     text NOT NULL,
                text        text NOT NULL,
                received_at timestamptz NOT NULL DEFAULT now()
            )
            """);
        await create.ExecuteNonQueryAsync();
        return new DurableInsert(dataSource, secret);
    }

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        var body = buffer.ToArray();
        var check = SlackSignature.Check(
            secret, request.Headers["X-Slack-Request-Timestamp"], request.Headers["X-Slack-Signature"], body, DateTimeOffset.UtcNow);
        if (check != SignatureCheck.Valid)
        {
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        await using var insert = dataSource.CreateCommand($"INSERT INTO {Table} (team_id, channel_id, user_id, text) VALUES ($1, $2, $3, $4)");
        insert.Parameters.Add(new NpgsqlParameter { Value = form["team_id"].ToString() });
        insert.Parameters.Add(new NpgsqlParameter { Value = form["channel_id"].ToString() });
        insert.Parameters.Add(new NpgsqlParameter { Value = form["user_id"].ToString() });
        insert.Parameters.Add(new NpgsqlParameter { Value = form["text"].ToString() });
        await insert.ExecuteNonQueryAsync(ct);
        return Results.Text("""{"response_type":"ephemeral","text":"Saved"}""", "application/json");
    }

    /// <summary>The quotes stored for the team, read back from the texts with plain SQL.</summary>
    public async Task<HashSet<string>> StoredQuotesAsync(string team)
    {
        await using var select = dataSource.CreateCommand($"SELECT text FROM {Table} WHERE team_id = $1");
        select.Parameters.Add(new NpgsqlParameter { Value = team });
        var quotes = new HashSet<string>();
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            quotes.Add(SignedCapture.QuoteOf(reader.GetString(0)));
        }

        return quotes;
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
