using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace CustomerPulseBot.Teams.Connector;

// Client credentials with MSAL (teams-bot-framework.md, section 3). One application for the app's lifetime:
// MSAL keeps the token in its cache and asks Entra again only when it is about to expire.
internal sealed class MsalAppTokenSource : IAppTokenSource
{
    // Multi-tenant bots get their token from the botframework.com tenant; single-tenant ones from their own.
    public const string MultiTenant = "botframework.com";
    private static readonly string[] Scopes = ["https://api.botframework.com/.default"];
    private readonly IConfidentialClientApplication application;

    public MsalAppTokenSource(IOptions<TeamsOptions> options, IHttpClientFactory http)
    {
        var settings = options.Value;
        var tenant = string.IsNullOrEmpty(settings.TenantId) ? MultiTenant : settings.TenantId;
        application = ConfidentialClientApplicationBuilder.Create(settings.AppId)
            .WithClientSecret(settings.AppPassword)
            .WithAuthority($"{settings.AuthorityHost.TrimEnd('/')}/{tenant}")
            // The authority is known, so the discovery round trip is skipped (and tests can serve the token endpoint).
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(new MsalHttpClientFactory(http))
            .Build();
    }

    public async Task<string> GetTokenAsync(CancellationToken ct) =>
        (await application.AcquireTokenForClient(Scopes).ExecuteAsync(ct)).AccessToken;

    private sealed class MsalHttpClientFactory(IHttpClientFactory http) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => http.CreateClient(nameof(MsalAppTokenSource));
    }
}
