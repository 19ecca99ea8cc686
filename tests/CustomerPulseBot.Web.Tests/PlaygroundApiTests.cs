using System.Net;
using System.Net.Http.Json;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.TestKit;
using CustomerPulseBot.Web.Playground;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Web.Tests;

/// <summary>Whole requests through the playground API, run on each store; each test has a host of its own.</summary>
public abstract class PlaygroundApiTests(PulseAppFactory app) : IAsyncLifetime
{
    private const string Quote = "Exporting the Q3 report timed out twice today";

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task ShowsTheQuoteUnderItsTheme_WhenTopThisWeekFollowsACapture()
    {
        var playground = new PlaygroundClient(app);
        var captured = await playground.SayAsync($"{Quote} customer:Acme segment:buyer #export-timeouts");

        var top = await playground.SayAsync("top this week");

        Assert.Equal(HttpStatusCode.OK, captured.Status);
        Assert.Equal(HttpStatusCode.OK, top.Status);
        Assert.Equal("AdaptiveCard", top.CardType);
        Assert.True(top.ShowsBefore("export-timeouts", Quote), string.Join(" | ", top.Strings));
        Assert.Equal(1, await playground.CountSignalsAsync());
        Assert.DoesNotContain(app.Logs.Entries, e => e.Level >= LogLevel.Information && e.Message.Contains("Q3 report"));
    }

    public static TheoryData<string, string> BadCaptures => new()
    {
        { "quote over the limit", new string('x', SignalVocabulary.MaxQuoteLength) + " and more customer:Acme" },
        { "control character", "Export failed\u0007 again customer:Acme" },
        { "customer name over the limit", "Export failed again customer:" + new string('c', SignalVocabulary.MaxCustomerLength + 1) },
        { "evidence that is not a link", "Export failed again customer:Acme https://" },
    };

    public static TheoryData<string, string> CapturesWithAFieldLeftOut => new()
    {
        { "unknown segment", "Export failed again customer:Acme segment:astronaut" },
        { "impossible date", "Export failed again customer:Acme said:2026-02-30" },
    };

    [Theory]
    [MemberData(nameof(BadCaptures))]
    public async Task CarriesTheTextBackAndStoresNothing_WhenACaptureIsBad(string problem, string text)
    {
        var playground = new PlaygroundClient(app);
        await playground.SayAsync($"{Quote} customer:Acme #export-timeouts");
        var before = await playground.CountSignalsAsync();

        var answer = await playground.SayAsync(text);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("AdaptiveCard", answer.CardType);
        Assert.True(answer.Shows(text), $"{problem}: the card lost the text: {string.Join(" | ", answer.Strings)}");
        Assert.Equal("refused", answer.Outcome);
        Assert.Equal(before, await playground.CountSignalsAsync());
    }

    [Theory]
    [MemberData(nameof(CapturesWithAFieldLeftOut))]
    public async Task StoresTheQuote_WhenOnlyAFieldThatCanBeLeftOutIsBad(string problem, string text)
    {
        var playground = new PlaygroundClient(app);
        var before = await playground.CountSignalsAsync();

        var answer = await playground.SayAsync(text);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.True(answer.Shows("Signal captured"), $"{problem}: {string.Join(" | ", answer.Strings)}");
        Assert.True(answer.Shows("Left out: "), $"{problem}: {string.Join(" | ", answer.Strings)}");
        Assert.Null(answer.Outcome);
        Assert.Equal(before + 1, await playground.CountSignalsAsync());
    }

    [Fact]
    public async Task ReturnsTheFormWithTypedValuesAndStoresNothing_WhenTheFormIsSubmittedWithoutAQuote()
    {
        var playground = new PlaygroundClient(app);
        await playground.SayAsync($"{Quote} customer:Acme #export-timeouts");
        var before = await playground.CountSignalsAsync();

        var answer = await playground.SubmitCaptureFormAsync(new()
        {
            [CaptureField.Quote] = "  ",
            [CaptureField.Customer] = "Initech Holdings",
            [CaptureField.EvidenceUrl] = "https://support.example.com/tickets/T-99",
        });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.True(answer.Shows("Initech Holdings"), string.Join(" | ", answer.Strings));
        Assert.True(answer.Shows("https://support.example.com/tickets/T-99"), string.Join(" | ", answer.Strings));
        Assert.Equal(before, await playground.CountSignalsAsync());
    }

    [Fact]
    public async Task StoresTheSignal_WhenTheCaptureFormIsComplete()
    {
        var playground = new PlaygroundClient(app);

        var answer = await playground.SubmitCaptureFormAsync(new()
        {
            [CaptureField.Quote] = Quote,
            [CaptureField.Customer] = "Acme",
            [CaptureField.Segment] = "buyer",
            [CaptureField.Themes] = "export-timeouts, reporting",
        });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.True(answer.Shows(Quote), string.Join(" | ", answer.Strings));
        Assert.Equal(1, await playground.CountSignalsAsync());
    }

    [Fact]
    public async Task AddsNothing_WhenDemoDataIsLoadedTwice()
    {
        var playground = new PlaygroundClient(app);
        await playground.LoadDemoDataAsync();
        var afterFirst = await playground.CountSignalsAsync();

        var second = await playground.LoadDemoDataAsync();

        Assert.Equal(DemoData.Count, afterFirst);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(DemoData.Count, await playground.CountSignalsAsync());
    }

    [Fact]
    public async Task RanksTheDemoThemes_WhenAskedInPlainWords()
    {
        var playground = new PlaygroundClient(app);
        await playground.LoadDemoDataAsync();

        var answer = await playground.SayAsync("what are this week's top customer pain points?");

        Assert.True(answer.ShowsBefore("export-timeouts", "slow-dashboard"), string.Join(" | ", answer.Strings));
        Assert.True(answer.ShowsBefore("slow-dashboard", "sso-setup"), string.Join(" | ", answer.Strings));
    }

    [Theory]
    [InlineData("", "Ada")]
    [InlineData("Demo", "")]
    [InlineData("Demo\u0000", "Ada")]
    public async Task RefusesWithAProblem_WhenTheWorkspaceOrUserNameIsUnusable(string workspace, string user)
    {
        using var http = app.CreateClient();

        using var response = await http.PostAsJsonAsync("/playground/api/messages", new { workspace, user, text = "help" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class SqlitePlaygroundApiTests() : PlaygroundApiTests(PulseAppFactory.Sqlite());

[Collection(PostgresDatabase.Name)]
public sealed class PostgresPlaygroundApiTests(PostgresFixture postgres) : PlaygroundApiTests(PulseAppFactory.Postgres(postgres.ConnectionString));
