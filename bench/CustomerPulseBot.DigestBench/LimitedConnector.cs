using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.DigestBench;

/// <summary>
/// The Bot Connector of one serviceUrl on 127.0.0.1, held to Teams' limits (teams-bot-framework.md, section 3
/// "Rate limits"): per bot per conversation thread 7 sends or creates a second, 8 in 2 s, 60 in 30 s and 1800
/// an hour, and 50 requests a second per app per tenant. A new channel post (create conversation) counts against
/// the channel's thread. The tenant of a conversation is known from the set-up, as Teams knows it.
/// </summary>
internal sealed class LimitedConnector(WebApplication app, Ledger ledger) : IAsyncDisposable
{
    public const int PerTenantPerSecond = 50;
    private const string Base = "/bench/";
    private readonly ConcurrentDictionary<string, string> tenants = new();
    private int ids;

    public Ledger Ledger => ledger;

    /// <summary>The serviceUrl activities carry: with a path and a trailing slash, as Teams sends it.</summary>
    public string ServiceUrl => app.Urls.Single().TrimEnd('/') + Base;

    public static async Task<LimitedConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new LimitedConnector(app, new Ledger(
            """{"error":{"code":"Throttled","message":"Too many requests"}}""",
            new RateWindows("per thread", (7, TimeSpan.FromSeconds(1)), (8, TimeSpan.FromSeconds(2)), (60, TimeSpan.FromSeconds(30)), (1800, TimeSpan.FromHours(1))),
            new RateWindows("per tenant", (PerTenantPerSecond, TimeSpan.FromSeconds(1)))));
        app.Map(Base + "{**path}", (string path, HttpContext http) => fake.AnswerAsync(http));
        await app.StartAsync();
        return fake;
    }

    /// <summary>A conversation the bot is in, and its tenant.</summary>
    public void AddConversation(string conversationId, string tenant) => tenants[conversationId] = tenant;

    public ValueTask DisposeAsync() => app.DisposeAsync();

    private async Task<IResult> AnswerAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var parts = http.Request.Path.Value![Base.Length..].Split('/');
        return (http.Request.Method, parts) switch
        {
            ("POST", ["v3", "conversations"]) => Create(http, body),
            (_, ["v3", "conversations", var conversation, "activities", ..]) => Send(http, body, conversation),
            _ => Results.StatusCode(StatusCodes.Status405MethodNotAllowed),
        };
    }

    // A channel post opens a new thread in the channel; otherwise a 1:1 chat with the one member is opened (or found).
    private IResult Create(HttpContext http, string body)
    {
        var parameters = JsonNode.Parse(body) as JsonObject;
        var tenant = (string?)parameters?["tenantId"] ?? (string?)parameters?["channelData"]?["tenant"]?["id"];
        var channel = (string?)parameters?["channelData"]?["channel"]?["id"];
        var thread = channel ?? (string?)parameters?["members"]?[0]?["id"];
        if (tenant is null || thread is null)
        {
            return Error(StatusCodes.Status400BadRequest, "BadArgument");
        }

        if (ledger.Admit(http, thread, tenant) is { } refusal)
        {
            return refusal;
        }

        var id = Interlocked.Increment(ref ids);
        if (channel is null)
        {
            var chat = $"a:{tenant}:{thread}";
            tenants[chat] = tenant;
            return Json(StatusCodes.Status201Created, new() { ["id"] = chat });
        }

        if (parameters?["activity"] is not null)
        {
            Record(http, tenant, channel, body);
        }

        return Json(StatusCodes.Status201Created, new() { ["id"] = $"{channel};messageid={id}", ["activityId"] = $"{id}" });
    }

    private IResult Send(HttpContext http, string body, string conversation)
    {
        var thread = conversation.Split(';')[0];
        if (!tenants.TryGetValue(thread, out var tenant))
        {
            return Error(StatusCodes.Status404NotFound, "ConversationNotFound");
        }

        if (ledger.Admit(http, thread, tenant) is { } refusal)
        {
            return refusal;
        }

        Record(http, tenant, thread, body);
        return Json(http.Request.Method == "PUT" ? StatusCodes.Status200OK : StatusCodes.Status201Created, new() { ["id"] = $"{Interlocked.Increment(ref ids)}" });
    }

    private void Record(HttpContext http, string tenant, string thread, string body) =>
        ledger.Record(new AcceptedPost(tenant, thread, DateTimeOffset.UtcNow, new Uri(http.Request.GetEncodedUrl()), null, http.Request.ContentType ?? "", body));

    private static IResult Error(int status, string code) =>
        Json(status, new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = code } });

    private static IResult Json(int status, JsonObject body) => Results.Text(body.ToJsonString(), "application/json", statusCode: status);
}
