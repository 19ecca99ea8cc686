using System.Collections.Concurrent;
using System.Globalization;
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
/// (<c>{"ok":true,...}</c>), or as a test tells it to for one method (an error, a 429 with Retry-After). The
/// messages chat.postMessage posts stay in their conversations, with their metadata, for conversations.history.
/// </summary>
public sealed class FakeSlackApi : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly object gate = new();
    private readonly List<SlackCall> calls = [];
    private readonly Dictionary<string, List<JsonObject>> conversations = [];
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeAnswer>> scripted = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Task>> held = new();
    private readonly ConcurrentDictionary<string, bool> admins = new();
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long posts;

    private FakeSlackApi(WebApplication app) => this.app = app;

    private Uri Root => new(app.Urls.Single().TrimEnd('/') + "/");

    /// <summary>What <c>Slack:ApiBaseUrl</c> should be set to.</summary>
    public string ApiBaseUrl => new Uri(Root, "api/").ToString();

    /// <summary>A response_url for a payload, served by this fake and recorded with method <c>hooks/{name}</c>.</summary>
    public string ResponseUrl(string name) => new Uri(Root, $"hooks/{name}").ToString();

    /// <summary>What apps.connections.open answers with; unset, it answers as Slack does for a token without Socket Mode.</summary>
    public string? SocketModeUrl { get; set; }

    /// <summary>Slack's clock, which stamps each message's ts: a test on a fake clock gives the app's, so history reads line up.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>
    /// The most messages one page of conversations.history holds, whatever limit is asked: Slack's maximum is 999,
    /// and apps outside its Marketplace get 15.
    /// </summary>
    public int HistoryPageLimit { get; set; } = 999;

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

    /// <summary>From now on users.info says the person is a workspace admin (<c>is_admin</c>); everyone else is not.</summary>
    public void MakeAdmin(string userId) => admins[userId] = true;

    /// <summary>The next call to <paramref name="method"/> gets this answer instead of the usual one.</summary>
    public void AnswerNext(string method, int status, string json, TimeSpan? retryAfter = null) =>
        scripted.GetOrAdd(method, _ => new()).Enqueue(new FakeAnswer(status, json, retryAfter));

    /// <summary>
    /// The next call to <paramref name="method"/> is recorded, and takes effect (a message is posted), at once, but
    /// is answered only when <paramref name="release"/> completes: late, or never when the client has given up by then.
    /// </summary>
    public void HoldNext(string method, Task release) => held.GetOrAdd(method, _ => new()).Enqueue(release);

    /// <summary>The messages posted into a conversation, oldest first; a direct message to a person is in <see cref="ConversationOf"/> them.</summary>
    public IReadOnlyList<JsonObject> Messages(string conversation)
    {
        lock (gate)
        {
            return conversations.TryGetValue(conversation, out var messages) ? [.. messages.Select(m => m.DeepClone().AsObject())] : [];
        }
    }

    /// <summary>Where a post to <paramref name="channel"/> lands: a user id (U..., W...) posts into the app's direct message with them (D...).</summary>
    public static string ConversationOf(string channel) => channel.Length > 1 && channel[0] is 'U' or 'W' ? "D" + channel[1..] : channel;

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

        // A scripted answer (an error) means Slack did nothing; otherwise the call takes effect now, answered or not.
        scripted.TryGetValue(method, out var queue);
        var answer = queue is not null && queue.TryDequeue(out var next) ? next : null;
        var usual = answer is null ? Usual(method, call) : null;
        if (held.TryGetValue(method, out var gates) && gates.TryDequeue(out var release))
        {
            try
            {
                await release.WaitAsync(request.HttpContext.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return Results.Empty; // the client gave up first: nobody reads this answer
            }
        }

        if (answer is not null)
        {
            if (answer.RetryAfter is { } wait)
            {
                request.HttpContext.Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            }

            return Results.Text(answer.Json, "application/json", statusCode: answer.Status);
        }

        return Results.Text(usual!.ToJsonString(), "application/json"); // set whenever no answer was scripted
    }

    private JsonObject Usual(string method, SlackCall call) => method switch
    {
        "apps.connections.open" => SocketModeUrl is null
            ? new() { ["ok"] = false, ["error"] = "not_allowed_token_type" }
            : new() { ["ok"] = true, ["url"] = SocketModeUrl },
        "chat.postMessage" => Post(call.Json!), // chat.postMessage always comes as JSON
        "conversations.open" => new() { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = ConversationOf((string?)call.Json?["users"] ?? "") } },
        "conversations.history" => History(call.Form),
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
                ["is_admin"] = admins.ContainsKey(call.Form["user"].ToString()),
                ["is_owner"] = false,
                ["is_primary_owner"] = false,
                ["profile"] = new JsonObject { ["display_name"] = "Jane" },
            },
        },
        _ when method.StartsWith("hooks/", StringComparison.Ordinal) => new() { ["ok"] = true },
        _ => new() { ["ok"] = false, ["error"] = "unknown_method" },
    };

    /// <summary>Posts the message into its conversation, stamped with a ts from <see cref="Clock"/> that is unique and rises.</summary>
    private JsonObject Post(JsonObject args)
    {
        var conversation = ConversationOf((string?)args["channel"] ?? "");
        var ts = $"{Clock.GetUtcNow().ToUnixTimeSeconds()}.{Interlocked.Increment(ref posts):D6}";
        var message = new JsonObject { ["type"] = "message", ["ts"] = ts, ["text"] = args["text"]?.DeepClone() };
        if (args["metadata"] is { } metadata)
        {
            message["metadata"] = metadata.DeepClone();
        }

        lock (gate)
        {
            (conversations.TryGetValue(conversation, out var messages) ? messages : conversations[conversation] = []).Add(message);
        }

        return new() { ["ok"] = true, ["channel"] = conversation, ["ts"] = ts, ["message"] = message.DeepClone() };
    }

    /// <summary>
    /// conversations.history as Slack answers it: messages after <c>oldest</c>, newest first, a page at a time with
    /// a cursor; message metadata only when <c>include_all_metadata</c> asks for it.
    /// </summary>
    private JsonObject History(Dictionary<string, Microsoft.Extensions.Primitives.StringValues> form)
    {
        var oldest = decimal.Parse(form.GetValueOrDefault("oldest", "0").ToString(), CultureInfo.InvariantCulture);
        var limit = Math.Min(int.Parse(form.GetValueOrDefault("limit", "100").ToString(), CultureInfo.InvariantCulture), HistoryPageLimit);
        var from = int.Parse(form.GetValueOrDefault("cursor", "0").ToString() is { Length: > 0 } cursor ? cursor : "0", CultureInfo.InvariantCulture);
        var withMetadata = form.GetValueOrDefault("include_all_metadata").ToString() is "true" or "1";
        var newestFirst = Messages(form.GetValueOrDefault("channel").ToString())
            .Where(m => decimal.Parse((string)m["ts"]!, CultureInfo.InvariantCulture) > oldest)
            .Reverse()
            .ToList();
        var page = new JsonArray([.. newestFirst.Skip(from).Take(limit).Select(m =>
        {
            if (!withMetadata)
            {
                m.Remove("metadata");
            }

            return m;
        })]);
        var more = from + limit < newestFirst.Count;
        return new()
        {
            ["ok"] = true,
            ["messages"] = page,
            ["has_more"] = more,
            ["response_metadata"] = new JsonObject { ["next_cursor"] = more ? (from + limit).ToString(CultureInfo.InvariantCulture) : "" },
        };
    }

    private sealed record FakeAnswer(int Status, string Json, TimeSpan? RetryAfter);
}

/// <summary>One recorded call: the method (or <c>hooks/{name}</c>), its Authorization header and body.</summary>
public sealed record SlackCall(string Method, string Authorization, string ContentType, string Body)
{
    public JsonObject? Json => ContentType.StartsWith("application/json", StringComparison.Ordinal) ? JsonNode.Parse(Body) as JsonObject : null;

    public Dictionary<string, Microsoft.Extensions.Primitives.StringValues> Form => QueryHelpers.ParseQuery(Body);
}
