using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.TestKit.Slack;

/// <summary>
/// Slack's Web API and response_url hooks on 127.0.0.1: records every call and answers as Slack does
/// (<c>{"ok":true,...}</c>), or as a test tells it to for one method (an error, a 429 with Retry-After).
/// </summary>
public sealed class FakeSlackApi : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly object gate = new();
    private readonly List<SlackCall> calls = [];
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeAnswer>> scripted = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Task>> held = new();
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FakeSlackApi(WebApplication app) => this.app = app;

    private Uri Root => new(app.Urls.Single().TrimEnd('/') + "/");

    /// <summary>What <c>Slack:ApiBaseUrl</c> should be set to.</summary>
    public string ApiBaseUrl => new Uri(Root, "api/").ToString();

    /// <summary>A response_url for a payload, served by this fake and recorded with method <c>hooks/{name}</c>.</summary>
    public string ResponseUrl(string name) => new Uri(Root, $"hooks/{name}").ToString();

    /// <summary>What apps.connections.open answers with; unset, it answers as Slack does for a token without Socket Mode.</summary>
    public string? SocketModeUrl { get; set; }

    public IReadOnlyList<SlackCall> Calls
    {
        get
        {
            lock (gate)
            {
                return [.. calls];
            }
        }
    }

    public static async Task<FakeSlackApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSlackApi(app);
        app.MapPost("/api/{method}", (string method, HttpRequest request) => fake.AnswerAsync(method, request));
        app.MapPost("/hooks/{name}", (string name, HttpRequest request) => fake.AnswerAsync($"hooks/{name}", request));
        await app.StartAsync();
        return fake;
    }

    /// <summary>The next call to <paramref name="method"/> gets this answer instead of the usual one.</summary>
    public void AnswerNext(string method, int status, string json, TimeSpan? retryAfter = null) =>
        scripted.GetOrAdd(method, _ => new()).Enqueue(new FakeAnswer(status, json, retryAfter));

    /// <summary>The next call to <paramref name="method"/> is recorded at once but answered only when <paramref name="release"/> completes.</summary>
    public void HoldNext(string method, Task release) => held.GetOrAdd(method, _ => new()).Enqueue(release);

    /// <summary>
    /// Waits for the <paramref name="count"/>th call to <paramref name="method"/> (and returns it). Background
    /// work makes these calls after the request has been answered; the wait gives up after 30 s, never to pass.
    /// </summary>
    public async Task<SlackCall> WaitForAsync(string method, int count = 1)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            Task next;
            lock (gate)
            {
                var matching = calls.Where(c => c.Method == method).ToList();
                if (matching.Count >= count)
                {
                    return matching[count - 1];
                }

                next = changed.Task;
            }

            try
            {
                await next.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No call {count} to {method}; calls so far: {string.Join(", ", Calls.Select(c => c.Method))}");
            }
        }
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private async Task<IResult> AnswerAsync(string method, HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var call = new SlackCall(method, request.Headers.Authorization.ToString(), request.ContentType ?? "", await reader.ReadToEndAsync());
        lock (gate)
        {
            calls.Add(call);
            changed.TrySetResult();
            changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        if (held.TryGetValue(method, out var gates) && gates.TryDequeue(out var release))
        {
            await release;
        }

        if (scripted.TryGetValue(method, out var queue) && queue.TryDequeue(out var answer))
        {
            if (answer.RetryAfter is { } wait)
            {
                request.HttpContext.Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return Results.Text(answer.Json, "application/json", statusCode: answer.Status);
        }

        return Results.Text(Usual(method, call, SocketModeUrl).ToJsonString(), "application/json");
    }

    private static JsonObject Usual(string method, SlackCall call, string? socketModeUrl) => method switch
    {
        "apps.connections.open" => socketModeUrl is null
            ? new() { ["ok"] = false, ["error"] = "not_allowed_token_type" }
            : new() { ["ok"] = true, ["url"] = socketModeUrl },
        "chat.postMessage" => new() { ["ok"] = true, ["channel"] = (string?)call.Json?["channel"], ["ts"] = "1700000001.000100" },
        "chat.postEphemeral" => new() { ["ok"] = true, ["message_ts"] = "1700000001.000200" },
        "chat.update" => new() { ["ok"] = true, ["channel"] = (string?)call.Json?["channel"], ["ts"] = (string?)call.Json?["ts"] },
        "views.open" or "views.publish" => new() { ["ok"] = true, ["view"] = new JsonObject { ["id"] = "V0FAKE0001", ["hash"] = "h1" } },
        "chat.getPermalink" => new()
        {
            ["ok"] = true,
            ["channel"] = call.Form["channel"].ToString(),
            ["permalink"] = $"https://fake.slack.com/archives/{call.Form["channel"]}/p{call.Form["message_ts"].ToString().Replace(".", "")}",
        },
        "users.info" => new()
        {
            ["ok"] = true,
            ["user"] = new JsonObject
            {
                ["id"] = call.Form["user"].ToString(),
                ["name"] = "jane",
                ["real_name"] = "Jane Doe",
                ["tz"] = "America/New_York",
                ["profile"] = new JsonObject { ["display_name"] = "Jane" },
            },
        },
        _ when method.StartsWith("hooks/", StringComparison.Ordinal) => new() { ["ok"] = true },
        _ => new() { ["ok"] = false, ["error"] = "unknown_method" },
    };

    private sealed record FakeAnswer(int Status, string Json, TimeSpan? RetryAfter);
}

/// <summary>One recorded call: the method (or <c>hooks/{name}</c>), its Authorization header and body.</summary>
public sealed record SlackCall(string Method, string Authorization, string ContentType, string Body)
{
    public JsonObject? Json => ContentType.StartsWith("application/json", StringComparison.Ordinal) ? JsonNode.Parse(Body) as JsonObject : null;

    public Dictionary<string, Microsoft.Extensions.Primitives.StringValues> Form => QueryHelpers.ParseQuery(Body);
}
