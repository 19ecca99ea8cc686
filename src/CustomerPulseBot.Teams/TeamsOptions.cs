namespace CustomerPulseBot.Teams;

// The Teams configuration section; appsettings.example.json has one note per key.
internal sealed class TeamsOptions
{
    public const string Section = "Teams";

    public bool Enabled { get; set; } = true;

    // The bot's Microsoft App ID: the audience of inbound tokens and the client id of outbound ones.
    public string AppId { get; set; } = "";

    public string AppPassword { get; set; } = "";

    // Set for a single-tenant bot: outbound tokens come from this tenant, and activities from any other are refused.
    public string? TenantId { get; set; }

    // More tenants whose activities are accepted; empty (and no TenantId) means any tenant.
    public List<string> AllowedTenants { get; set; } = [];

    // Fixed by the Bot Framework (teams-bot-framework.md, section 2); tests point it at a local issuer.
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    // Only a test issuer on 127.0.0.1 serves its metadata over plain HTTP.
    public bool RequireHttpsMetadata { get; set; } = true;

    public string AuthorityHost { get; set; } = "https://login.microsoftonline.com";

    // Activities whose serviceUrl is not on one of these hosts are refused, so the app token never goes
    // anywhere else (teams-bot-framework.md, section 8: commercial, GCC and GCC High). Hosts in configuration are
    // added to these (the configuration binder appends to a list that has items).
    public List<string> ServiceUrlHosts { get; set; } =
        ["smba.trafficmanager.net", "smba.infra.gcc.teams.microsoft.com", "smba.infra.gov.teams.microsoft.us"];

    // For the local Microsoft 365 Agents Playground, which sends no token: an activity without one is
    // accepted only when this is on and its serviceUrl is on this machine.
    public bool AllowUnauthenticatedLocal { get; set; }

    public IEnumerable<string> Tenants => TenantId is { Length: > 0 } tenant ? AllowedTenants.Append(tenant) : AllowedTenants;
}
