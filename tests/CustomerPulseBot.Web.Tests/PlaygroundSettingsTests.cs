using System.Net;
using CustomerPulseBot.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CustomerPulseBot.Web.Tests;

/// <summary>
/// <c>settings</c> through the playground API, on each store: the workspace's time zone and first day of the week
/// change what "today" and "this week" mean in the next question. The clock stands at Monday 23 Nov 2026, 23:30 UTC,
/// which is already Tuesday in Berlin.
/// </summary>
public abstract class PlaygroundSettingsTests(PulseAppFactory app) : IAsyncLifetime
{
    private readonly PlaygroundClient playground = new(app.WithServices(services =>
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T23:30:00Z")))));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task AnswersTodayInTheWorkspacesZone_OnceSettingsTimezoneChangesIt()
    {
        var before = await playground.SayAsync("top today");

        var changed = await playground.SayAsync("settings timezone Europe/Berlin");
        var after = await playground.SayAsync("top today");
        var shown = await playground.SayAsync("settings");

        Assert.True(before.Shows("today (Mon 23 Nov)"), string.Join(" | ", before.Strings));
        Assert.Equal(HttpStatusCode.OK, changed.Status);
        Assert.Null(changed.Outcome);
        Assert.True(changed.Shows("Time zone changed"), string.Join(" | ", changed.Strings));
        Assert.True(changed.Shows("Europe/Berlin"), string.Join(" | ", changed.Strings));
        Assert.True(after.Shows("today (Tue 24 Nov)"), string.Join(" | ", after.Strings));
        Assert.True(shown.Shows("Workspace settings") && shown.Shows("Europe/Berlin") && shown.Shows("Monday"), string.Join(" | ", shown.Strings));
    }

    [Fact]
    public async Task StartsThisWeekOnTheWorkspacesFirstDay_OnceSettingsWeekStartChangesIt()
    {
        var before = await playground.SayAsync("trends this week");

        var changed = await playground.SayAsync("settings week-start sunday");
        var after = await playground.SayAsync("trends this week");

        Assert.True(before.Shows("Mon 23 Nov – Sun 29 Nov"), string.Join(" | ", before.Strings));
        Assert.True(changed.Shows("First day of the week changed") && changed.Shows("Sunday"), string.Join(" | ", changed.Strings));
        Assert.True(after.Shows("Sun 22 Nov – Sat 28 Nov"), string.Join(" | ", after.Strings));
    }

    [Theory]
    [InlineData("settings timezone Mars/Olympus", "\"Mars/Olympus\" is not a time zone I know: use an IANA name such as Europe/Berlin, America/New_York or Asia/Kolkata")]
    [InlineData("settings week-start funday", "\"funday\" is not a day of the week")]
    public async Task RefusesWithExamplesAndTheTextBack_AndChangesNothing_WhenTheZoneOrDayIsUnknown(string text, string problem)
    {
        var refused = await playground.SayAsync(text);
        var shown = await playground.SayAsync("settings");

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal("refused", refused.Outcome);
        Assert.True(refused.Shows(problem), string.Join(" | ", refused.Strings));
        Assert.True(refused.Shows(text), string.Join(" | ", refused.Strings));
        Assert.True(shown.Shows("UTC") && shown.Shows("Monday"), string.Join(" | ", shown.Strings));
    }
}

public sealed class SqlitePlaygroundSettingsTests() : PlaygroundSettingsTests(PulseAppFactory.Sqlite());

[Collection(PostgresDatabase.Name)]
public sealed class PostgresPlaygroundSettingsTests(PostgresFixture postgres) : PlaygroundSettingsTests(PulseAppFactory.Postgres(postgres.ConnectionString));
