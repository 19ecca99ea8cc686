using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using CustomerPulseBot.TestKit;

namespace CustomerPulseBot.Web.Tests.Teams;

/// <summary>
/// The Microsoft 365 Agents Playground (npm @microsoft/m365agentsplayground, pinned in tests/interop), run headless
/// in anonymous mode against a bot endpoint: a person types through its conversation API, and the bot's replies
/// are read from its conversation stream (test-infrastructure.md, "Microsoft 365 Agents Playground").
/// </summary>
public sealed class AgentsPlayground : IAsyncDisposable
{
    // Only a guard against a hung process; a passing run answers in well under a second per message.
    private static readonly TimeSpan Hung = TimeSpan.FromSeconds(60);

    private readonly Process node;
    private readonly string folder;
    private readonly ClientWebSocket stream = new();
    private readonly Channel<JsonObject> events = Channel.CreateUnbounded<JsonObject>();
    private readonly List<string> seen = [];
    private readonly CancellationTokenSource stop = new();
    private Task reading = Task.CompletedTask;

    private AgentsPlayground(Process node, string folder, int port)
    {
        this.node = node;
        this.folder = folder;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
    }

    public HttpClient Http { get; }

    public JsonObject Config { get; private set; } = [];

    public string PersonalChat => (string)Config["personalChat"]!["id"]!;

    public string TenantId => (string)Config["tenantId"]!;

    public string BotId => (string)Config["bot"]!["id"]!;

    /// <summary>Every frame read from the stream so far, for failure messages.</summary>
    public string Seen => string.Join("\n", seen);

    public static async Task<AgentsPlayground> StartAsync(string botEndpoint)
    {
        var cli = Path.Combine(InteropScript.Folder, "node_modules", "@microsoft", "m365agentsplayground", "cli.js");
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException($"{cli} is missing: run `npm ci --prefix tests/interop` in {Checkout.Root}.");
        }

        var folder = Directory.CreateTempSubdirectory("agents-playground-").FullName;
        var start = new ProcessStartInfo("node", [cli, "-p", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture), "-e", botEndpoint, "-c", "msteams", "--disable-telemetry"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["TEAMSAPPTESTER_BROWSER"] = "none",
                ["M365_AGENTS_PLAYGROUND_LOGFILE"] = Path.Combine(folder, "playground.log"),
            },
        };
        var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        _ = node.StandardError.ReadToEndAsync();

        // It prints the port it really took (another one when the asked one is taken).
        using var hung = new CancellationTokenSource(Hung);
        int port;
        while (true)
        {
            var line = await node.StandardOutput.ReadLineAsync(hung.Token)
                ?? throw new InvalidOperationException($"The Agents Playground exited with {node.ExitCode} before listening");
            if (line.StartsWith("Listening on ", StringComparison.Ordinal))
            {
                port = int.Parse(line["Listening on ".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                break;
            }
        }

        _ = node.StandardOutput.ReadToEndAsync();
        var playground = new AgentsPlayground(node, folder, port);
        await playground.ConnectAsync(port);
        return playground;
    }

    /// <summary>Sends text as the playground's user in the personal chat and returns the bot's reply activity to it.</summary>
    public async Task<JsonObject> SayAsync(string text)
    {
        var response = await Http.PostAsJsonAsync($"_conversation/v1/conversations/{Uri.EscapeDataString(PersonalChat)}/messages", new JsonObject
        {
            ["from"] = new JsonObject { ["id"] = (string?)Config["currentUser"]?["id"] ?? "user-id-0" },
            ["text"] = text,
            ["textFormat"] = "plain",
        });
        response.EnsureSuccessStatusCode();
        var sent = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var messageId = (string?)sent["messageId"] ?? throw new InvalidOperationException($"No messageId in {sent.ToJsonString()}");
        var sentAt = (long?)sent["timestamp"] ?? long.Parse(messageId, System.Globalization.CultureInfo.InvariantCulture);

        using var hung = new CancellationTokenSource(Hung);
        try
        {
            while (true)
            {
                var message = await events.Reader.ReadAsync(hung.Token);
                // The stream drops replyToId, so the reply is the bot's first message created after the person's.
                if ((string?)message["from"]?["id"] == BotId && (long?)message["timestamp"] > sentAt)
                {
                    return message;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No reply to \"{text}\" (message {messageId}) within {Hung}; stream so far:\n{Seen}");
        }
    }

    /// <summary>
    /// Sends an invoke as the playground's user in the personal chat, as a click on the card in message
    /// <paramref name="replyToId"/> would (Action.Execute), and returns the bot's answer.
    /// </summary>
    public async Task<JsonObject> InvokeAsync(string name, string replyToId, JsonObject value)
    {
        var response = await Http.PostAsJsonAsync("_conversation/v1/invoke", new JsonObject
        {
            ["name"] = name,
            ["conversation"] = new JsonObject { ["id"] = PersonalChat },
            ["from"] = new JsonObject { ["id"] = (string?)Config["currentUser"]?["id"] ?? "user-id-0" },
            ["replyToId"] = replyToId,
            ["value"] = value,
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body) as JsonObject ?? throw new InvalidOperationException($"The invoke answer is not an object: {body}");
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        stream.Abort();
        await reading.ContinueWith(_ => { }, TaskScheduler.Default);
        stream.Dispose();
        Http.Dispose();
        node.Kill(entireProcessTree: true);
        await node.WaitForExitAsync();
        node.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private async Task ConnectAsync(int port)
    {
        Config = (await Http.GetFromJsonAsync<JsonObject>("_internal/v1/config"))!["config"]!.AsObject();
        await stream.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/_ws_conversation/v1/conversations/stream"), stop.Token);
        reading = ReadAsync();
    }

    // Keeps the messages created in the chat; everything else on the stream is noted only.
    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        while (!stop.IsCancellationRequested)
        {
            var result = await stream.ReceiveAsync(buffer, stop.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            frame.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage)
            {
                continue;
            }

            var text = Encoding.UTF8.GetString(frame.ToArray());
            frame.SetLength(0);
            seen.Add(text);
            foreach (var message in Messages(JsonNode.Parse(text)))
            {
                await events.Writer.WriteAsync(message, stop.Token);
            }
        }
    }

    private static IEnumerable<JsonObject> Messages(JsonNode? node) => node switch
    {
        JsonObject o when (string?)o["action"] == "createMessage" && o["message"] is JsonObject message => [message],
        JsonArray a => a.SelectMany(Messages),
        _ => [],
    };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
