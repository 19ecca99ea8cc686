using System.Net;
using System.Text.Json.Nodes;
using CustomerPulseBot.Core.Digests;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Web.Tests.Slack;

/// <summary>
/// The Data Protection key ring that encrypts installed workspaces' bot tokens, on one host with SQLite: kept encrypted
/// in the database, refused unprotected outside Development, and a token it cannot decrypt answered with "install the
/// app again" on every path a person or Slack takes, never a 500. Two hosts on PostgreSQL: <see cref="SlackKeyRingProcessTests"/>.
/// </summary>
public sealed class SlackKeyRingTests
{
    private const string Team = "TBETA0002";
    private const string Reinstall = "An admin must install the app again: https://bot.example.com/slack/install";

    private static readonly (string, string?)[] OAuthInstall =
    [
        ("Slack:ClientId", "cid.123"), ("Slack:ClientSecret", "csecret"), ("Slack:RedirectUrl", "https://bot.example.com/slack/oauth/callback"),
    ];

    private static readonly string AnotherKey = Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray());

    private static IInstallationStore Installations(SlackHost host) => host.App.Services.GetRequiredService<IInstallationStore>();

    /// <summary>A workspace installed with a stored token that no key decrypts.</summary>
    private static async Task<SlackHost> WithDamagedTokenAsync()
    {
        var host = await SlackHost.StartAsync(OAuthInstall);
        await Installations(host).SaveInstallationAsync(
            new Installation(Platform.Slack, Team, null, false, "CfDJ8-not-a-token-any-key-made", "U0BOT0001", "commands", "U0ADMIN01", DateTimeOffset.UtcNow),
            CancellationToken.None);
        return host;
    }

    [Fact]
    public async Task KeepsEveryKeyEncryptedInTheDatabase_WhenAKeyRingKeyIsSet()
    {
        await using var host = await SlackHost.StartAsync(OAuthInstall);

        await SlackInstallTests.InstallAsync(host, Team, "xoxb-beta-secret");

        await using var database = new SqliteConnection($"Data Source={host.App.SqliteFile}");
        await database.OpenAsync();
        await using var read = database.CreateCommand();
        read.CommandText = "SELECT xml FROM data_protection_keys";
        var rows = new List<string>();
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add(reader.GetString(0));
            }
        }

        Assert.NotEmpty(rows);
        Assert.All(rows, xml => Assert.Contains("encryptedSecret", xml));
        Assert.All(rows, xml => Assert.DoesNotContain("masterKey", xml));
    }

    [Fact]
    public async Task TellsThePersonToReinstallWithTheirText_WhenThisHostHasAnotherKeyRingKey()
    {
        await using var installedOn = await SlackHost.StartAsync(OAuthInstall);
        await SlackInstallTests.InstallAsync(installedOn, Team, "xoxb-beta-secret");
        await using var host = await SlackHost.StartAsync(
            [.. OAuthInstall, ("Storage:SqlitePath", installedOn.App.SqliteFile), ("DataProtection:KeyRingKey", AnotherKey)]);

        var response = await host.CommandAsync("Exports time out customer:Acme", team: Team);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var texts = SlackHost.Texts(await SlackHost.JsonAsync(response));
        Assert.Contains(Reinstall, texts);
        Assert.Contains("Exports time out customer:Acme", texts);
        Assert.DoesNotContain(host.Api.Calls, c => c.Authorization.StartsWith("Bearer", StringComparison.Ordinal));
        var warning = Assert.Single(host.App.Logs.Entries, e => e.Level == LogLevel.Warning && e["ExternalId"] is Team);
        Assert.DoesNotContain("xoxb", warning.Message);
    }

    [Fact]
    public async Task TellsThePersonToReinstall_WhenTheStoredTokenIsDamaged()
    {
        await using var host = await WithDamagedTokenAsync();

        var response = await host.CommandAsync("Exports time out", team: Team);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Reinstall, SlackHost.Texts(await SlackHost.JsonAsync(response)));
    }

    [Fact]
    public async Task TellsThePersonAtTheResponseUrl_WhenTheyClickAButtonWhereTheTokenCannotBeRead()
    {
        await using var host = await WithDamagedTokenAsync();

        var ack = await host.InteractionAsync(new JsonObject
        {
            ["type"] = "block_actions",
            ["team"] = new JsonObject { ["id"] = Team },
            ["user"] = new JsonObject { ["id"] = "U0BETA001", ["team_id"] = Team },
            ["response_url"] = host.Api.ResponseUrl("beta"),
            ["channel"] = new JsonObject { ["id"] = "C0CHAN001" },
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = "share_signal", ["value"] = Guid.NewGuid().ToString() }),
        }.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var answer = await host.Api.WaitForAsync("hooks/beta");
        Assert.Contains(Reinstall, SlackHost.Texts(answer.Json));
    }

    [Fact]
    public async Task AcknowledgesAMentionAndStillUninstalls_WhenTheTokenCannotBeRead()
    {
        await using var host = await WithDamagedTokenAsync();

        var mention = await host.EventAsync(SlackEventTests.Callback("Ev0UNREAD01", SlackEventTests.Mention("<@U0BOT0001> top", "1700000000.002000"), team: Team));
        var uninstall = await host.EventAsync(new JsonObject
        {
            ["type"] = "event_callback", ["team_id"] = Team, ["event_id"] = "Ev0UNREAD02", ["event"] = new JsonObject { ["type"] = "app_uninstalled" },
        }.ToJsonString());

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (mention.StatusCode, uninstall.StatusCode));
        Assert.Null(await Installations(host).FindInstallationAsync(Platform.Slack, Team, CancellationToken.None));
        Assert.Empty(host.Api.Calls);
    }

    [Fact]
    public async Task SaysTheTokenIsRevoked_WhenADigestIsPostedWhereTheTokenCannotBeRead()
    {
        await using var host = await WithDamagedTokenAsync();
        var workspace = await host.WorkspaceAsync(Team);
        var poster = host.App.Services.GetServices<IChatPoster>().Single(p => p.Platform == Platform.Slack);

        var sent = await poster.PostAsync(workspace.Id, new ChatDestination("C0DIGEST1", Direct: false), new NoticeView("Daily digest", "3 fresh quotes"),
            new DeliveryTag($"digest:{Guid.NewGuid():N}", DateTimeOffset.UtcNow, MayHavePosted: false), CancellationToken.None);

        Assert.Equal(PostResult.TokenRevoked, sent);
        Assert.Empty(host.Api.Calls);
    }

    [Fact]
    public async Task RefusesToStartNamingTheSetting_WhenProductionInstallsWorkspacesWithAnUnprotectedKeyRing()
    {
        await using var app = PulseAppFactory.Sqlite("Production", [("Slack:SigningSecret", SlackHost.Secret), .. OAuthInstall]);

        var error = Record.Exception(() => app.CreateClient());

        Assert.NotNull(error);
        Assert.Contains("DataProtection:KeyRingKey", error.Message);
    }

    [Fact]
    public async Task StartsAndWarnsOnce_WhenDevelopmentInstallsWorkspacesWithAnUnprotectedKeyRing()
    {
        await using var app = PulseAppFactory.Sqlite("Development", [("Slack:SigningSecret", SlackHost.Secret), .. OAuthInstall]);

        var health = await app.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Single(app.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("DataProtection:KeyRingKey", StringComparison.Ordinal));
    }
}
