using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace CustomerPulseBot.Slack.SocketMode;

/// <summary>One Socket Mode socket and the deliveries it brought that are still being handled.</summary>
internal sealed class SocketConnection(ClientWebSocket socket)
{
    private readonly ConcurrentDictionary<Task, byte> handling = new();

    /// <summary>A WebSocket takes one send at a time; acknowledgements finish in any order.</summary>
    private readonly SemaphoreSlim sending = new(1);

    public ClientWebSocket Socket => socket;

    public void Track(Task delivery)
    {
        handling.TryAdd(delivery, 0);
        delivery.ContinueWith(done => handling.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public async Task SendAsync(JsonObject frame, CancellationToken ct)
    {
        await sending.WaitAsync(ct);
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(frame.ToJsonString()), WebSocketMessageType.Text, true, ct);
        }
        finally
        {
            sending.Release();
        }
    }

    /// <summary>True once every delivery tracked so far is answered; false when <paramref name="grace"/> ran out first.</summary>
    public async Task<bool> AnsweredAsync(TimeSpan grace)
    {
        var answered = Task.WhenAll(handling.Keys);
        return await Task.WhenAny(answered, Task.Delay(grace)) == answered;
    }
}
