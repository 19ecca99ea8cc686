using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.TestKit.Slack;

/// <summary>Slack's Socket Mode end on 127.0.0.1: hands each WebSocket the app opens to the test, which talks for Slack.</summary>
public sealed class FakeSocketModeServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Channel<SocketModeConnection> connections = Channel.CreateUnbounded<SocketModeConnection>();

    private FakeSocketModeServer(WebApplication app) => this.app = app;

    /// <summary>What apps.connections.open should answer with.</summary>
    public string Url => app.Urls.Single().Replace("http://", "ws://").TrimEnd('/') + "/link/?ticket=fake";

    public static async Task<FakeSocketModeServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeSocketModeServer(app);
        app.UseWebSockets();
        app.Map("/link", async (HttpContext http) =>
        {
            using var socket = await http.WebSockets.AcceptWebSocketAsync();
            var connection = new SocketModeConnection(socket);
            server.connections.Writer.TryWrite(connection);
            await connection.Closed;
        });
        await app.StartAsync();
        return server;
    }

    /// <summary>The next socket the app opens; gives up after 30 s, never to pass.</summary>
    public async Task<SocketModeConnection> NextConnectionAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await connections.Reader.ReadAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}

public sealed class SocketModeConnection(WebSocket socket)
{
    private readonly TaskCompletionSource closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Closed => closed.Task;

    public Task SendAsync(string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The next text message from the app, or null once it closes the socket.</summary>
    public async Task<string?> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var message = new MemoryStream();
        var buffer = new byte[16 * 1024];
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                closed.TrySetResult();
                return null;
            }

            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        return Encoding.UTF8.GetString(message.ToArray());
    }

    public void Release() => closed.TrySetResult();
}
