using CustomerPulseBot.TestKit;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPulseBot.Web.Tests.Digests;

public sealed class HangfireSettingsTests
{
    [Theory]
    [InlineData("Hangfire:WorkerCount", "0")]
    [InlineData("Hangfire:WorkerCount", "500")]
    [InlineData("Hangfire:SchedulePollingInterval", "00:00:00")]
    [InlineData("Hangfire:SchedulePollingInterval", "1.00:00:00")]
    public async Task RefusesToStartNamingTheSetting_WhenItCannotWork(string key, string value)
    {
        await using var app = PulseAppFactory.Sqlite("Production", (key, value));

        var error = Record.Exception(() => app.CreateClient());

        Assert.NotNull(error);
        Assert.Contains(key, error.Message);
        Assert.Contains(value, error.Message);
    }

    [Fact]
    public async Task KeepsJobsInMemory_WithTheEmbeddedStore()
    {
        await using var app = PulseAppFactory.Sqlite("Production");
        app.CreateClient();

        Assert.IsType<InMemoryStorage>(app.Services.GetRequiredService<JobStorage>());
    }
}

[Collection(PostgresDatabase.Name)]
public sealed class PostgresHangfireSettingsTests(PostgresFixture postgres)
{
    [Fact]
    public async Task KeepsJobsInTheHangfireSchemaOfThePulseDatabase_WithPostgres()
    {
        await using var app = PulseAppFactory.Postgres(postgres.ConnectionString, ("Hangfire:ServerName", "pulse-test"));
        app.CreateClient();

        var storage = Assert.IsType<PostgreSqlStorage>(app.Services.GetRequiredService<JobStorage>());
        Assert.Contains("hangfire", storage.ToString());
        Assert.Contains(storage.GetMonitoringApi().Servers(), server => server.Name.StartsWith("pulse-test:", StringComparison.Ordinal));
    }
}
