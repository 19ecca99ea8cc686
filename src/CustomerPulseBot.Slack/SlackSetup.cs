using CustomerPulseBot.Core.Digests;
using CustomerPulseBot.Core.Workspaces;
using CustomerPulseBot.Slack.Api;
using CustomerPulseBot.Slack.Background;
using CustomerPulseBot.Slack.Capture;
using CustomerPulseBot.Slack.Commands;
using CustomerPulseBot.Slack.Events;
using CustomerPulseBot.Slack.Install;
using CustomerPulseBot.Slack.Posting;
using CustomerPulseBot.Slack.Signing;
using CustomerPulseBot.Slack.SocketMode;
using CustomerPulseBot.Slack.Workspaces;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CustomerPulseBot.Slack;

public static class SlackSetup
{
    /// <summary>
    /// The Slack app, when the configuration has a <c>Slack</c> section that is not switched off; without one
    /// nothing is added. Enabled but without a signing secret, start-up fails (verification never turns off),
    /// unless Socket Mode is on: then the app serves Slack over the socket only and maps no request URLs. One
    /// workspace's bot token without its team id fails too: it would answer any team.
    /// </summary>
    public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SlackOptions.Section);
        var settings = section.Get<SlackOptions>();
        if (!section.Exists() || settings is not { Enabled: true })
        {
            return services;
        }

        if (!settings.ServesHttp && string.IsNullOrWhiteSpace(settings.AppToken))
        {
            throw Refuse(
                "Slack is enabled but Slack:SigningSecret is not set. Copy it from the Slack app's Basic Information page, " +
                "set Slack:AppToken to receive everything over Socket Mode instead, or set Slack:Enabled to false.");
        }

        if (string.IsNullOrWhiteSpace(settings.BotToken) && !settings.MultiWorkspace)
        {
            throw Refuse(
                "Slack is enabled but neither Slack:BotToken (one workspace) nor Slack:ClientId and Slack:ClientSecret (OAuth install) is set.");
        }

        if (!settings.MultiWorkspace && string.IsNullOrWhiteSpace(settings.TeamId))
        {
            throw Refuse(
                "Slack:BotToken is set without Slack:TeamId: set the id (T…) of the team the token belongs to, " +
                "so that requests from any other team are refused.");
        }

        if (settings.QueueCapacity < 1)
        {
            throw Refuse(
                $"Slack:QueueCapacity is {settings.QueueCapacity}: give the number of background items that may wait, at least 1 (the default is 1000).");
        }

        services.AddOptions<SlackOptions>().Bind(section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient<SlackApiClient>(client => client.BaseAddress = new Uri(settings.ApiBaseUrl.TrimEnd('/') + "/"))
            // The client lives in singletons, so connections are recycled by the handler instead of by the factory.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddSingleton<SlackSignatureFilter>();
        services.AddSingleton<SlackWorkspaces>();
        services.AddSingleton<SlackLastChance>();
        services.AddSingleton<SlackBackgroundQueue>();
        services.AddHostedService<SlackBackgroundWorker>();
        services.AddSingleton<CaptureForm>();
        services.AddSingleton<SlackPeople>();
        services.AddSingleton<IPlatformAdmins, SlackAdmins>();
        services.AddSingleton<SlackAsk>();
        services.AddSingleton<SlashCommands>();
        services.AddSingleton<AnswerOffers>();
        services.AddSingleton<AnswerButtons>();
        services.AddSingleton<MeaningButtons>();
        services.AddSingleton<ViewButtons>();
        services.AddSingleton<AppHome>();
        services.AddSingleton<SlackEvents>();
        services.AddSingleton<SlackDispatcher>();
        // Bot tokens at rest and the OAuth state cookie; the host keeps the key ring (see README, "The key ring").
        services.AddDataProtection();
        if (settings.MultiWorkspace)
        {
            services.AddSingleton<IValidateOptions<KeyManagementOptions>, TokenKeyRingCheck>();
            services.AddOptions<KeyManagementOptions>().ValidateOnStart();
        }

        services.AddSingleton<SlackInstaller>();
        services.AddSingleton<SlackPostPacer>();
        services.AddSingleton<IChatPoster, SlackChatPoster>();
        if (!string.IsNullOrWhiteSpace(settings.AppToken))
        {
            services.AddHostedService<SocketModeClient>();
        }

        return services;
    }

    /// <summary>A setting that cannot work: the host stops before serving, with one line naming the setting.</summary>
    private static OptionsValidationException Refuse(string problem) => new(SlackOptions.Section, typeof(SlackOptions), [problem]);

    /// <summary>
    /// Slack's request URLs under /slack; nothing when <see cref="AddSlack"/> found Slack switched off. Without
    /// a signing secret (Socket Mode only) the three signed URLs are not mapped at all: fail closed.
    /// </summary>
    public static IEndpointRouteBuilder MapSlack(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetService<SlackDispatcher>() is null)
        {
            return app;
        }

        var settings = app.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value;
        if (settings.ServesHttp)
        {
            var slack = app.MapGroup("/slack").AddEndpointFilter<SlackSignatureFilter>();
            slack.MapPost("/commands", SlackEndpoints.CommandsAsync);
            slack.MapPost("/interactions", SlackEndpoints.InteractionsAsync);
            slack.MapPost("/events", SlackEndpoints.EventsAsync);
        }

        if (settings.MultiWorkspace)
        {
            // Browser visits, not Slack posts: no signature; the callback checks its OAuth state instead.
            app.MapGet("/slack/install", (HttpContext http, SlackInstaller installer) => installer.Start(http));
            app.MapGet("/slack/oauth/callback", (HttpContext http, SlackInstaller installer, CancellationToken ct) => installer.CallbackAsync(http, ct));
        }

        return app;
    }
}
