using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace CustomerPulseBot.DigestBench;

/// <summary>
/// Slack's Web API for many workspaces on 127.0.0.1. oauth.v2.access installs the team named by the code
/// (<c>code-{team}</c>) with the bot token <c>xoxb-{team}</c>; chat.postMessage is held to Slack's limits
/// (slack-platform.md, section 5): one message per second per channel, and a workspace-wide cap of
/// <see cref="PerWorkspacePerMinute"/> a minute, the low end of Slack's "several hundred". Each host may be given a base
/// URL of its own (<see cref="ApiBaseUrlFor"/>), so the ledger knows which host sent each post.
/// <para>
/// A post is in the channel once accepted, as on Slack: conversations.history answers from what was accepted, newest
/// first, with each message's <c>metadata</c> when asked for <c>include_all_metadata</c>. With a post delay, the answer
/// to chat.postMessage comes that much after the message is in the channel, so a host killed meanwhile never learns
/// that it posted.
/// </para>
/// </summary>
internal sealed class LimitedSlackApi(WebApplication app, Ledger ledger, TimeSpan postDelay) : IAsyncDisposable
{
    public const int PerWorkspacePerMinute = 300;
    private const string TokenPrefix = "Bearer xoxb-";

    /// <summary>conversations.history's page size when none is asked for, and the most it gives (Slack's documented limits).</summary>
    private const int DefaultPage = 100;

    private const int MaxPage = 999;

    private readonly object gate = new();
    private readonly Dictionary<(string Team, string Channel), List<Message>> channels = [];
    private readonly Dictionary<string, int> answered = [];
    private long lastTs;

    public Ledger Ledger => ledger;

    public string ApiBaseUrl => app.Urls.Single().TrimEnd('/') + "/api/";

    /// <summary>Called with each accepted post and how many the ledger holds then, before the post is answered.</summary>
    public Action<AcceptedPost, int>? Accepted { get; set; }

    public static async Task<LimitedSlackApi> StartAsync(TimeSpan postDelay = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new LimitedSlackApi(app, new Ledger(
            """{"ok":false,"error":"ratelimited"}""",
            new RateWindows("per channel", (1, TimeSpan.FromSeconds(1))),
            new RateWindows("per workspace", (PerWorkspacePerMinute, TimeSpan.FromMinutes(1)))), postDelay);
        app.MapMethods("/api/{method}", ["GET", "POST"], (string method, HttpContext http) => fake.AnswerAsync("", method, http));
        app.MapMethods("/{sender}/api/{method}", ["GET", "POST"], (string sender, string method, HttpContext http) => fake.AnswerAsync(sender, method, http));
        await app.StartAsync();
        return fake;
    }

    public static string Code(string team) => $"code-{team}";

    /// <summary>The Web API base for one host: the same API, with that host's posts marked as its own.</summary>
    public string ApiBaseUrlFor(string sender) => app.Urls.Single().TrimEnd('/') + $"/{sender}/api/";

