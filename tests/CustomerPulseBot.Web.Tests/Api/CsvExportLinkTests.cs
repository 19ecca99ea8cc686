using System.Net;
using System.Text;
using CustomerPulseBot.Core;
using CustomerPulseBot.Core.Exchange;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Workspaces;
using CustomerPulseBot.TestKit;
using CustomerPulseBot.Web.Api;
using CustomerPulseBot.Web.Api.Exports;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CustomerPulseBot.Web.Tests.Api;

/// <summary>
/// The export links chat hands out, followed through the real pipeline on each store: no API key, the sealed token is the
/// permission; it downloads once, for 15 minutes, and only its own workspace's signals.
/// </summary>
public abstract class CsvExportLinkTests(PulseAppFactory app) : IAsyncLifetime
{
    private const string PublicUrl = "https://pulse.example.com/";

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task DownloadsTheWorkspacesCsvOnce_WhenTheLinkIsFollowedTwice()
    {
        var (acme, _) = await WorkspaceWithAsync("Acme said exports time out");
        var (_, globexQuote) = await WorkspaceWithAsync("Globex said billing is confusing");
        var link = Links.Create(acme, new ExportRequest(null, null))!;
        var client = app.CreateClient();

        using var first = await client.GetAsync(link.PathAndQuery);
        using var second = await client.GetAsync(link.PathAndQuery);

        Assert.StartsWith(PublicUrl + "exports/", link.AbsoluteUri);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("text/csv", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", first.Content.Headers.ContentDisposition?.DispositionType);
        var csv = await first.Content.ReadAsStringAsync();
        Assert.Contains("Acme said exports time out", csv);
        Assert.DoesNotContain(globexQuote, csv);
        Assert.Equal(HttpStatusCode.Gone, second.StatusCode);
        Assert.Contains("used already", await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ExportsOnlyTheRangeAndThemeAsked_WithTheDaysInTheFileName()
    {
        var (acme, _) = await WorkspaceWithAsync("Tagged and recent", ["export-timeouts"]);
        await AddAsync(acme, "Recent, other theme", ["billing"]);
        var now = DateTimeOffset.UtcNow;
        var range = new DateRange(now.AddDays(-1), now.AddMinutes(1));
        var link = Links.Create(acme, new ExportRequest(range, "export-timeouts"))!;

        using var response = await app.CreateClient().GetAsync(link.PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csv = await response.Content.ReadAsStringAsync();
        Assert.Contains("Tagged and recent", csv);
        Assert.DoesNotContain("other theme", csv);
        Assert.Equal(
            $"signals-{now.AddDays(-1):yyyy-MM-dd}-to-{now.AddMinutes(1):yyyy-MM-dd}-export-timeouts.csv",
            response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    [Fact]
    public async Task Answers410AndDownloadsNothing_WhenTheLinkHasExpired()
    {
        var (acme, quote) = await WorkspaceWithAsync("Acme said exports time out");
        var madeEarlier = new FakeTimeProvider(DateTimeOffset.UtcNow - IExportLinks.Lifetime - TimeSpan.FromSeconds(1));
        var link = new ExportLinks(
            app.Services.GetRequiredService<IDataProtectionProvider>(), app.Services.GetRequiredService<IOptions<ApiOptions>>(), madeEarlier)
            .Create(acme, new ExportRequest(null, null))!;

        using var response = await app.CreateClient().GetAsync(link.PathAndQuery);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("expired", page);
        Assert.DoesNotContain(quote, page);
    }

    [Fact]
    public async Task Answers404_WhenTheTokenIsAlteredOrMadeUp()
    {
        var (acme, _) = await WorkspaceWithAsync("Acme said exports time out");
        var token = Links.Create(acme, new ExportRequest(null, null))!.Segments[^1];
        var middle = token.Length / 2;
        var altered = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];
        var client = app.CreateClient();

        using var changed = await client.GetAsync($"/exports/{altered}");
        using var madeUp = await client.GetAsync("/exports/not-a-token");
        using var original = await client.GetAsync($"/exports/{token}");

        Assert.Equal(HttpStatusCode.NotFound, changed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, madeUp.StatusCode);
        Assert.Equal(HttpStatusCode.OK, original.StatusCode);
    }

    [Fact]
    public async Task GivesNoLink_WhenTheHostHasNoPublicUrl()
    {
        await using var host = PulseAppFactory.Sqlite(extra: ("Api:PublicUrl", null));
        var store = host.Services.GetRequiredService<IPulseStore>();
        var workspace = await store.ResolveWorkspaceAsync(Platform.Playground, $"csv-{Guid.NewGuid():N}", "No URL", CancellationToken.None);

        var link = host.Services.GetRequiredService<IExportLinks>().Create(Context(workspace), new ExportRequest(null, null));

        Assert.Null(link);
    }

    private IExportLinks Links => app.Services.GetRequiredService<IExportLinks>();

    /// <summary>A new workspace with one signal: the context chat would ask for the link in, and the quote.</summary>
    private async Task<(ChatContext Context, string Quote)> WorkspaceWithAsync(string quote, IReadOnlyList<string>? themes = null)
    {
        var workspace = await app.Services.GetRequiredService<IPulseStore>()
            .ResolveWorkspaceAsync(Platform.Playground, $"csv-{Guid.NewGuid():N}", "Export links", CancellationToken.None);
        var context = Context(workspace);
        await AddAsync(context, quote, themes);
        return (context, quote);
    }

    private async Task AddAsync(ChatContext context, string quote, IReadOnlyList<string>? themes = null)
    {
        var intake = app.Services.GetRequiredService<SignalIntake>();
        var check = intake.Check([new IntakeRow(new CaptureDraft(quote, "Acme", Themes: themes))], context);
        await app.Services.GetRequiredService<IIntakeStore>().AddSignalsAsync(context.WorkspaceId, check.Valid, null, CancellationToken.None);
    }

    private static ChatContext Context(Workspace workspace) =>
        ChatContext.For(workspace, new ChatUser("U-ADA", "Ada"), "D-ADA") with { Private = true };

    protected static (string Key, string? Value) Url => ("Api:PublicUrl", PublicUrl);
}

public sealed class SqliteCsvExportLinkTests() : CsvExportLinkTests(PulseAppFactory.Sqlite(extra: Url));

[Collection(PostgresDatabase.Name)]
public sealed class PostgresCsvExportLinkTests(PostgresFixture postgres) : CsvExportLinkTests(PulseAppFactory.Postgres(postgres.ConnectionString, Url));
