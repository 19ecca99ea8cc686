using CustomerPulseBot.Web.Playground;
using Microsoft.Extensions.Options;

namespace CustomerPulseBot.Web.Hosting;

public static class HostingSetup
{
    /// <summary>Where the app listens when nothing says otherwise: the address in the README.</summary>
    public const string DefaultAddress = "http://localhost:5080";

    /// <summary>
    /// Listens on <see cref="DefaultAddress"/> unless <c>--urls</c>, <c>ASPNETCORE_URLS</c> (or <c>DOTNET_URLS</c>),
    /// <c>HTTP_PORTS</c>/<c>HTTPS_PORTS</c> or Kestrel endpoints in the configuration say where. The launch profile
    /// names no address, so each of these works with <c>dotnet run</c> as well.
    /// </summary>
    public static WebApplicationBuilder ListenOnDefaultAddress(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var named = new[] { WebHostDefaults.ServerUrlsKey, WebHostDefaults.HttpPortsKey, WebHostDefaults.HttpsPortsKey }
            .Any(key => !string.IsNullOrWhiteSpace(configuration[key]));
        if (!named && !configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.WebHost.UseUrls(DefaultAddress);
        }

        return builder;
    }

    /// <summary>"/" opens the playground when it is on; otherwise it answers a short status page instead of an empty 404.</summary>
    public static WebApplication MapHome(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<PlaygroundOptions>>().Value.Enabled)
        {
            app.MapGet("/", () => Results.Redirect("/playground"));
            return app;
        }

        app.MapGet("/", () => Results.Text(
            "CustomerPulseBot is running.\nHealth: /health\nThe playground page is off (Playground:Enabled); never turn it on where the public can reach it.\n",
            "text/plain; charset=utf-8"));
        return app;
    }
}
