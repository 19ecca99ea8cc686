using CustomerPulseBot.Core.Workspaces;
using CustomerPulseBot.Teams;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace CustomerPulseBot.Web.Playground;

public static class PlaygroundSetup
{
    private const string AssetsNamespace = "CustomerPulseBot.Web.Playground.assets";

    // The page renders cards with the adaptivecards library, which sets inline styles; scripts come only from here.
    private const string ContentSecurityPolicy =
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; frame-ancestors 'none'";

    public static IServiceCollection AddPlayground(this IServiceCollection services)
    {
        services.AddOptions<PlaygroundOptions>()
            .Configure<IHostEnvironment>((options, environment) => options.Enabled = environment.IsDevelopment())
            .BindConfiguration(PlaygroundOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<PlaygroundApi>();
        // The page's card actions take Teams' route (the same verbs), whether or not Teams itself is switched on.
        services.TryAddSingleton<CardVerbs>();
        services.AddSingleton<DemoData>();
        services.AddSingleton<IPlatformAdmins, PlaygroundAdmins>();
        return services;
    }

    /// <summary>The page, its assets and its API; when the playground is off, none of them exist (404).</summary>
    public static WebApplication MapPlayground(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<PlaygroundOptions>>().Value.Enabled)
        {
            return app;
        }

        var assets = new EmbeddedFileProvider(typeof(PlaygroundSetup).Assembly, AssetsNamespace);
        app.UseStaticFiles(new StaticFileOptions { FileProvider = assets, RequestPath = "/playground/assets" });
        app.MapGet("/playground", (HttpContext http) =>
        {
            http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            return Results.Stream(assets.GetFileInfo("index.html").CreateReadStream(), "text/html; charset=utf-8");
        });

        // The real addresses are known once the server has bound them (with port 0, only then).
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PlaygroundSetup));
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                logger.LogInformation("Playground: {PlaygroundUrl}", Browsable(address) + "/playground");
            }
        });

        var api = app.MapGroup("/playground/api");
        // Each body is read by the one capped reader every endpoint uses, not by model binding, which would read it whole.
        api.MapPost("/messages", (PlaygroundApi playground, HttpContext http, CancellationToken ct) =>
            playground.ReceiveAsync<MessagePayload>(http, payload => playground.MessageAsync(payload, http, ct)));
        api.MapPost("/capture", (PlaygroundApi playground, HttpContext http, CancellationToken ct) =>
            playground.ReceiveAsync<CapturePayload>(http, payload => playground.CaptureAsync(payload, http, ct)));
        api.MapPost("/demo", (PlaygroundApi playground, HttpContext http, CancellationToken ct) =>
            playground.ReceiveAsync<DemoPayload>(http, payload => playground.DemoAsync(payload, http, ct)));
        return app;
    }

    /// <summary>An address a browser can open: a server bound to every interface is reached on this machine as localhost.</summary>
    private static string Browsable(string address)
    {
        var uri = new UriBuilder(address);
        if (uri.Host is "0.0.0.0" or "[::]" or "+" or "*")
        {
            uri.Host = "localhost";
        }

        return uri.Uri.GetLeftPart(UriPartial.Authority);
    }
}
