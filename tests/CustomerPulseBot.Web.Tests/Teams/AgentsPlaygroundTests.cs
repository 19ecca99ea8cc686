using System.Net;
using System.Text.Json.Nodes;
using CustomerPulseBot.Core;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Workspaces;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPulseBot.Web.Tests.Teams;

// The bot on Kestrel at 127.0.0.1 with unauthenticated local activities allowed, and Microsoft's own stand-in
// for Teams talking to it: real activities in, replies through the playground's Connector.
public sealed class AgentsPlaygroundTests
{
    [Fact]
    public async Task AnswersHelpCapturesByTextAndCardAndRanks_WhenAPersonChatsInTheAgentsPlayground()
    {
        await using var app = PulseAppFactory.Sqlite("Development",
            ("Teams:AppId", TeamsHost.AppId), ("Teams:AppPassword", "unused-locally"), ("Teams:AllowUnauthenticatedLocal", "true"));
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single(); // Kestrel always has it
        await using var playground = await AgentsPlayground.StartAsync($"{address}/api/messages");
        var quote = $"Exporting the Q3 report timed out twice today {Guid.NewGuid():N}";
        var cardQuote = $"The export spins for ten minutes every Monday {Guid.NewGuid():N}";

        var help = await playground.SayAsync("help");
        var capture = await playground.SayAsync($"{quote} customer:Acme segment:buyer #export-timeouts");
        var form = await playground.SayAsync("");
        var byCard = await playground.InvokeAsync("adaptiveCard/action", (string)form["messageId"]!, new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["verb"] = "captureSignal",
                ["data"] = new JsonObject { ["action"] = "captureSignal", ["quote"] = cardQuote, ["customer"] = "Globex", ["themes"] = "export-timeouts" },
            },
        });
        var top = await playground.SayAsync("what are this week's top pain points?");

        Assert.Contains("what you can say", Card(help), StringComparison.Ordinal);
        Assert.Contains("Signal captured", Card(capture), StringComparison.Ordinal);
        Assert.Contains("Capture a customer signal", Card(form), StringComparison.Ordinal);
        Assert.Contains("Signal captured", TeamsHost.Texts(byCard), StringComparison.Ordinal);
        Assert.Contains("#export-timeouts", Card(top), StringComparison.Ordinal);
        Assert.Contains("2 signals from 2 customers", Card(top), StringComparison.Ordinal);
        Assert.Contains(quote, Card(top), StringComparison.Ordinal);
        var store = app.Services.GetRequiredService<IPulseStore>();
        var workspace = await store.ResolveWorkspaceAsync(Platform.Teams, playground.TenantId, playground.TenantId, CancellationToken.None);
        var stored = Assert.Single(await store.FindSignalsAsync(workspace.Id, new SignalFilter(Text: quote), 5, CancellationToken.None));
        Assert.Equal("Acme", stored.Customer);
        Assert.Equal(["export-timeouts"], stored.Themes);
        var fromCard = Assert.Single(await store.FindSignalsAsync(workspace.Id, new SignalFilter(Text: cardQuote), 5, CancellationToken.None));
        Assert.Equal("Globex", fromCard.Customer);
    }

    private static string Card(JsonObject reply) => TeamsHost.Texts(reply["attachments"]?[0]?["content"]);
}
