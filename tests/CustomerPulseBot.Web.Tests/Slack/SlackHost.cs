using System.Text.Json.Nodes;
using CustomerPulseBot.Core;
using CustomerPulseBot.Core.Workspaces;
using CustomerPulseBot.TestKit.Slack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CustomerPulseBot.Web.Tests.Slack;

/// <summary>The real host with Slack switched on (SQLite in a temp file), a fake Slack API on 127.0.0.1, and a request signer.</summary>
public sealed class SlackHost : IAsyncDisposable
{
    public const string Secret = "web_tests_signing_secret";
    public const string Team = "TALPHA001";
    public const string BotToken = "xoxb-alpha";

    /// <summary>The key that encrypts the key ring, as a production host has one: 32 bytes, base64.</summary>
    public static readonly string KeyRingKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    private SlackHost(FakeSlackApi api, PulseAppFactory app, FakeTimeProvider? clock)
    {
        Api = api;
        App = app;
        Signer = new(Secret, clock ?? TimeProvider.System);
        Client = app.CreateClient();
    }

    public FakeSlackApi Api { get; }

    public PulseAppFactory App { get; }

    public HttpClient Client { get; }

    public SlackRequestSigner Signer { get; }

    public IPulseStore Store => App.Services.GetRequiredService<IPulseStore>();

    public static Task<SlackHost> StartAsync(params (string Key, string? Value)[] extra) => CreateAsync(null, null, extra);

    /// <summary>On PostgreSQL: the database is shared by the run, so tests there look at what changed rather than at totals.</summary>
    public static Task<SlackHost> StartOnPostgresAsync(string connectionString) => CreateAsync(null, null, [], connectionString);

    /// <summary>With Socket Mode on: the app connects to <paramref name="sockets"/> as soon as it starts.</summary>
    public static Task<SlackHost> StartAsync(FakeSocketModeServer? sockets, params (string Key, string? Value)[] extra) =>
        CreateAsync(sockets, null, extra);

    /// <summary>With services of the test's choosing put in place of the app's (a store that fails).</summary>
    public static Task<SlackHost> StartAsync(Action<IServiceCollection> services, params (string Key, string? Value)[] extra) =>
        CreateAsync(null, null, extra, services: services);

    /// <summary>On a test's clock: the app's <see cref="TimeProvider"/>, and the timestamps the signer puts on requests.</summary>
    public static Task<SlackHost> StartAsync(FakeTimeProvider clock, params (string Key, string? Value)[] extra) => CreateAsync(null, clock, extra);

    /// <summary>The settings of a single-workspace Slack app that calls <paramref name="api"/>.</summary>
    public static (string Key, string? Value)[] Settings(FakeSlackApi api) =>
    [
        ("Slack:SigningSecret", Secret),
        ("Slack:BotToken", BotToken),
        ("Slack:TeamId", Team),
        ("Slack:ApiBaseUrl", api.ApiBaseUrl),
        ("DataProtection:KeyRingKey", KeyRingKey),
    ];

    private static async Task<SlackHost> CreateAsync(
        FakeSocketModeServer? sockets,
        FakeTimeProvider? clock,
        (string Key, string? Value)[] extra,
        string? postgres = null,
        Action<IServiceCollection>? services = null)
    {
        var api = await FakeSlackApi.StartAsync();
        api.SocketModeUrl = sockets?.Url;
        api.Clock = clock ?? TimeProvider.System;
        (string Key, string? Value)[] settings = [.. Settings(api), ("Slack:AppToken", sockets is null ? null : "xapp-1-test"), .. extra];
        var app = postgres is null ? PulseAppFactory.Sqlite("Production", settings) : PulseAppFactory.Postgres(postgres, settings);
        if (clock is not null)
        {
            app.WithServices(replaced => replaced.AddSingleton<TimeProvider>(clock));
        }

        if (services is not null)
        {
            app.WithServices(services);
        }

        return new SlackHost(api, app, clock);
    }

    public Task<HttpResponseMessage> CommandAsync(string text, string team = Team, string channel = "C0CHAN001", string user = "U0ANA0001") =>
        Client.SendAsync(Signer.Form("/slack/commands",
        [
            new("token", "deprecated"),
            new("team_id", team),
            new("team_domain", "alpha"),
            new("channel_id", channel),
            new("channel_name", "customer-voice"),
            new("user_id", user),
            new("user_name", "ana"),
            new("command", "/pulse"),
            new("text", text),
            new("response_url", Api.ResponseUrl("command")),
            new("trigger_id", "1111.2222.trigger"),
        ]));

    public Task<HttpResponseMessage> InteractionAsync(string json) => Client.SendAsync(Signer.Payload("/slack/interactions", json));

    public Task<HttpResponseMessage> EventAsync(string json) => Client.SendAsync(Signer.Json("/slack/events", json));

    public Task<Workspace> WorkspaceAsync(string team = Team) =>
        Store.ResolveWorkspaceAsync(Platform.Slack, team, "alpha", CancellationToken.None);

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) as JsonObject
            ?? throw new InvalidOperationException("The response is not a JSON object");

    /// <summary>The one button with <paramref name="actionId"/> in a message, in an actions block or beside a section.</summary>
    public static JsonNode Button(JsonNode message, string actionId) =>
        Buttons(message).Single(b => (string?)b["action_id"] == actionId);

    public static IEnumerable<JsonNode> Buttons(JsonNode message) =>
        message["blocks"]!.AsArray().SelectMany(b => (b!["elements"] as JsonArray ?? []).Append(b["accessory"]))
            .OfType<JsonNode>()
            .Where(e => (string?)e["type"] == "button");

    /// <summary>Every text in a Block Kit tree, joined: what a person would read.</summary>
    public static string Texts(JsonNode? node) => node switch
    {
        JsonObject o => string.Join("\n", o.Select(p => p.Key == "text" && p.Value is JsonValue v ? (string)v! : Texts(p.Value))),
        JsonArray a => string.Join("\n", a.Select(Texts)),
        _ => "",
    };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await Api.DisposeAsync();
    }
}
