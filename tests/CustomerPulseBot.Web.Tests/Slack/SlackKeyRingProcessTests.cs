using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CustomerPulseBot.TestKit;
using CustomerPulseBot.TestKit.Slack;
using Microsoft.AspNetCore.WebUtilities;
using Npgsql;

namespace CustomerPulseBot.Web.Tests.Slack;

/// <summary>
/// Hosts as they run in production: each the built app in a process of its own, with a disk of its own (its own home
/// directory and content root, both empty), on one PostgreSQL database of the test's own, with the same settings.
/// </summary>
[Collection(PostgresDatabase.Name)]
public sealed class SlackKeyRingProcessTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const string Team = "TBETA0002";
    private const string Token = "xoxb-beta-installed-on-host-a";

    private readonly List<string> disks = [];
    private FakeSlackApi api = null!;
    private string database = "";

    public async Task InitializeAsync()
    {
        api = await FakeSlackApi.StartAsync();
        database = await postgres.CreateDatabaseAsync();
    }

    [Fact]
    public async Task EveryHostReadsTheTokenAnotherInstalled_WhenTheyShareOnePostgres()
    {
        var (a, hostA) = await StartAsync();
        await using (a)
        {
            await InstallAsync(hostA);
        }

        var (b, hostB) = await StartAsync();
        await using (b)
        {
            var ack = await CommandAsync(hostB);

            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
            Assert.Equal($"Bearer {Token}", (await api.WaitForAsync("views.open")).Authorization);
        }

        var (restarted, hostC) = await StartAsync();
        await using (restarted)
        {
            var ack = await CommandAsync(hostC);

            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
            Assert.Equal($"Bearer {Token}", (await api.WaitForAsync("views.open", 2)).Authorization);
        }

        var keys = await KeyRowsAsync();
        Assert.Single(keys);
        Assert.Contains("encryptedSecret", keys[0]);
        Assert.DoesNotContain("masterKey", keys[0]);
    }

    /// <summary>A host on a new, empty disk of its own; it listens where it says once started.</summary>
    private async Task<(AppProcess App, Uri Address)> StartAsync()
    {
        var disk = Path.Combine(Path.GetTempPath(), $"pulse-disk-{Guid.NewGuid():N}");
        Directory.CreateDirectory(disk);
        disks.Add(disk);
        var app = AppProcess.Start(new Dictionary<string, string?>
        {
            ["HOME"] = disk,
            ["Storage__Provider"] = "postgres",
            ["ConnectionStrings__Pulse"] = database,
            ["DataProtection__KeyRingKey"] = SlackHost.KeyRingKey,
            ["Slack__SigningSecret"] = SlackHost.Secret,
            ["Slack__ClientId"] = "cid.123",
            ["Slack__ClientSecret"] = "csecret",
            ["Slack__RedirectUrl"] = "https://bot.example.com/slack/oauth/callback",
            ["Slack__ApiBaseUrl"] = api.ApiBaseUrl,
            ["Meaning__WarmUp"] = "false",
        }, "--urls", "http://127.0.0.1:0", "--contentRoot", disk);
        var listening = await app.LineAsync(l => l.Contains("Now listening on: ", StringComparison.Ordinal));
        return (app, new Uri(Regex.Match(listening, @"http://127\.0\.0\.1:\d+").Value));
    }

    /// <summary>The OAuth install as a browser goes through it: to Slack with a state cookie, and back with a code.</summary>
    private async Task InstallAsync(Uri host)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = host };
        var start = await browser.GetAsync("/slack/install");
        var state = QueryHelpers.ParseQuery(start.Headers.Location!.Query)["state"].ToString();
        api.AnswerNext("oauth.v2.access", 200, new JsonObject
        {
            ["ok"] = true, ["access_token"] = Token, ["token_type"] = "bot", ["scope"] = "commands,chat:write", ["bot_user_id"] = "UBOT",
            ["team"] = new JsonObject { ["id"] = Team, ["name"] = "Beta" }, ["is_enterprise_install"] = false,
            ["authed_user"] = new JsonObject { ["id"] = "U0ADMIN01" },
        }.ToJsonString());

        var callback = await browser.GetAsync($"/slack/oauth/callback?code=code-beta&state={Uri.EscapeDataString(state)}");

        Assert.Equal(HttpStatusCode.OK, callback.StatusCode);
    }

    /// <summary><c>/pulse</c> with no text: the host opens the capture form in Slack with the workspace's own token.</summary>
    private async Task<HttpResponseMessage> CommandAsync(Uri host)
    {
        using var http = new HttpClient { BaseAddress = host };
        var signer = new SlackRequestSigner(SlackHost.Secret, TimeProvider.System);
        return await http.SendAsync(signer.Form("/slack/commands",
        [
            new("team_id", Team), new("channel_id", "C0CHAN001"), new("user_id", "U0ANA0001"), new("user_name", "ana"),
            new("command", "/pulse"), new("text", ""), new("response_url", api.ResponseUrl("command")), new("trigger_id", "1111.2222.trigger"),
        ]));
    }

    private async Task<List<string>> KeyRowsAsync()
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var read = new NpgsqlCommand("SELECT xml FROM data_protection_keys", connection);
        await using var reader = await read.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    public async Task DisposeAsync()
    {
        await api.DisposeAsync();
        foreach (var disk in disks)
        {
            Directory.Delete(disk, recursive: true);
        }
    }
}
