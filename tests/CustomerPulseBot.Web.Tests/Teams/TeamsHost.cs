using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CustomerPulseBot.Core;
using CustomerPulseBot.Core.Workspaces;
using CustomerPulseBot.Teams.Connector;
using CustomerPulseBot.TestKit.Teams;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CustomerPulseBot.Web.Tests.Teams;

/// <summary>
/// The real host with Teams switched on (SQLite in a temp file, or the PostgreSQL database given), a local token
/// issuer standing in for the Bot Framework, and a fake Connector on 127.0.0.1 that records what the bot sends.
/// </summary>
public sealed class TeamsHost : IAsyncLifetime, IAsyncDisposable
{
    public const string AppId = "6a1e5a53-0000-4000-8000-00000000b07a";
    public const string Tenant = "72f988bf-0000-4000-8000-0000000000a1";
    public const string BotId = "28:" + AppId;
    public const string AppToken = "app-token-from-entra";

    private readonly string? postgres;
    private readonly Action<IServiceCollection>? services;
    private readonly (string Key, string? Value)[] extraSettings;
    private readonly string environment;
    private bool keysStalled;
    private PulseAppFactory? factory;

    public TeamsHost()
        : this(null)
    {
    }

    private TeamsHost(string? postgres, Action<IServiceCollection>? services = null, string environment = "Production", params (string Key, string? Value)[] extraSettings)
    {
        this.postgres = postgres;
        this.services = services;
        this.environment = environment;
        this.extraSettings = extraSettings;
    }

    public static TeamsHost OnPostgres(string connectionString) => new(connectionString);

    /// <summary>With services of the test's choosing put in place of the app's (the meaning service).</summary>
    public static TeamsHost With(Action<IServiceCollection> services) => new(null, services);

    /// <summary>
    /// A host of the test's own, started, with settings that win over the usual ones (a null value unsets one);
    /// <c>await using</c> stops it.
    /// </summary>
    public static Task<TeamsHost> StartAsync(params (string Key, string? Value)[] settings) => StartAsync("Production", settings);

    /// <summary>The same, in the environment given (SQLite only).</summary>
    public static async Task<TeamsHost> StartAsync(string environment, params (string Key, string? Value)[] settings)
    {
        var host = new TeamsHost(null, null, environment, settings);
        await host.InitializeAsync();
        return host;
    }

    /// <summary>A host whose token issuer stalls from the start, so that it never has the Bot Framework's keys.</summary>
    public static async Task<TeamsHost> StartWithStalledKeysAsync()
    {
        var host = new TeamsHost { keysStalled = true };
        await host.InitializeAsync();
        return host;
    }

    public TestTokenIssuer Issuer { get; private set; } = null!; // set in InitializeAsync, before any test runs

    public FakeBotConnector Connector { get; private set; } = null!;

    public WebApplicationFactory<Program> App { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public LogCollector Logs => factory!.Logs;

    public IPulseStore Store => App.Services.GetRequiredService<IPulseStore>();

    public async Task InitializeAsync()
    {
        Issuer = await TestTokenIssuer.StartAsync();
        if (keysStalled)
        {
            Issuer.Stall();
        }

        Connector = await FakeBotConnector.StartAsync();
        (string, string?)[] settings =
        [
            ("Teams:AppId", AppId),
            ("Teams:AppPassword", "not-used-by-the-fake-token-source"),
            ("Teams:OpenIdMetadataUrl", Issuer.MetadataUrl),
            ("Teams:RequireHttpsMetadata", "false"),
            ("Teams:AllowedTenants:0", Tenant),
            ("Teams:ServiceUrlHosts:0", "127.0.0.1"),
            .. extraSettings,
        ];
        factory = postgres is null ? PulseAppFactory.Sqlite(environment, settings) : PulseAppFactory.Postgres(postgres, settings);
        if (services is not null)
        {
            factory.WithServices(services);
        }

        App = factory.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
            services.AddSingleton<IAppTokenSource>(new FixedAppToken(AppToken))));
        Client = App.CreateClient();

        // A request waits only briefly for keys the host has never had, and on a busy test machine the very first
        // fetch can take longer: tests start with the keys fetched, as a host has them soon after it starts.
        if (!keysStalled)
        {
            await App.Services.GetRequiredService<ConfigurationManager<OpenIdConnectConfiguration>>().GetConfigurationAsync();
        }
    }

    public Task<HttpResponseMessage> PostAsync(JsonObject activity) =>
        PostAsync(activity, Issuer.Token(AppId, (string?)activity["serviceUrl"]));

    public Task<HttpResponseMessage> PostAsync(JsonObject activity, string? token) =>
        PostRawAsync(activity.ToJsonString(), token);

    public Task<HttpResponseMessage> PostRawAsync(string body, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return Client.SendAsync(request);
    }

    public IReadOnlyList<ConnectorCall> CallsFor(string conversationId) =>
        [.. Connector.Calls.Where(c => c.Path.Contains(conversationId, StringComparison.Ordinal))];

    /// <summary>Every text in a card, joined: what a person would read.</summary>
    public static string Texts(JsonNode? node) => node switch
    {
        JsonObject o => string.Join("\n", o.Select(p => p.Key is "text" or "value" or "title" && p.Value is JsonValue v ? v.ToString() : Texts(p.Value))),
        JsonArray a => string.Join("\n", a.Select(Texts)),
        _ => "",
    };

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) as JsonObject ?? throw new InvalidOperationException("The response is not a JSON object");

    public Task<Workspace> WorkspaceAsync() => Store.ResolveWorkspaceAsync(Platform.Teams, Tenant, Tenant, CancellationToken.None);

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await factory!.DisposeAsync();
        await Connector.DisposeAsync();
        await Issuer.DisposeAsync();
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    private sealed class FixedAppToken(string token) : IAppTokenSource
    {
        public Task<string> GetTokenAsync(CancellationToken ct) => Task.FromResult(token);
    }
}
