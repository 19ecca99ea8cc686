using CustomerPulseBot.Core.Digests;
using CustomerPulseBot.Core.Workspaces;
using CustomerPulseBot.Teams.Auth;
using CustomerPulseBot.Teams.Connector;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CustomerPulseBot.Teams;

public static class TeamsSetup
{
    /// <summary>
    /// The Teams bot, when the configuration has a <c>Teams</c> section that is not switched off; without one
    /// nothing is added. Enabled without an app id or password, start-up fails: authentication never turns off.
    /// </summary>
    public static IServiceCollection AddTeams(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(TeamsOptions.Section);
        var settings = section.Get<TeamsOptions>();
        if (!section.Exists() || settings is not { Enabled: true })
        {
            return services;
        }

        foreach (var (name, value) in new[] { (nameof(TeamsOptions.AppId), settings.AppId), (nameof(TeamsOptions.AppPassword), settings.AppPassword) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw Refuse(
                    $"Teams is enabled but Teams:{name} is not set. Copy it from the Azure Bot resource (Configuration), or set Teams:Enabled to false.");
            }
        }

        services.AddOptions<TeamsOptions>().Bind(section);
        services.TryAddSingleton(TimeProvider.System);
        // Its own limit wins over the host's outbound policy (client settings apply after the defaults): see MetadataTimeout.
        services.AddHttpClient(nameof(BotAuthenticator), http => http.Timeout = BotAuthenticator.MetadataTimeout);
        services.AddHttpClient(nameof(MsalAppTokenSource));
        services.AddSingleton(provider =>
            new ConfigurationManager<OpenIdConnectConfiguration>(
                settings.OpenIdMetadataUrl,
                new OpenIdConnectConfigurationRetriever(),
                new HttpDocumentRetriever(provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(BotAuthenticator)))
                {
                    RequireHttps = settings.RequireHttpsMetadata,
                }));
        services.AddSingleton<LocalPlayground>();
        services.AddSingleton<BotAuthenticator>();
        services.AddSingleton<IAppTokenSource, MsalAppTokenSource>();
        services.AddSingleton<ConversationLimiter>();
        // Timeouts and safe retries (412, 429) are the host's one outbound policy (Web, OutboundSetup).
        services.AddHttpClient<BotConnectorClient>();
        services.AddSingleton<TeamsContexts>();
        services.AddSingleton<TeamsAdmins>();
        services.AddSingleton<IPlatformAdmins>(provider => provider.GetRequiredService<TeamsAdmins>());
        services.AddSingleton<TeamsMessages>();
        services.TryAddSingleton<CardVerbs>();
        services.AddSingleton<CaptureCardActions>();
        services.AddSingleton<MessageExtension>();
        services.AddSingleton<Installations>();
        services.AddSingleton<ProactiveMessages>();
        services.AddSingleton<IChatPoster, TeamsChatPoster>();
        services.AddSingleton<TeamsDispatcher>();
        return services;
    }

    /// <summary>A setting that cannot work: the host stops before serving, with one line naming the setting.</summary>
    private static OptionsValidationException Refuse(string problem) => new(TeamsOptions.Section, typeof(TeamsOptions), [problem]);

    /// <summary>The bot's messaging endpoint; nothing when <see cref="AddTeams"/> found Teams switched off.</summary>
    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetService<TeamsDispatcher>() is null)
        {
            return app;
        }

        // Unauthenticated activities are for the local Agents Playground, in Development only (LocalPlayground): a
        // Production host refuses to start with them, and any other ignores the setting and says so.
        var environment = app.ServiceProvider.GetRequiredService<IHostEnvironment>();
        if (app.ServiceProvider.GetRequiredService<IOptions<TeamsOptions>>().Value.AllowUnauthenticatedLocal && !environment.IsDevelopment())
        {
            if (environment.IsProduction())
            {
                throw Refuse(
                    "Teams:AllowUnauthenticatedLocal is on in the Production environment. It is for the local Agents Playground only: switch it off, or run in Development.");
            }

            app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TeamsSetup)).LogWarning(
                "Teams:AllowUnauthenticatedLocal is ignored in the {Environment} environment: it works in Development only", environment.EnvironmentName);
        }

        app.MapPost("/api/messages", TeamsEndpoint.MessagesAsync);
        return app;
    }
}
