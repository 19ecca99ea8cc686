using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.TestKit.Teams;

/// <summary>
/// The Bot Connector service of one serviceUrl on 127.0.0.1: records every call and answers as Teams does
/// (201 with an activity id, 200 for an update, a new conversation for create), or as a test tells it to.
/// </summary>
public sealed class FakeBotConnector : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly object gate = new();
    private readonly List<ConnectorCall> calls = [];
    private readonly ConcurrentQueue<(int Status, string Json, int? RetryAfterSeconds)> scripted = new();
    private readonly ConcurrentDictionary<string, JsonObject> members = new();
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int ids;

    private FakeBotConnector(WebApplication app) => this.app = app;

    /// <summary>The serviceUrl to put in activities: with a path and a trailing slash, as Teams sends it.</summary>
    public string ServiceUrl => app.Urls.Single().TrimEnd('/') + "/amer/";

    public IReadOnlyList<ConnectorCall> Calls
    {
        get
        {
            lock (gate)
            {
                return [.. calls];
            }
        }
    }

    public static async Task<FakeBotConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeBotConnector(app);
        app.Map("/amer/{**path}", (HttpRequest request) => fake.AnswerAsync(request));
        await app.StartAsync();
        return fake;
    }

    /// <summary>
    /// A member every roster knows (GET v3/conversations/{id}/members/{memberId}), by their Teams id or their Entra object
    /// id, as TeamsChannelAccount: <paramref name="userRole"/> as the roster would mark them. Anyone else is not found (404).
    /// </summary>
    public void AddMember(string teamsId, string objectId, string name, string userRole = "user")
    {
        var member = new JsonObject { ["id"] = teamsId, ["objectId"] = objectId, ["name"] = name, ["userRole"] = userRole };
        members[teamsId] = member;
        members[objectId] = member;
    }

    /// <summary>The next call gets this answer instead of the usual one.</summary>
    public void AnswerNext(int status, string json, int? retryAfterSeconds = null) => scripted.Enqueue((status, json, retryAfterSeconds));

    /// <summary>Waits for the <paramref name="count"/>th call; gives up after 30 s, never to pass.</summary>
    public async Task<ConnectorCall> WaitForAsync(int count = 1)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            Task next;
            lock (gate)
            {
                if (calls.Count >= count)
                {
                    return calls[count - 1];
                }

                next = changed.Task;
            }

            try
            {
                await next.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No call {count} to the connector; calls so far: {string.Join(", ", Calls.Select(c => c.Path))}");
            }
        }
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private async Task<IResult> AnswerAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var call = new ConnectorCall(
            request.Method, request.Path.Value!["/amer/".Length..], request.Headers.Authorization.ToString(), await reader.ReadToEndAsync());
        int id;
        lock (gate)
        {
            calls.Add(call);
            id = ++ids;
            changed.TrySetResult();
            changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        if (scripted.TryDequeue(out var answer))
        {
            if (answer.RetryAfterSeconds is { } seconds)
            {
                request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            }

            return Results.Text(answer.Json, "application/json", statusCode: answer.Status);
        }

        var activityId = $"activity-{id}";
        var path = call.Path.Split('/');
        return (request.Method, call.Path) switch
        {
            ("GET", _) when path is ["v3", "conversations", _, "members", var member] => members.TryGetValue(member, out var known)
                ? Json(200, (JsonObject)known.DeepClone())
                : Json(404, new() { ["error"] = new JsonObject { ["code"] = "MemberNotFoundInConversation", ["message"] = "The member was not found" } }),
            ("POST", "v3/conversations") => Json(201, new() { ["id"] = $"conversation-{id}", ["activityId"] = activityId }),
            ("PUT", _) => Json(200, new() { ["id"] = call.Path.Split('/')[^1] }),
            ("POST", _) => Json(201, new() { ["id"] = activityId }),
            _ => Results.StatusCode(405),
        };
    }

    private static IResult Json(int status, JsonObject body) => Results.Text(body.ToJsonString(), "application/json", statusCode: status);
}
