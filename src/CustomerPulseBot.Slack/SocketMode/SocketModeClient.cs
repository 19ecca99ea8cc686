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
/// Each delivery is acknowledged on the socket that brought it, so a socket being replaced stays open until
/// the deliveries it brought have been answered: an acknowledgement lost there makes Slack deliver again.
/// </summary>
internal sealed class SocketModeClient(
    SlackApiClient slack,
    SlackDispatcher dispatcher,
    IOptions<SlackOptions> options,
    TimeProvider clock,
    ILogger<SocketModeClient> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a replaced socket waits for the deliveries it brought. Handlers answer within Slack's 3 seconds;
    /// the margin covers one that runs late, whose acknowledgement still spares a redelivery.
    /// </summary>
    private static readonly TimeSpan AnswerGrace = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromSeconds(1);
        var retiring = new List<Task>();
        SocketConnection? previous = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            SocketConnection? connection = null;
            try
            {
                connection = await ConnectAsync(stoppingToken);
                if (previous is not null)
                {
                    retiring.Add(RetireAsync(previous));
                    previous = null;
                }

                retiring.RemoveAll(t => t.IsCompleted);
                backoff = TimeSpan.FromSeconds(1);
                if (await ReceiveAsync(connection, stoppingToken))
                {
                    // Slack asked for a new socket: this one stays open until the next is up.
                    (previous, connection) = (connection, null);
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
                if (connection is not null)
                {
                    retiring.Add(RetireAsync(connection));
                }
            }
        }

        if (previous is not null)
        {
            retiring.Add(RetireAsync(previous));
        }

        await Task.WhenAll(retiring);
    }

    private async Task<SocketConnection> ConnectAsync(CancellationToken ct)
    {
        var url = await slack.OpenConnectionAsync(options.Value.AppToken!, ct); // registered only with an app token
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(30);
        try
        {
            await socket.ConnectAsync(url, ct);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        logger.LogInformation("Socket Mode connected");
        return new SocketConnection(socket);
    }

    /// <summary>Reads frames until Slack asks for a new socket (true) or this one ends (false).</summary>
    private async Task<bool> ReceiveAsync(SocketConnection connection, CancellationToken ct)
    {
        while (connection.Socket.State == WebSocketState.Open)
        {
            var text = await ReadMessageAsync(connection.Socket, ct);
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
                    connection.Track(Task.Run(() => HandleAsync(connection, id, envelope, ct), CancellationToken.None));
                    break;
            }
        }

        return false;
    }

    private async Task HandleAsync(SocketConnection connection, string envelopeId, SocketEnvelope envelope, CancellationToken ct)
    {
        var ack = new JsonObject { ["envelope_id"] = envelopeId };
        try
        {
            var reply = Parse(envelope) is { } request && dispatcher.Accepts(request) ? await dispatcher.AnswerAsync(request, envelopeId, ct) : SlackReply.Empty;
            if (envelope.AcceptsResponsePayload && reply?.Body is not null)
            {
                ack["payload"] = reply.Body;
            }

            await connection.SendAsync(ack, ct);
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException)
        {
            // The socket dropped meanwhile; Slack redelivers an unacknowledged event on another one.
            logger.LogWarning("Socket Mode acknowledgement for {EnvelopeId} not sent: the socket closed", envelopeId);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: unacknowledged, so Slack delivers it again, to this app's next socket.
        }
    }

    private SlackRequest? Parse(SocketEnvelope envelope)
    {
        try
        {
            return envelope.Type switch
            {
                "events_api" => envelope.Payload.Deserialize<EventEnvelope>(SlackJson.Options),
                "slash_commands" => envelope.Payload.Deserialize<SlashCommandPayload>(SlackJson.Options),
                "interactive" => envelope.Payload.Deserialize<InteractionPayload>(SlackJson.Options),
                _ => null,
            };
        }
        catch (JsonException)
        {
            // Acknowledged all the same: a delivery we cannot read would only come again.
            logger.LogWarning("Socket Mode delivery {EnvelopeId} ({Type}) does not parse", envelope.EnvelopeId, envelope.Type);
            return null;
        }
    }

    /// <summary>Closes a socket once the deliveries it brought are answered (or <see cref="AnswerGrace"/> has passed).</summary>
    private async Task RetireAsync(SocketConnection connection)
    {
        if (!await connection.AnsweredAsync(AnswerGrace))
        {
            logger.LogWarning("Socket Mode closed a socket with deliveries still unanswered after {Seconds} s", AnswerGrace.TotalSeconds);
        }

        await CloseAsync(connection.Socket);
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

    private async Task CloseAsync(ClientWebSocket socket)
    {
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
