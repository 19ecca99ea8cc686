using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using CustomerPulseBot.TestKit;
using CustomerPulseBot.Web.Tests.Api;
using Npgsql;

namespace CustomerPulseBot.Web.Tests.Faults;

/// <summary>
/// The REST API while a PostgreSQL server of the test's own is frozen or stopped: the key cannot be checked, and the
/// caller is told so (503, Retry-After, problem+json, nothing of the request echoed) instead of a 500 or a page, in a
/// few seconds; once the server is back, the same request with its Idempotency-Key is stored once.
/// </summary>
[Collection(DatabaseFaults.Name)]
public sealed class ApiFaultTests : IAsyncLifetime
{
    private PrivatePostgres server = null!; // set in InitializeAsync, before any test runs
    private PulseAppFactory app = null!;

    public async Task InitializeAsync()
    {
        server = await PrivatePostgres.LaunchAsync();
        app = PulseAppFactory.Postgres(server.ConnectionString);
    }

    /// <summary>Also after a failed start: the server of the test's own must go whatever happened.</summary>
    public async Task DisposeAsync()
    {
        try
        {
            if (app is not null)
            {
                await app.DisposeAsync();
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

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Answers503WithRetryAfter_WhenTheDatabaseDoesNotAnswer_AndStoresTheRetryOnce(bool frozen)
    {
        var api = await ApiClient.CreateAsync(app);
        var body = """{"quote":"The export timed out while the database was away"}""";
        var key = $"fault-{Guid.NewGuid():N}";

        await (frozen ? server.FreezeAsync() : server.StopAsync());
        HttpResponseMessage write, read;
        var took = Stopwatch.StartNew();
        try
        {
            write = await api.PostAsync("/api/v1/signals", body, key);
            read = await api.Http.GetAsync("/api/v1/signals");
        }
        finally
        {
            await (frozen ? server.ThawAsync() : server.StartAsync());
        }

        took.Stop();
        foreach (var response in new[] { write, read })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(TimeSpan.FromSeconds(10), response.Headers.RetryAfter?.Delta);
            var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Contains("the database", (string?)problem["detail"]);
            Assert.DoesNotContain(api.Secret, problem.ToJsonString());
        }

        Assert.True(took.Elapsed < TimeSpan.FromSeconds(15), $"Both answers took {took.Elapsed}.");
        using var first = await api.PostAsync("/api/v1/signals", body, key);
        using var again = await api.PostAsync("/api/v1/signals", body, key);
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, again.StatusCode));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(1L, await CountAsync("The export timed out while the database was away"));
    }

    private async Task<long> CountAsync(string quote)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM signals WHERE quote = @q", connection);
        command.Parameters.AddWithValue("q", quote);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
