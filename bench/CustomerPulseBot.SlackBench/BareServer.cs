using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.SlackBench;

/// <summary>
/// Kestrel on 127.0.0.1 in the bench's own process: <c>POST /bare</c> answers 200 with nothing else done (the
/// baseline: loopback, HTTP and the load generator itself), <c>POST /durable</c> is the <see cref="DurableInsert"/>
/// baseline when there is one, and <c>/api/{method}</c> stands in for Slack's Web API so that nothing the hosts
/// call leaves the machine.
/// </summary>
internal sealed class BareServer(WebApplication app) : IAsyncDisposable
{
    public Uri Root => new(app.Urls.Single().TrimEnd('/') + "/");

    public Uri Bare => new(Root, "bare");

    public Uri Durable => new(Root, "durable");

    public string ApiBaseUrl => new Uri(Root, "api/").ToString();

    public static async Task<BareServer> StartAsync(DurableInsert? durable)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/bare", () => Results.Ok());
        if (durable is not null)
        {
            app.MapPost("/durable", durable.HandleAsync);
        }

        app.MapPost("/api/{method}", () => Results.Text("""{"ok":true}""", "application/json"));
        await app.StartAsync();
        return new BareServer(app);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
