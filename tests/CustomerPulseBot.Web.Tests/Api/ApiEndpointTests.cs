using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CustomerPulseBot.Core;
using CustomerPulseBot.Core.ApiKeys;
using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.TestKit;
using CustomerPulseBot.Web.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Web.Tests.Api;

/// <summary>
/// Whole requests through the real pipeline to every /api/v1 endpoint and every refusal, on each store. Each test makes
/// workspaces and keys of its own, so tests share the host and never see each other's rows.
/// </summary>
public abstract class ApiEndpointTests(PulseAppFactory app) : IAsyncLifetime
{
    private const string Quote = "Exporting the quarterly report times out every Monday";

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task StoresTheSignalAndAnswersIt_WhenOneIsPosted()
    {
        var api = await ApiClient.CreateAsync(app);

        using var response = await api.PostAsync("/api/v1/signals",
            $$"""{"quote":"{{Quote}}","customer":"Acme","segment":"buyer","kind":"request","stage":"onboard","severity":"high","themes":["Export Timeouts"],"saidAt":"2026-01-05T10:15:00Z","link":"https://crm.example.com/calls/1"}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var signal = await JsonAsync(response);
        Assert.Equal(Quote, (string?)signal["quote"]);
        Assert.Equal("request", (string?)signal["kind"]);
        Assert.Equal("onboard", (string?)signal["stage"]);
        Assert.Equal("high", (string?)signal["severity"]);
        Assert.Equal("export-timeouts", (string?)signal["themes"]![0]);
        Assert.Equal("https://crm.example.com/calls/1", (string?)signal["link"]);
        Assert.Equal("write key", (string?)signal["capturedBy"]);
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 10, 15, 0, TimeSpan.Zero), (DateTimeOffset?)signal["saidAt"]);
        Assert.Equal($"/api/v1/signals/{signal["id"]}", response.Headers.Location?.OriginalString);
        using var read = await api.Http.GetAsync($"/api/v1/signals/{signal["id"]}");
        Assert.Equal(signal.ToJsonString(), (await JsonAsync(read)).ToJsonString());
        Assert.DoesNotContain(app.Logs.Entries, e => e.Message.Contains("quarterly report", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StoresTheWholeBatchWithItsCapturer_WhenAnArrayIsPosted()
    {
        var api = await ApiClient.CreateAsync(app);
        var items = string.Join(",", Enumerable.Range(1, 30).Select(i => $$"""{"quote":"Batch quote {{i}}","customer":"Acme","capturedBy":"Dana Ruiz"}"""));

        using var response = await api.PostAsync("/api/v1/signals", $"[{items}]");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = (await JsonAsync(response))["items"]!.AsArray();
        Assert.Equal(30, stored.Count);
        Assert.All(stored, s => Assert.Equal("Dana Ruiz", (string?)s!["capturedBy"]));
        Assert.Equal(30, await CountAsync(api));
    }

    [Fact]
    public async Task RefusesNamingEveryBadFieldAndStoresNothing_WhenOneItemOfABatchIsBad()
    {
        var api = await ApiClient.CreateAsync(app);

        using var response = await api.PostAsync("/api/v1/signals",
            """[{"quote":"Fine"},{"quote":"  ","severity":"apocalyptic"},{"quote":"Fine too","saidAt":"yesterday-ish","link":"ftp://x"}]""");

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = (await JsonAsync(response))["errors"]!.AsObject();
        Assert.Equal(["[1].quote", "[1].severity", "[2].link", "[2].saidAt"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(0, await CountAsync(api));
    }

    [Theory]
    [InlineData("{\"quote\": \"Broken\",\n  \"customer\": }", "line 2, position")]
    [InlineData("{\"quote\": 42}", "(quote)")]
    [InlineData("[{\"quote\": \"ok\"}, {\"quote\": \"ok\", \"qoute\": \"typo\"}]", "([1].qoute)")]
    public async Task RefusesSayingWhere_WhenTheJsonIsMalformed(string body, string where)
    {
        var api = await ApiClient.CreateAsync(app);

        using var response = await api.PostAsync("/api/v1/signals", body);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var problem = await JsonAsync(response);
        Assert.Contains(where, (string?)problem["detail"]);
        Assert.DoesNotContain("   at ", problem.ToJsonString());
        Assert.Equal(0, await CountAsync(api));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Refuses413NamingTheLimit_WhenTheJsonBodyIsOver1Mb(bool chunked)
    {
        var api = await ApiClient.CreateAsync(app);
        var body = Encoding.UTF8.GetBytes($"{{\"quote\":\"{new string('x', ApiBody.MaxJsonBytes)}\"}}");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/signals")
        {
            Content = chunked ? new StreamContent(new MemoryStream(body)) : new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TransferEncodingChunked = chunked;

        using var response = await api.Http.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(RequestBody.TooLarge(ApiBody.MaxJsonBytes), (string?)(await JsonAsync(response))["detail"]);
    }

    [Fact]
    public async Task Refuses413_WhenCustomersAreOver1Mb()
    {
        var api = await ApiClient.CreateAsync(app);

        using var response = await api.PostAsync("/api/v1/customers", $"{{\"name\":\"{new string('x', ApiBody.MaxJsonBytes)}\"}}");

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    public static TheoryData<string, string> EveryEndpoint => new()
    {
        { "POST", "/api/v1/signals" },
        { "GET", "/api/v1/signals" },
        { "GET", $"/api/v1/signals/{Guid.NewGuid()}" },
        { "DELETE", $"/api/v1/signals/{Guid.NewGuid()}" },
        { "GET", "/api/v1/themes" },
        { "GET", "/api/v1/insights/top" },
        { "GET", "/api/v1/insights/trends" },
        { "POST", "/api/v1/customers" },
        { "GET", "/api/v1/customers" },
    };

    [Theory]
    [MemberData(nameof(EveryEndpoint))]
    public async Task Refuses401WithBearerChallenge_WhenNoKeyAnUnknownKeyOrARevokedKeyIsSent(string method, string path)
    {
        var api = await ApiClient.CreateAsync(app);
        await app.Services.GetRequiredService<IApiKeyStore>().RevokeApiKeyAsync(api.Workspace.Id, api.Key.Name, DateTimeOffset.UtcNow, CancellationToken.None);
        var client = app.CreateClient();

        foreach (var key in new[] { null, "pk_unknownunknownunknownunknownunknownunkno", "not-even-a-key", api.Secret })
        {
            var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? ApiClient.Json("{\"quote\":\"x\",\"name\":\"x\"}") : null };
            if (key is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            }

            using var response = await client.SendAsync(request);

            await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
            Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString());
            Assert.DoesNotContain(api.Secret, await response.Content.ReadAsStringAsync());
        }

        Assert.DoesNotContain(app.Logs.Entries, e => e.Message.Contains(api.Secret, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("POST", "/api/v1/signals", "{\"quote\":\"A read key cannot add this\"}")]
    [InlineData("DELETE", "/api/v1/signals/{id}", null)]
    [InlineData("POST", "/api/v1/customers", "{\"name\":\"Acme\"}")]
    public async Task Refuses403AndChangesNothing_WhenAReadKeyWrites(string method, string path, string? body)
    {
        var reader = await ApiClient.CreateAsync(app, ApiKeyScope.Read);
        var id = await AddAsync(await reader.AnotherKeyAsync(ApiKeyScope.Write), Quote);

        var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{id}", id)) { Content = body is null ? null : ApiClient.Json(body) };
        using var response = await reader.Http.SendAsync(request);
        using var customers = await reader.Http.GetAsync("/api/v1/customers");

        await AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(1, await CountAsync(reader));
        Assert.Empty((await JsonAsync(customers))["items"]!.AsArray());
    }

    [Fact]
    public async Task Refuses404_WhenAKeyNamesAnotherWorkspacesSignal()
    {
        var acme = await ApiClient.CreateAsync(app);
        var globex = await ApiClient.CreateAsync(app);
        var theirs = await AddAsync(acme, "Acme's own words");

        using var read = await globex.Http.GetAsync($"/api/v1/signals/{theirs}");
        using var deleted = await globex.Http.DeleteAsync($"/api/v1/signals/{theirs}");
        using var nonsense = await globex.Http.GetAsync("/api/v1/signals/not-an-id");
        using var listed = await globex.Http.GetAsync("/api/v1/signals");

        await AssertProblemAsync(read, HttpStatusCode.NotFound);
        await AssertProblemAsync(deleted, HttpStatusCode.NotFound);
        await AssertProblemAsync(nonsense, HttpStatusCode.NotFound);
        Assert.Empty((await JsonAsync(listed))["items"]!.AsArray());
        using var stillThere = await acme.Http.GetAsync($"/api/v1/signals/{theirs}");
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
    }

    [Fact]
    public async Task DeletesTheSignalForGood_WhenAWriteKeyDeletesIt()
    {
        var api = await ApiClient.CreateAsync(app);
        var id = await AddAsync(api, Quote);

        using var deleted = await api.Http.DeleteAsync($"/api/v1/signals/{id}");
        using var again = await api.Http.DeleteAsync($"/api/v1/signals/{id}");
        using var read = await api.Http.GetAsync($"/api/v1/signals/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await AssertProblemAsync(again, HttpStatusCode.NotFound);
        await AssertProblemAsync(read, HttpStatusCode.NotFound);
        Assert.Equal(0, await CountAsync(api));
    }

    [Fact]
    public async Task GivesTheFirstAnswerAndStoresOnce_WhenTheSameIdempotencyKeyComesAgain()
    {
        var api = await ApiClient.CreateAsync(app);
        const string body = """[{"quote":"Once only","customer":"Acme"},{"quote":"Twice only","customer":"Acme"}]""";

        using var first = await api.PostAsync("/api/v1/signals", body, "import-42");
        using var second = await api.PostAsync("/api/v1/signals", body, "import-42");
        using var other = await api.PostAsync("/api/v1/signals", """[{"quote":"Something else"}]""", "import-42");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal("true", second.Headers.GetValues(SignalsApi.ReplayedHeader).Single());
        await AssertProblemAsync(other, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(2, await CountAsync(api));
    }

    [Fact]
    public async Task StoresOnce_WhenDuplicatesWithOneIdempotencyKeyArriveTogether()
    {
        var api = await ApiClient.CreateAsync(app);
        const string body = """{"quote":"Sent by a client that retried at once","customer":"Acme"}""";

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => api.PostAsync("/api/v1/signals", body, "retry-storm")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync())).ContinueWith(t => t.Result.Distinct().ToList()));
        Assert.Equal(1, await CountAsync(api));
    }

    [Fact]
    public async Task StoresTheQuoteMasked_WhenItHoldsAnEmailAddress()
    {
        var api = await ApiClient.CreateAsync(app);

        using var response = await api.PostAsync("/api/v1/signals", """{"quote":"Write to jane.doe@acme.example about the export","customer":"Acme"}""");

        var id = (string?)(await JsonAsync(response))["id"];
        using var read = await api.Http.GetAsync($"/api/v1/signals/{id}");
        var quote = (string?)(await JsonAsync(read))["quote"];
        Assert.Equal($"Write to {PersonalData.Mark(PersonalDataKind.Email)} about the export", quote);
        Assert.DoesNotContain(app.Logs.Entries, e => e.Message.Contains("jane.doe", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PagesEverySignalOnceNewestFirst_WhenSignalsAreAddedBetweenPages()
    {
        var api = await ApiClient.CreateAsync(app);
        var days = Enumerable.Range(1, 7).Select(d => $$"""{"quote":"Quote of day {{d}}","saidAt":"2026-01-{{d:00}}T09:00:00Z"}""");
        await api.PostAsync("/api/v1/signals", $"[{string.Join(",", days)}]");

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            using var page = await api.Http.GetAsync($"/api/v1/signals?limit=3{(cursor is null ? "" : $"&cursor={cursor}")}");
            var json = await JsonAsync(page);
            seen.AddRange(json["items"]!.AsArray().Select(s => (string)s!["quote"]!));
            cursor = (string?)json["next"];
            if (pages++ == 0)
            {
                await api.PostAsync("/api/v1/signals", """[{"quote":"Newer, added meanwhile"},{"quote":"Older, added meanwhile","saidAt":"2025-12-01"}]""");
            }
        }
        while (cursor is not null);

        Assert.Equal(
            ["Quote of day 7", "Quote of day 6", "Quote of day 5", "Quote of day 4", "Quote of day 3", "Quote of day 2", "Quote of day 1", "Older, added meanwhile"],
            seen);
    }

    [Fact]
    public async Task ListsOnlyWhatTheFiltersAllow_WhenFiltersAreGiven()
    {
        var api = await ApiClient.CreateAsync(app);
        await api.PostAsync("/api/v1/signals", """
            [{"quote":"Export slow","customer":"Acme","segment":"buyer","themes":["export"],"saidAt":"2026-01-10"},
             {"quote":"Login broken","customer":"Globex","segment":"admin","themes":["login"],"saidAt":"2026-01-20"},
             {"quote":"Export fails","customer":"Globex","segment":"admin","themes":["export"],"saidAt":"2026-02-01"}]
            """);

        async Task<string[]> QuotesAsync(string query)
        {
            using var response = await api.Http.GetAsync($"/api/v1/signals?{query}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await JsonAsync(response))["items"]!.AsArray().Select(s => (string)s!["quote"]!).ToArray();
        }

        Assert.Equal(["Export fails", "Export slow"], await QuotesAsync("theme=export"));
        Assert.Equal(["Export fails", "Login broken"], await QuotesAsync("customer=globex"));
        Assert.Equal(["Export slow"], await QuotesAsync("segment=buyer"));
        Assert.Equal(["Login broken", "Export slow"], await QuotesAsync("since=2026-01-10&until=2026-01-20"));
        Assert.Equal(["Export fails"], await QuotesAsync("q=fails"));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=500", "limit")]
    [InlineData("cursor=bm90LWEtY3Vyc29y", "cursor")]
    [InlineData("since=last+tuesday", "since")]
    [InlineData("segment=astronauts", "segment")]
    public async Task RefusesNamingTheParameter_WhenAListParameterIsWrong(string query, string field)
    {
        var api = await ApiClient.CreateAsync(app);

        using var response = await api.Http.GetAsync($"/api/v1/signals?{query}");

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True((await JsonAsync(response))["errors"]!.AsObject().ContainsKey(field));
    }

    [Fact]
    public async Task AnswersTheChatsFigures_WhenTopThemesAndTrendsAreAsked()
    {
        var api = await ApiClient.CreateAsync(app);
        var now = DateTimeOffset.UtcNow.ToString("O");
        await api.PostAsync("/api/v1/signals", $$"""
            [{"quote":"Export slow","customer":"Acme","themes":["export-timeouts"],"saidAt":"{{now}}"},
             {"quote":"Export fails","customer":"Globex","themes":["export-timeouts"],"saidAt":"{{now}}"},
             {"quote":"Login broken","customer":"Globex","themes":["login"],"saidAt":"{{now}}"}]
            """);
        await api.PostAsync("/api/v1/customers", """[{"name":"Acme","arr":100},{"name":"Globex","arr":300},{"name":"Initech","arr":1000000}]""");
        await api.PostAsync("/api/v1/signals", $$"""{"quote":"Login loops","customer":"Initech","themes":["login"],"saidAt":"{{now}}"}""");
        var chat = (PainPointsView)await app.Services.GetRequiredService<PulseCommands>().ExecuteAsync(
            ApiCaller.For(api.Key, api.Workspace).Context, new TopCommand(Period.LastDays(7), QueryFilters.None), "", CancellationToken.None);
        var chatByRevenue = (PainPointsView)await app.Services.GetRequiredService<PulseCommands>().ExecuteAsync(
            ApiCaller.For(api.Key, api.Workspace).Context, new TopCommand(Period.LastDays(7), QueryFilters.None, ByRevenue: true), "", CancellationToken.None);

        using var top = await api.Http.GetAsync("/api/v1/insights/top?period=last%207%20days&n=5");
        using var byRevenue = await api.Http.GetAsync("/api/v1/insights/top?period=last%207%20days&by=revenue");
        using var trends = await api.Http.GetAsync("/api/v1/insights/trends?period=this%20month");
        using var themes = await api.Http.GetAsync("/api/v1/themes");

        var ranked = (await JsonAsync(top))["themes"]!.AsArray();
        Assert.Equal(chat.Themes.Select(t => (t.Theme, t.Signals, t.Customers)), ranked.Select(t => ((string)t!["theme"]!, (int)t["signals"]!, (int)t["customers"]!)));
        var revenueRanked = (await JsonAsync(byRevenue))["themes"]!.AsArray();
        Assert.Equal(chatByRevenue.Themes.Select(t => (t.Theme, t.Revenue)), revenueRanked.Select(t => ((string)t!["theme"]!, (decimal?)t["revenue"])));
        Assert.Equal(("login", 1000300m, 2), ((string)revenueRanked[0]!["theme"]!, (decimal)revenueRanked[0]!["revenue"]!, (int)revenueRanked[0]!["revenueCustomers"]!));
        Assert.Equal("this month", (string?)(await JsonAsync(trends))["period"]);
        Assert.Equal(["export-timeouts", "login"], (await JsonAsync(themes))["items"]!.AsArray().Select(t => (string)t!["name"]!));
    }

    [Theory]
    [InlineData("/api/v1/insights/top?period=the+age+of+dinosaurs", "period")]
    [InlineData("/api/v1/insights/trends?period=someday", "period")]
    [InlineData("/api/v1/insights/top?n=99", "n")]
    [InlineData("/api/v1/insights/top?by=vibes", "by")]
    [InlineData("/api/v1/insights/top?segment=astronauts", "segment")]
    public async Task RefusesNamingTheParameter_WhenAnInsightParameterIsWrong(string path, string field)
    {
        var api = await ApiClient.CreateAsync(app, ApiKeyScope.Read);

        using var response = await api.Http.GetAsync(path);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True((await JsonAsync(response))["errors"]!.AsObject().ContainsKey(field));
    }

    [Fact]
    public async Task SavesAndListsCustomersWithMaskedNames_WhenCustomersArePosted()
    {
        var api = await ApiClient.CreateAsync(app);
        await AddAsync(api, Quote, "Acme");

        using var saved = await api.PostAsync("/api/v1/customers", """
            [{"name":"Acme","aliases":["ACME Corp"],"segment":"buyer","plan":"Enterprise","arr":120000,"owner":"Sam Lee"},
             {"name":"ops@globex.example","arr":5000}]
            """);
        using var listed = await api.Http.GetAsync("/api/v1/customers");

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var customers = (await JsonAsync(listed))["items"]!.AsArray();
        var acme = customers.Single(c => (string?)c!["name"] == "Acme")!;
        Assert.Equal(120000m, (decimal?)acme["arr"]);
        Assert.Equal("ACME Corp", (string?)acme["aliases"]![0]);
        Assert.Equal(1, (int?)acme["signals"]);
        Assert.Contains(customers, c => (string?)c!["name"] == PersonalData.Mark(PersonalDataKind.Email));
    }

    [Fact]
    public async Task RefusesNamingEachBadFieldAndSavesNothing_WhenACustomerIsWrong()
    {
        var api = await ApiClient.CreateAsync(app);

        using var response = await api.PostAsync("/api/v1/customers", $$"""
            [{"name":"Fine Co"},{"segment":"astronauts","arr":-1,"plan":"{{new string('p', 101)}}","owner":"{{new string('o', 101)}}"},{"name":"{{new string('n', 201)}}"}]
            """);
        using var listed = await api.Http.GetAsync("/api/v1/customers");

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(
            ["[1].arr", "[1].name", "[1].owner", "[1].plan", "[1].segment", "[2].name"],
            (await JsonAsync(response))["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Empty((await JsonAsync(listed))["items"]!.AsArray());
    }

    [Fact]
    public async Task Refuses429WithRetryAfterForThatKeyOnly_WhenAKeyGoesOverItsRate()
    {
        await using var limited = WithSettings(("Api:PermitsPerMinute", "2"));
        var busy = await ApiClient.CreateAsync(limited);
        var calm = await ApiClient.CreateAsync(limited);

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add(await busy.Http.GetAsync("/api/v1/themes"));
        }

        using var other = await calm.Http.GetAsync("/api/v1/themes");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], answers.Take(2).Select(a => a.StatusCode));
        await AssertProblemAsync(answers[2], HttpStatusCode.TooManyRequests);
        Assert.InRange(int.Parse(answers[2].Headers.GetValues("Retry-After").Single()), 1, 60);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    /// <summary>A second host on the same database with more settings.</summary>
    protected abstract PulseAppFactory WithSettings(params (string Key, string? Value)[] settings);

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await JsonAsync(response);
        Assert.Equal((int)status, (int?)problem["status"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]), problem.ToJsonString());
    }

    private static async Task<JsonNode> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!; // every answer asserted on here is JSON

    private static async Task<string> AddAsync(ApiClient api, string quote, string? customer = null)
    {
        using var response = await api.PostAsync("/api/v1/signals", customer is null ? $$"""{"quote":"{{quote}}"}""" : $$"""{"quote":"{{quote}}","customer":"{{customer}}"}""");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await JsonAsync(response))["id"]!;
    }

    private static async Task<int> CountAsync(ApiClient api)
    {
        using var response = await api.Http.GetAsync($"/api/v1/signals?limit={SignalsApi.MaxLimit}");
        return (await JsonAsync(response))["items"]!.AsArray().Count;
    }
}

public sealed class SqliteApiEndpointTests() : ApiEndpointTests(PulseAppFactory.Sqlite())
{
    protected override PulseAppFactory WithSettings(params (string Key, string? Value)[] settings) => PulseAppFactory.Sqlite("Development", settings);
}

[Collection(PostgresDatabase.Name)]
public sealed class PostgresApiEndpointTests(PostgresFixture postgres) : ApiEndpointTests(PulseAppFactory.Postgres(postgres.ConnectionString))
{
    protected override PulseAppFactory WithSettings(params (string Key, string? Value)[] settings) =>
        PulseAppFactory.Postgres(postgres.ConnectionString, settings);
}
