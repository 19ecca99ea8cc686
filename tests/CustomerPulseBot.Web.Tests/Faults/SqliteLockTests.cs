using System.Net;
using System.Net.Http.Json;
using CustomerPulseBot.Web.Tests.Slack;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace CustomerPulseBot.Web.Tests.Faults;

/// <summary>A signed Slack capture and /health while another connection holds SQLite's write lock (BEGIN IMMEDIATE).</summary>
[Collection(DatabaseFaults.Name)]
public sealed class SqliteLockTests(ITestOutputHelper output)
{
    [Fact]
    public async Task AnswersInTimeWithTheText_WhileAnotherConnectionHoldsTheWriteLock_AndStoresNothingLate()
    {
        await using var slack = await SlackHost.StartAsync();
        Assert.Contains("Saved as a customer signal", await SayAsync(slack, $"Warm-up quote {Guid.NewGuid():N}"));
        var quote = $"Locked-file capture {Guid.NewGuid():N}";
        var next = $"Unlocked-file capture {Guid.NewGuid():N}";

        string reply, locked;
        await using (var holder = new SqliteConnection($"Data Source={slack.App.SqliteFile}"))
        {
            await holder.OpenAsync();
            await using var transaction = await holder.BeginTransactionAsync();
            reply = await FaultReplies.TimedAsync(output, "Slack capture, SQLite write lock held", () => SayAsync(slack, quote), FaultReplies.Budget);
            locked = await FaultReplies.TimedAsync(output, "/health, SQLite write lock held", () => HealthAsync(slack), FaultReplies.HealthBudget);
        }

        var saved = await SayAsync(slack, next);
        var unlocked = await HealthAsync(slack);

        Assert.Contains(quote, reply);
        Assert.True(FaultReplies.SaysNothingWasSaved(reply), reply);
        Assert.Contains("Saved as a customer signal", saved);
        // The next capture is written after anything the store still held from before: nothing of the first comes later.
        Assert.Equal((0, 1), (await StoredAsync(slack, quote), await StoredAsync(slack, next)));
        Assert.Equal(("degraded", "healthy"), (locked, unlocked));
    }

    private static async Task<string> SayAsync(SlackHost slack, string text)
    {
        using var response = await slack.CommandAsync(text);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return SlackHost.Texts(await SlackHost.JsonAsync(response));
    }

    private static async Task<string> HealthAsync(SlackHost slack)
    {
        using var response = await slack.Client.GetAsync("/health");
        var body = await response.Content.ReadFromJsonAsync<HealthBody>();
        Assert.Equal((HttpStatusCode.OK, "sqlite"), (response.StatusCode, body?.Store));
        return body!.Status;
    }

    private static async Task<long> StoredAsync(SlackHost slack, string quote)
    {
        await using var connection = new SqliteConnection($"Data Source={slack.App.SqliteFile}");
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM signals WHERE quote = @quote";
        count.Parameters.AddWithValue("@quote", quote);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
