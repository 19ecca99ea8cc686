using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CustomerPulseBot.Core;
using CustomerPulseBot.Core.ApiKeys;
using CustomerPulseBot.Core.Customers;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Workspaces;
using CustomerPulseBot.TestKit;
using CustomerPulseBot.Web.Api.Csv;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPulseBot.Web.Tests.Api;

/// <summary>
/// CSV in and out through the real pipeline, on each store: POST /api/v1/imports, GET /api/v1/signals.csv and the text/csv
/// form of POST /api/v1/customers, each request with a workspace's own key.
/// </summary>
public abstract class CsvApiTests(PulseAppFactory app) : IAsyncLifetime
{
    private static readonly string Header = string.Join(",", SignalCsv.Columns);

    /// <summary>Every awkward thing a quote can hold, each said at a different second so both exports order them alike.</summary>
    private static readonly string Awkward = Header + "\r\n"
        + "\"Export, then import, fails\",\"Acme, Inc.\",enterprise,ticket,pain,use,high,export-timeouts;reporting,2026-11-02T09:00:00Z,https://support.example.com/t/1\r\n"
        + "\"She said \"\"it just spins\"\"\",Globex,smb,call,request,onboard,2,,2026-11-03T09:00:00Z,\r\n"
        + "\"Line one\r\nLine two (CRLF)\",Initech,,,,,,,2026-11-04T09:00:00Z,\r\n"
        + "\"First\nSecond (LF)\",Initech,,,,,,,2026-11-05T09:00:00.250Z,\r\n"
        + "Love the new dashboard 🎉🚀,Umbrella,,review,praise,,low,,2026-11-06T09:00:00Z,\r\n"
        + "=cmd|' /C calc'!A0,@SUM(A1),,,,,,,2026-11-07T09:00:00Z,\r\n"
        + "+1,Hooli,,,,,,,2026-11-08T09:00:00Z,\r\n"
        + "-2,Hooli,,,,,,,2026-11-09T09:00:00Z,\r\n";

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task ExportsTheSameBytesAgain_AfterAnExportIsImportedIntoAnEmptyWorkspace()
    {
        var (first, firstClient) = await WorkspaceAsync();
        var (second, secondClient) = await WorkspaceAsync();
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(firstClient, Awkward)).Status);

        var exported = await firstClient.GetByteArrayAsync("/api/v1/signals.csv");
        var imported = await ImportAsync(secondClient, exported);
        var again = await secondClient.GetByteArrayAsync("/api/v1/signals.csv");

        Assert.Equal(HttpStatusCode.OK, imported.Status);
        Assert.Equal(8, (int?)imported.Body["imported"]);
        Assert.Equal(exported, again);
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), exported[..3]);
        var text = Encoding.UTF8.GetString(exported[3..]);
        Assert.StartsWith(Header + "\r\n", text);
        Assert.Contains("\r\n'=cmd|' /C calc'!A0,'@SUM(A1),", text);
        Assert.Contains("\r\n'+1,Hooli,", text);
        Assert.Contains("\r\n'-2,Hooli,", text);
        Assert.Contains("\"Export, then import, fails\",\"Acme, Inc.\",enterprise,ticket,pain,use,high,export-timeouts;reporting,2026-11-02T09:00:00Z,", text);
        Assert.Contains("\"She said \"\"it just spins\"\"\"", text);
        Assert.Contains("2026-11-05T09:00:00.25Z", text);
        var stored = await Store.FindSignalsAsync(second.Id, new SignalFilter(), 100, CancellationToken.None);
        Assert.Equal(
            ["-2", "+1", "=cmd|' /C calc'!A0", "Love the new dashboard 🎉🚀", "First\nSecond (LF)", "Line one\nLine two (CRLF)",
                "She said \"it just spins\"", "Export, then import, fails"],
            stored.OrderByDescending(s => s.SaidAt).Select(s => s.Quote));
        Assert.Contains(stored, s => s.Customer == "@SUM(A1)");
        Assert.Equal(8, await Store.CountSignalsAsync(first.Id, new SignalFilter(), CancellationToken.None));
    }

    [Fact]
    public async Task ChecksEveryRowAndStoresNothing_WhenDryRun()
    {
        var (workspace, client) = await WorkspaceAsync();

        var answer = await ImportAsync(client, $"{Header}\nFine quote,Acme,,,,,,,,\nBad kind,Acme,,,grumble,,,,,\n", "?dryRun=true");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(2, (int?)answer.Body["rows"]);
        Assert.Equal(0, (int?)answer.Body["imported"]);
        Assert.Equal([(3, "kind")], Errors(answer.Body));
        Assert.Equal(0, await Store.CountSignalsAsync(workspace.Id, new SignalFilter(), CancellationToken.None));
    }

    [Fact]
    public async Task StoresNothingAndAnswers422WithTheErrors_WhenOneRowIsBad()
    {
        var (workspace, client) = await WorkspaceAsync();

        var answer = await ImportAsync(client, $"{Header}\nFine quote,Acme,,,,,,,,\nAnother,Acme,,,,,,,,notalink\nThird,Acme,,,,,,,,\n");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.Equal(0, (int?)answer.Body["imported"]);
        Assert.Equal(3, (int?)answer.Body["rows"]);
        Assert.Equal([(3, "link")], Errors(answer.Body));
        Assert.Equal(0, await Store.CountSignalsAsync(workspace.Id, new SignalFilter(), CancellationToken.None));
    }

    [Fact]
    public async Task StoresTheGoodRowsAndNamesTheBadByLineAndColumn_WhenPartial()
    {
        var (workspace, client) = await WorkspaceAsync();
        var csv = $"{Header}\n"
            + "Good one,Acme,,,,,,,,\n"
            + "\"A quote\non two lines\",Acme,astronaut,,,,,,,\n"
            + "Good two,Acme,,,,,,#ok;bad!!name!!that-is-far-too-long-to-be-a-theme-name-of-sixty-characters-or-less,,\n"
            + "\"Good\nthree\",Acme,,,,,,,2026-11-30,\n"
            + ",Acme,,,,,,,3 Dec,\n";

        var answer = await ImportAsync(client, csv, "?partial=true");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(5, (int?)answer.Body["rows"]);
        Assert.Equal(2, (int?)answer.Body["imported"]);
        Assert.Equal([(3, "segment"), (5, "themes"), (8, "quote"), (8, "said_at")], Errors(answer.Body));
        var stored = await Store.FindSignalsAsync(workspace.Id, new SignalFilter(), 10, CancellationToken.None);
        Assert.Equal(["Good\nthree", "Good one"], stored.Select(s => s.Quote).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("quote,customer\nfine,Acme\n\"never closed,Acme\nmore,Acme\n", "line 3")]
    [InlineData("quote,colour\nfine,red\n", "\"colour\"")]
    public async Task Answers400SayingWhere_WhenTheFileCannotBeRead(string csv, string said)
    {
        var (workspace, client) = await WorkspaceAsync();

        var answer = await ImportAsync(client, csv);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.Contains(said, (string?)answer.Body["detail"]);
        Assert.Equal(0, await Store.CountSignalsAsync(workspace.Id, new SignalFilter(), CancellationToken.None));
    }

    [Fact]
    public async Task Answers413_WhenAnImportHasMoreRowsThanTheLimit()
    {
        var (workspace, client) = await WorkspaceAsync();
        var csv = new StringBuilder("quote\n");
        for (var i = 0; i <= CsvEndpoints.MaxImportRows; i++)
        {
            csv.Append("q\n");
        }

        var answer = await ImportAsync(client, csv.ToString());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.Status);
        Assert.Contains("200,000 rows", (string?)answer.Body["detail"]);
        Assert.Equal(0, await Store.CountSignalsAsync(workspace.Id, new SignalFilter(), CancellationToken.None));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Answers413_WhenAnImportBodyIsOverItsCap(bool chunked)
    {
        var (_, client) = await WorkspaceAsync();
        // Rows of 300 bytes: the byte cap comes before the row cap, and no record is over the reader's record limit.
        var body = new byte[CsvEndpoints.MaxImportBytes + 1];
        Array.Fill(body, (byte)'x');
        Encoding.ASCII.GetBytes("quote\n").CopyTo(body, 0);
        for (var end = 6 + 299; end < body.Length; end += 300)
        {
            body[end] = (byte)'\n';
        }
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/imports")
        {
            Content = chunked ? new StreamContent(new MemoryStream(body)) : new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new("text/csv");
        request.Headers.TransferEncodingChunked = chunked;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("nothing in it was read or saved", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Answers403AndStoresNothing_WhenAReadKeyImports()
    {
        var (workspace, client) = await WorkspaceAsync(ApiKeyScope.Read);

        var imported = await ImportAsync(client, $"{Header}\nFine quote,Acme,,,,,,,,\n");
        var customers = await PostCsvAsync(client, "/api/v1/customers", "name\nAcme\n");
        var exported = await client.GetAsync("/api/v1/signals.csv");

        Assert.Equal(HttpStatusCode.Forbidden, imported.Status);
        Assert.Equal(HttpStatusCode.Forbidden, customers.Status);
        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        Assert.Equal(0, await Store.CountSignalsAsync(workspace.Id, new SignalFilter(), CancellationToken.None));
    }

    [Fact]
    public async Task ExportsThePeriodAndThemeAsked_WithTheirWordsInTheFileName()
    {
        var (_, client) = await WorkspaceAsync();
        var recent = DateTimeOffset.UtcNow.AddDays(-2).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var old = DateTimeOffset.UtcNow.AddDays(-40).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        await ImportAsync(client, $"{Header}\n"
            + $"Recent and tagged,Acme,,,,,,export-timeouts,{recent},\n"
            + $"Recent other theme,Acme,,,,,,billing,{recent},\n"
            + $"Too old,Acme,,,,,,export-timeouts,{old},\n");

        using var response = await client.GetAsync("/api/v1/signals.csv?period=last%2030%20days&theme=%23Export-Timeouts");
        var refused = await client.GetAsync("/api/v1/signals.csv?period=next%20decade");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("signals-the-last-30-days-export-timeouts.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([Header, $"Recent and tagged,Acme,,,pain,,medium,export-timeouts,{recent},"], lines);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("period", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SavesEveryCustomer_WhenACustomersCsvIsPosted()
    {
        var (workspace, client) = await WorkspaceAsync();

        var answer = await PostCsvAsync(client, "/api/v1/customers",
            "name,aliases,segment,plan,arr,owner\r\nAcme Corporation,Acme;ACME Inc,enterprise,Scale,120000.50,Dana\r\nGlobex,,smb,,9000,\r\n");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(2, answer.Body["items"]!.AsArray().Count);
        var acme = await Customers.FindCustomerAsync(workspace.Id, "acme inc", CancellationToken.None);
        Assert.Equal(("Acme Corporation", 120000.50m, "Scale", "Dana", "enterprise"), (acme?.Name, acme?.Arr, acme?.Plan, acme?.Owner, acme?.Segment));
        Assert.Equal(9000m, (await Customers.FindCustomerAsync(workspace.Id, "Globex", CancellationToken.None))?.Arr);
    }

    [Fact]
    public async Task SavesNoCustomerAndNamesTheRowsAndColumns_WhenOneRowIsBad()
    {
        var (workspace, client) = await WorkspaceAsync();

        var answer = await PostCsvAsync(client, "/api/v1/customers",
            "arr,name,segment\n100,Acme,enterprise\nlots,Globex,smb\n5,,astronaut\n");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Equal([(3, "arr"), (4, "name"), (4, "segment")], Errors(answer.Body));
        Assert.Null(await Customers.FindCustomerAsync(workspace.Id, "Acme", CancellationToken.None));
    }

    private IPulseStore Store => app.Services.GetRequiredService<IPulseStore>();

    private ICustomerStore Customers => app.Services.GetRequiredService<ICustomerStore>();

    /// <summary>A new workspace, and a client calling the API with a key of it.</summary>
    private async Task<(Workspace Workspace, HttpClient Client)> WorkspaceAsync(ApiKeyScope scope = ApiKeyScope.Write)
    {
        var workspace = await Store.ResolveWorkspaceAsync(Platform.Playground, $"csv-{Guid.NewGuid():N}", "CSV tests", CancellationToken.None);
        var (_, secret) = (await app.Services.GetRequiredService<ApiKeys>().CreateAsync(workspace.Id, scope, null, "tests", CancellationToken.None))!.Value;
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return (workspace, client);
    }

    private static Task<Answer> ImportAsync(HttpClient client, string csv, string query = "") =>
        PostCsvAsync(client, "/api/v1/imports" + query, Encoding.UTF8.GetBytes(csv));

    private static Task<Answer> ImportAsync(HttpClient client, byte[] csv) => PostCsvAsync(client, "/api/v1/imports", csv);

    private static Task<Answer> PostCsvAsync(HttpClient client, string path, string csv) => PostCsvAsync(client, path, Encoding.UTF8.GetBytes(csv));

    private static async Task<Answer> PostCsvAsync(HttpClient client, string path, byte[] csv)
    {
        var content = new ByteArrayContent(csv);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var response = await client.PostAsync(path, content);
        var text = await response.Content.ReadAsStringAsync();
        return new Answer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, text.Length > 0 ? JsonNode.Parse(text)! : new JsonObject());
    }

    private static List<(int, string)> Errors(JsonNode body) =>
        body["errors"]!.AsArray().Select(e => ((int)e!["row"]!, (string)e["column"]!)).ToList();

    private sealed record Answer(HttpStatusCode Status, string? ContentType, JsonNode Body);
}

public sealed class SqliteCsvApiTests() : CsvApiTests(PulseAppFactory.Sqlite());

[Collection(PostgresDatabase.Name)]
public sealed class PostgresCsvApiTests(PostgresFixture postgres) : CsvApiTests(PulseAppFactory.Postgres(postgres.ConnectionString));
