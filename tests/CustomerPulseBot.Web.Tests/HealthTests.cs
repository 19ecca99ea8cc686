using System.Net;
using System.Net.Http.Json;
using CustomerPulseBot.TestKit;
using Npgsql;

namespace CustomerPulseBot.Web.Tests;

public sealed class HealthTests
{
    [Fact]
    public async Task ReportsHealthy_WhenSqliteAnswers()
    {
        await using var app = PulseAppFactory.Sqlite();
        using var http = app.CreateClient();

        using var response = await http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new HealthBody("healthy", "sqlite"), await response.Content.ReadFromJsonAsync<HealthBody>());
    }
}

[Collection(PostgresDatabase.Name)]
public sealed class PostgresHealthTests(PostgresFixture postgres)
{
    [Fact]
    public async Task ReportsHealthy_WhenPostgresAnswers()
    {
        await using var app = PulseAppFactory.Postgres(postgres.ConnectionString);
        using var http = app.CreateClient();

        using var response = await http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new HealthBody("healthy", "postgres"), await response.Content.ReadFromJsonAsync<HealthBody>());
    }

    [Fact]
    public async Task ReportsUnhealthy_WhenPostgresStopsAnswering()
    {
        var target = new NpgsqlConnectionStringBuilder(postgres.ConnectionString);
        await using var proxy = new TcpProxy(target.Host!, target.Port); // the fixture's connection string names a host
        var throughProxy = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port };
        await using var app = PulseAppFactory.Postgres(throughProxy.ConnectionString);
        using var http = app.CreateClient();
        using var before = await http.GetAsync("/health");

        await proxy.StopAsync();
        using var after = await http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, after.StatusCode);
        Assert.Equal(new HealthBody("unhealthy", "postgres"), await after.Content.ReadFromJsonAsync<HealthBody>());
    }
}

public sealed record HealthBody(string Status, string Store);
