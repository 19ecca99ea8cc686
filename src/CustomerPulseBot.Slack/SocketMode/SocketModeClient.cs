using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerPulseBot.Slack.Api;
using CustomerPulseBot.Slack.Payloads;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerPulseBot.Slack.SocketMode;

/// <summary>
/// Socket Mode (reference section 9): the same dispatcher as the HTTP endpoints, fed from a WebSocket that
/// the app opens itself, so it runs without a public URL. Slack recycles sockets with a <c>disconnect</c>
/// frame; a new socket is opened first and the old one closed after, so nothing is missed in between.
/// </summary>
internal sealed class SocketModeClient(
    SlackApiClient slack,
    SlackDispatcher dispatcher,
    IOptions<SlackOptions> options,
    TimeProvider clock,
    ILogger<SocketModeClient> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromSeconds(1);
        ClientWebSocket? previous = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            ClientWebSocket? socket = null;
            try
            {
                socket = await ConnectAsync(stoppingToken);
                await CloseAsync(previous);
                previous = null;
                backoff = TimeSpan.FromSeconds(1);
                if (await ReceiveAsync(socket, stoppingToken))
                {
                    // Slack asked for a new socket: this one stays open until the next is up.
                    (previous, socket) = (socket, null);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // apps.connections.open is Tier 1: back off rather than hammer it (reference section 9).
                logger.LogWarning(e, "Socket Mode connection lost; reconnecting in {Seconds} s", backoff.TotalSeconds);
                await Task.Delay(backoff, clock, stoppingToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
            finally
            {
                await CloseAsync(socket);
            }
        }

        await CloseAsync(previous);
    }

    private async Task<ClientWebSocket> ConnectAsync(CancellationToken ct)
    {
        var url = await slack.OpenConnectionAsync(options.Value.AppToken!, ct); // registered only with an app token
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(30);
        await socket.ConnectAsync(url, ct);
        logger.LogInformation("Socket Mode connected");
        return socket;
    }

    /// <summary>Reads frames until Slack asks for a new socket (true) or this one ends (false).</summary>
    private async Task<bool> ReceiveAsync(ClientWebSocket socket, CancellationToken ct)
    {
        using var sending = new SemaphoreSlim(1);
        while (socket.State == WebSocketState.Open)
        {
            var text = await ReadMessageAsync(socket, ct);
            if (text is null)
            {
                return false;
            }

            var envelope = JsonSerializer.Deserialize<SocketEnvelope>(text, SlackJson.Options);
            switch (envelope)
            {
                case { Type: "hello" }:
                    break;
                case { Type: "disconnect" }:
                    logger.LogInformation("Socket Mode disconnect requested ({Reason}); reconnecting", envelope.Reason);
                    return true;
                case { EnvelopeId: { } id }:
                    // Each delivery on its own task, so a slow capture does not hold up the next acknowledgement.
                    _ = Task.Run(() => HandleAsync(socket, sending, id, envelope, ct), ct);
                    break;
            }
        }

        return false;
    }

    private async Task HandleAsync(ClientWebSocket socket, SemaphoreSlim sending, string envelopeId, SocketEnvelope envelope, CancellationToken ct)
    {
        var ack = new JsonObject { ["envelope_id"] = envelopeId };
        try
        {
            SlackRequest? request = envelope.Type switch
            {
                "events_api" => envelope.Payload.Deserialize<EventEnvelope>(SlackJson.Options),
                "slash_commands" => envelope.Payload.Deserialize<SlashCommandPayload>(SlackJson.Options),
                "interactive" => envelope.Payload.Deserialize<InteractionPayload>(SlackJson.Options),
                _ => null,
            };
            var reply = request is null ? SlackReply.Empty : await dispatcher.DispatchAsync(request, ct);
            if (envelope.AcceptsResponsePayload && reply.Body is not null)
            {
                ack["payload"] = reply.Body;
            }
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogError(e, "Socket Mode delivery {EnvelopeId} ({Type}) failed", envelopeId, envelope.Type);
        }

        await sending.WaitAsync(ct);
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(ack.ToJsonString()), WebSocketMessageType.Text, true, ct);
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException)
        {
            // The socket was recycled meanwhile; Slack redelivers an unacknowledged event on another one.
            logger.LogWarning("Socket Mode acknowledgement for {EnvelopeId} not sent: the socket closed", envelopeId);
        }
        finally
        {
            sending.Release();
        }
    }

    /// <summary>One whole message: Slack may split a frame (reference section 9).</summary>
    private static async Task<string?> ReadMessageAsync(ClientWebSocket socket, CancellationToken ct)
    {
        using var message = new MemoryStream();
        var buffer = new byte[16 * 1024];
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        return Encoding.UTF8.GetString(message.ToArray());
    }

    private async Task CloseAsync(ClientWebSocket? socket)
    {
        if (socket is null)
        {
            return;
        }

        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
            }
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException)
        {
            logger.LogDebug(e, "Socket Mode connection was already gone");
        }
        finally
        {
            socket.Dispose();
        }
    }
}
