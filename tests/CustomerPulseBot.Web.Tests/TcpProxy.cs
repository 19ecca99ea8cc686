using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace CustomerPulseBot.Web.Tests;

/// <summary>
/// Forwards 127.0.0.1 connections to a server until stopped; then it drops every open connection and
/// refuses new ones, which is what a database that went away looks like to the app.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentBag<TcpClient> connections = [];
    private readonly Task accepting;

    /// <summary>Forwards <paramref name="listenPort"/> (any free one when 0) to <paramref name="host"/>:<paramref name="port"/>.</summary>
    public TcpProxy(string host, int port, int listenPort = 0)
    {
        listener = new(IPAddress.Loopback, listenPort);
        listener.Start();
        accepting = AcceptAsync(host, port);
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public async Task StopAsync()
    {
        if (stopping.IsCancellationRequested)
        {
            return;
        }

        await stopping.CancelAsync();
        listener.Stop();
        foreach (var connection in connections)
        {
            connection.Dispose();
        }

        await accepting;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        stopping.Dispose();
    }

    private async Task AcceptAsync(string host, int port)
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var server = new TcpClient();
            connections.Add(client);
            connections.Add(server);
            _ = PipeAsync(client, server, host, port);
        }
    }

    private async Task PipeAsync(TcpClient client, TcpClient server, string host, int port)
    {
        using (client)
        using (server)
        {
            try
            {
                await server.ConnectAsync(host, port, stopping.Token);
                var (a, b) = (client.GetStream(), server.GetStream());
                await Task.WhenAny(a.CopyToAsync(b, stopping.Token), b.CopyToAsync(a, stopping.Token));
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
            {
                // Either side closing, or the proxy stopping, ends the connection: that is the point.
            }
        }
    }
}