    /// <summary>How many of <paramref name="sender"/>'s posts were answered: the others it never heard back on.</summary>
    public int Answered(string sender)
    {
        lock (gate)
        {
            return answered.GetValueOrDefault(sender);
        }
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();

    private async Task<IResult> AnswerAsync(string sender, string method, HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        return method switch
        {
            "oauth.v2.access" => OAuthAccess(Form(body, "code")),
            "chat.postMessage" => await PostMessageAsync(sender, http, body),
            "conversations.history" => History(http, body),
            "users.info" => Json(new() { ["ok"] = true, ["user"] = new JsonObject { ["id"] = Form(body, "user"), ["name"] = "bench", ["tz"] = "UTC" } }),
            _ => Json(new() { ["ok"] = true }),
        };
    }

    private static IResult OAuthAccess(string code)
    {
        var team = code.StartsWith("code-", StringComparison.Ordinal) ? code["code-".Length..] : "";
        return team.Length == 0
            ? Json(new() { ["ok"] = false, ["error"] = "invalid_code" })
            : Json(new()
            {
                ["ok"] = true,
                ["access_token"] = $"xoxb-{team}",
                ["token_type"] = "bot",
                ["scope"] = "commands,chat:write,chat:write.public,users:read,channels:history,groups:history,im:history,mpim:history",
                ["bot_user_id"] = "UBENCHBOT",
                ["app_id"] = "A0BENCH01",
                ["team"] = new JsonObject { ["id"] = team, ["name"] = $"Bench {team}" },
                ["enterprise"] = null,
                ["is_enterprise_install"] = false,
                ["authed_user"] = new JsonObject { ["id"] = "U0BENCHADMIN" },
            });
    }

    private async Task<IResult> PostMessageAsync(string sender, HttpContext http, string body)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        var args = JsonNode.Parse(body) as JsonObject;
        var channel = (string?)args?["channel"];
        if (!authorization.StartsWith(TokenPrefix, StringComparison.Ordinal) || channel is null)
        {
            return Json(new() { ["ok"] = false, ["error"] = channel is null ? "channel_not_found" : "not_authed" });
        }

        var team = authorization[TokenPrefix.Length..];
        if (ledger.Admit(http, $"{team}/{channel}", team) is { } refusal)
        {
            return refusal;
        }

        var post = new AcceptedPost(team, channel, DateTimeOffset.UtcNow, new Uri(http.Request.GetEncodedUrl()), authorization, http.Request.ContentType ?? "", body, sender);
        Message message;
        lock (gate)
        {
            message = new Message(NextTs(), args!, team); // args is an object: it named a channel
            if (!channels.TryGetValue((team, channel), out var messages))
            {
                channels[(team, channel)] = messages = [];
            }

            messages.Add(message);
        }

        var count = ledger.Record(post);
        Accepted?.Invoke(post, count);
        try
        {
            await Task.Delay(postDelay, http.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The host went away waiting: the message stays in the channel, unanswered.
            return Results.Empty;
        }

        lock (gate)
        {
            answered[sender] = answered.GetValueOrDefault(sender) + 1;
        }

        return Json(new() { ["ok"] = true, ["channel"] = channel, ["ts"] = message.Ts, ["message"] = message.ToJson(withMetadata: true) });
    }

    /// <summary>
    /// conversations.history as Slack documents it: form fields (a GET's query or a POST's form body; Slack reads no JSON
    /// here), messages newest first between <c>oldest</c> and <c>latest</c> (exclusive unless <c>inclusive</c>), at most
    /// <c>limit</c> a page with a cursor to the next, and each message's metadata only with <c>include_all_metadata</c>.
    /// </summary>
    private IResult History(HttpContext http, string body)
    {
        var args = http.Request.HasFormContentType ? QueryHelpers.ParseQuery(body) : http.Request.Query.ToDictionary(q => q.Key, q => q.Value);
        var authorization = http.Request.Headers.Authorization.ToString();
        var token = authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..] : Arg(args, "token");
        if (token is null || !token.StartsWith("xoxb-", StringComparison.Ordinal))
        {
            return Json(new() { ["ok"] = false, ["error"] = "not_authed" });
        }

        if (Arg(args, "channel") is not { Length: > 0 } channel)
        {
            return Json(new() { ["ok"] = false, ["error"] = "channel_not_found" });
        }

        var inclusive = Flag(args, "inclusive");
        var oldest = Ts(Arg(args, "oldest")) ?? 0;
        var latest = Ts(Arg(args, "latest")) ?? long.MaxValue;
        var limit = Math.Clamp(int.TryParse(Arg(args, "limit"), CultureInfo.InvariantCulture, out var asked) && asked > 0 ? asked : DefaultPage, 1, MaxPage);
        var before = Ts(Arg(args, "cursor") is { Length: > 0 } cursor ? Encoding.UTF8.GetString(Convert.FromBase64String(cursor)) : null);
        List<Message> page;
        bool more;
        lock (gate)
        {
            var matching = channels.GetValueOrDefault((token["xoxb-".Length..], channel), [])
                .Where(m => (inclusive ? m.Micros >= oldest : m.Micros > oldest) && (inclusive ? m.Micros <= latest : m.Micros < latest))
                .Where(m => before is not { } b || m.Micros < b)
                .OrderByDescending(m => m.Micros)
                .ToList();
            page = [.. matching.Take(limit)];
            more = matching.Count > limit;
        }

        var withMetadata = Flag(args, "include_all_metadata");
        return Json(new()
        {
            ["ok"] = true,
            ["messages"] = new JsonArray([.. page.Select(m => (JsonNode)m.ToJson(withMetadata))]),
            ["has_more"] = more,
            ["pin_count"] = 0,
            ["response_metadata"] = new JsonObject
            {
                ["next_cursor"] = more ? Convert.ToBase64String(Encoding.UTF8.GetBytes(page[^1].Ts)) : "",
            },
        });
    }

    /// <summary>A message ts, "seconds.microseconds", unique and rising on this fake as Slack's are in a channel.</summary>
    private string NextTs()
    {
        lastTs = Math.Max(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000, lastTs + 1);
        return $"{lastTs / 1_000_000}.{lastTs % 1_000_000:000000}";
    }

    private static long? Ts(string? ts) =>
        ts is { Length: > 0 } && decimal.TryParse(ts, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)
            ? (long)(seconds * 1_000_000)
            : null;

    private static string? Arg(IDictionary<string, StringValues> args, string name) => args.TryGetValue(name, out var value) ? value.ToString() : null;

    private static bool Flag(IDictionary<string, StringValues> args, string name) => Arg(args, name) is "true" or "1";

    private static string Form(string body, string name) => QueryHelpers.ParseQuery(body)[name].ToString();

    private static IResult Json(JsonObject body) => Results.Text(body.ToJsonString(), "application/json");

    /// <summary>A message in a channel as conversations.history shows a bot's post.</summary>
    private sealed record Message(string Ts, JsonObject Args, string Team)
    {
        public long Micros { get; } = LimitedSlackApi.Ts(Ts)!.Value; // NextTs writes it

        public JsonObject ToJson(bool withMetadata)
        {
            var message = new JsonObject
            {
                ["type"] = "message",
                ["user"] = "UBENCHBOT",
                ["bot_id"] = "B0BENCH01",
                ["app_id"] = "A0BENCH01",
                ["team"] = Team,
                ["text"] = Args["text"]?.DeepClone(),
                ["ts"] = Ts,
            };
            if (Args["blocks"] is { } blocks)
            {
                message["blocks"] = blocks.DeepClone();
            }

            // Metadata is sent as an object (JSON body) or as a JSON string (form body); Slack stores the object.
            if (withMetadata && Args["metadata"] is { } metadata)
            {
                message["metadata"] = metadata is JsonValue value && value.TryGetValue<string>(out var text) ? JsonNode.Parse(text) : metadata.DeepClone();
            }

            return message;
        }
    }
}
