using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CustomerPulseBot.TestKit;
using CustomerPulseBot.Web.Tests.Slack;
using Npgsql;
using Xunit.Abstractions;

namespace CustomerPulseBot.Web.Tests.Faults;

/// <summary>
/// Signed Slack captures and /health through the real pipeline while a PostgreSQL server of the test's own is frozen,
/// stopped, restarted, read-only or blocking the write on a lock: every capture is answered within the budget with
/// the person's text, says "nothing was saved" only when nothing ever is, and the next capture after the fault is stored.
/// </summary>
[Collection(DatabaseFaults.Name)]
public sealed class PostgresFaultTests(ITestOutputHelper output) : IAsyncLifetime
{
    private PrivatePostgres server = null!; // set in InitializeAsync, before any test runs
    private SlackHost slack = null!;

    public async Task InitializeAsync()
    {
        server = await PrivatePostgres.LaunchAsync();
        slack = await SlackHost.StartOnPostgresAsync(server.ConnectionString);
        // Migrates, resolves the workspace and leaves connections in the pool, as a host that has served a while.
        Assert.Contains("Saved as a customer signal", await SayAsync($"Warm-up quote {Guid.NewGuid():N}"));
        Assert.Contains("Top customer pain points", await SayAsync("top this week"));
    }

    /// <summary>Also after a failed start: the server of the test's own must go whatever happened.</summary>
    public async Task DisposeAsync()
    {
        // Either is null when starting it failed.
        try
        {
            if (slack is not null)
            {
                await slack.DisposeAsync();
            }
        }
        finally
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task AnswersInTimeWithTheText_WhenPostgresIsFrozen_AndStoresTheNextCaptureOnceThawed()
    {
        var quote = $"Frozen-time capture {Guid.NewGuid():N}";
        var next = $"After-thaw capture {Guid.NewGuid():N}";

        await server.FreezeAsync();
        string reply, health;
        try
        {
            reply = await FaultReplies.TimedAsync(output, "Slack capture, PostgreSQL frozen", () => SayAsync(quote), FaultReplies.Budget);
            health = await FaultReplies.TimedAsync(output, "/health, PostgreSQL frozen", () => HealthAsync(HttpStatusCode.ServiceUnavailable), FaultReplies.HealthBudget);
        }
        finally
        {
            await server.ThawAsync();
        }

        Assert.Contains(quote, reply);
        Assert.Equal("unhealthy", health);
        Assert.Contains("Saved as a customer signal", await SayAsync(next));
        Assert.Equal(1, await StoredAsync(next));
        await AssertTruthfulAsync(quote, reply);
    }

    [Fact]
    public async Task AnswersInTimeWithTheText_WhenACapturesWriteWaitsOnALock()
    {
        var quote = $"Locked-out capture {Guid.NewGuid():N}";
        // Another session creates the theme the capture names and keeps its transaction open: the capture's insert of
        // that theme waits for it, on a server that answers everything else.
        await using var locker = await ConnectAsync();
        await using var transaction = await locker.BeginTransactionAsync();
        var workspace = await slack.WorkspaceAsync();
        await using (var hold = new NpgsqlCommand(
            "INSERT INTO themes (id, workspace_id, name, status, created_at) VALUES (@id, @w, 'held-theme', 'open', 0)", locker, transaction))
        {
            hold.Parameters.AddWithValue("id", Guid.NewGuid());
            hold.Parameters.AddWithValue("w", workspace.Id.Value);
            await hold.ExecuteNonQueryAsync();
        }

        var reply = await FaultReplies.TimedAsync(
            output, "Slack capture, write waiting on a lock", () => SayAsync($"{quote} #held-theme"), FaultReplies.Budget);
        await transaction.RollbackAsync();

        Assert.Contains(quote, reply);
        await AssertTruthfulAsync(quote, reply);
    }

    [Fact]
    public async Task AnswersItCannotTell_WhenTheCommitWasSentAndItsAnswerNeverCame_AndKnowsTheCaptureWhenSentAgain()
    {
        var quote = $"Commit-in-doubt capture {Guid.NewGuid():N}";

        // A synchronous standby that does not exist: every COMMIT is written here, then waits for it, unanswered.
        await SetAsync("synchronous_standby_names", "'nowhere'");
        var reply = await FaultReplies.TimedAsync(output, "Slack capture, COMMIT unanswered", () => SayAsync(quote), FaultReplies.Budget);
        await SetAsync("synchronous_standby_names", null);
        await WaitUntilSettledAsync();
        var again = await SayAsync(quote);

        Assert.Contains(quote, reply);
        Assert.False(FaultReplies.SaysNothingWasSaved(reply), reply);
        Assert.Contains("Already saved as a customer signal", again);
        Assert.Equal(1, await StoredAsync(quote));
    }

    [Fact]
    public async Task AnswersInTimeWithTheText_WhenPostgresIsStopped_AndStoresTheNextCaptureOnceStarted()
    {
        var quote = $"Server-down capture {Guid.NewGuid():N}";
        var next = $"Server-back capture {Guid.NewGuid():N}";

        await server.StopAsync();
        var reply = await FaultReplies.TimedAsync(output, "Slack capture, PostgreSQL stopped", () => SayAsync(quote), FaultReplies.Budget);
        var health = await FaultReplies.TimedAsync(output, "/health, PostgreSQL stopped", () => HealthAsync(HttpStatusCode.ServiceUnavailable), FaultReplies.HealthBudget);
        await server.StartAsync();

        Assert.Contains(quote, reply);
        Assert.True(FaultReplies.SaysNothingWasSaved(reply), reply);
        Assert.Equal("unhealthy", health);
        Assert.Contains("Saved as a customer signal", await SayAsync(next));
        Assert.Equal((0, 1), (await StoredAsync(quote), await StoredAsync(next)));
    }

    [Fact]
    public async Task AnswersTheFirstRequestOfEachKind_AfterPostgresRestarts()
    {
        var quote = $"First capture after a restart {Guid.NewGuid():N}";

        await server.RestartAsync();
        var capture = await FaultReplies.TimedAsync(output, "Slack capture, first after a restart", () => SayAsync(quote), FaultReplies.Budget);
        await server.RestartAsync();
        var question = await FaultReplies.TimedAsync(output, "Slack question, first after a restart", () => SayAsync("top this week"), FaultReplies.Budget);
        await server.RestartAsync();
        var @event = await FaultReplies.TimedAsync(output, "Slack event, first after a restart", () => EventAsync($"Ev{Guid.NewGuid():N}"), FaultReplies.Budget);
        await server.RestartAsync();
        var health = await FaultReplies.TimedAsync(output, "/health, first after a restart", () => HealthAsync(HttpStatusCode.OK), FaultReplies.HealthBudget);

        Assert.Contains("Saved as a customer signal", capture);
        Assert.Equal(1, await StoredAsync(quote));
        Assert.Contains("Top customer pain points", question);
        Assert.Equal(HttpStatusCode.OK, @event);
        Assert.Equal("healthy", health);
    }

    [Fact]
    public async Task ReportsDegraded_WhenPostgresIsReadOnly()
    {
        await SetReadOnlyAsync(true);
        var readOnly = await FaultReplies.TimedAsync(output, "/health, PostgreSQL read-only", () => HealthAsync(HttpStatusCode.OK), FaultReplies.HealthBudget);
        await SetReadOnlyAsync(false);
        var writable = await HealthAsync(HttpStatusCode.OK);

        Assert.Equal(("degraded", "healthy"), (readOnly, writable));
    }

    private async Task<string> SayAsync(string text)
    {
        using var response = await slack.CommandAsync(text);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return SlackHost.Texts(await SlackHost.JsonAsync(response));
    }

    /// <summary>An App Home visit: its acknowledgement records the event's receipt, a write, before it is answered.</summary>
    private async Task<HttpStatusCode> EventAsync(string eventId)
    {
        using var response = await slack.EventAsync(new JsonObject
        {
            ["type"] = "event_callback",
            ["team_id"] = SlackHost.Team,
            ["event_id"] = eventId,
            ["event_time"] = 1700000000,
            ["event"] = new JsonObject { ["type"] = "app_home_opened", ["user"] = "U0ANA0001", ["channel"] = "D0DM00001", ["tab"] = "home" },
        }.ToJsonString());
        return response.StatusCode;
    }

    private async Task<string> HealthAsync(HttpStatusCode expected)
    {
        using var response = await slack.Client.GetAsync("/health");
        var body = await response.Content.ReadFromJsonAsync<HealthBody>();
        Assert.Equal((expected, "postgres"), (response.StatusCode, body?.Store));
        return body!.Status;
    }

    /// <summary>
    /// "Nothing was saved" holds for good: once the app's sessions touching signals are done, the quote is not stored.
    /// "Cannot tell" lets the person send it again: that is stored once, or confirmed as saved already.
    /// </summary>
    private async Task AssertTruthfulAsync(string quote, string reply)
    {
        await WaitUntilSettledAsync();
        var stored = await StoredAsync(quote);
        if (FaultReplies.SaysNothingWasSaved(reply))
        {
            Assert.Equal(0, stored);
            return;
        }

        Assert.Contains(stored == 1 ? "Already saved" : "Saved as a customer signal", await SayAsync(quote));
        Assert.Equal(1, await StoredAsync(quote));
    }

    /// <summary>Until no session of the app's store is busy (Hangfire's aside): a late commit would have landed by then.</summary>
    private async Task WaitUntilSettledAsync()
    {
        await using var connection = await ConnectAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            await using var busy = new NpgsqlCommand("""
                SELECT count(*) FROM pg_stat_activity
                 WHERE datname = current_database() AND pid <> pg_backend_pid()
                   AND (state = 'active' OR state LIKE 'idle in transaction%') AND query NOT ILIKE '%hangfire%'
                """, connection);
            if ((long)(await busy.ExecuteScalarAsync(limit.Token))! == 0)
            {
                return;
            }

            await Task.Delay(50, limit.Token);
        }
    }

    private async Task<int> StoredAsync(string quote)
    {
        await using var connection = await ConnectAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM signals WHERE quote = @quote", connection);
        count.Parameters.AddWithValue("quote", quote);
        return (int)(long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// As a failover to a standby looks: the database's sessions end, and new ones start read-only.
    /// </summary>
    private Task SetReadOnlyAsync(bool readOnly) => SetAsync("default_transaction_read_only", readOnly ? "on" : null);

    /// <summary>
    /// Sets (or resets, with null) a server setting for every session: the app's sessions are ended, so the new ones
    /// it opens (after the dropped connection, once more) have it.
    /// </summary>
    private async Task SetAsync(string setting, string? value)
    {
        await using var connection = new NpgsqlConnection(server.SuperuserConnectionString);
        await connection.OpenAsync();
        await using var set = new NpgsqlCommand($"""
            ALTER SYSTEM {(value is null ? $"RESET {setting}" : $"SET {setting} = {value}")};
            SELECT pg_reload_conf();
            SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'pulse' AND state = 'idle';
            """, connection);
        await set.ExecuteNonQueryAsync();
    }

    /// <summary>A connection of the test's own, unpooled: a pooled one would not outlive a restart.</summary>
    private async Task<NpgsqlConnection> ConnectAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
