using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CustomerPulseBot.Slack.BlockKit;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Slack.Api;

/// <summary>
/// The Slack Web API methods this bot calls (reference section 5). HTTP 200 still needs <c>ok</c>; a 429 is
/// retried after its Retry-After, a few times, then reported.
/// </summary>
internal sealed class SlackApiClient(HttpClient http, TimeProvider clock, ILogger<SlackApiClient> logger)
{
    private const int MaxAttempts = 3;

    public async Task<string> PostMessageAsync(string token, string channel, SlackMessage message, string? threadTs, CancellationToken ct)
    {
        var args = Message(message);
        args["channel"] = channel;
        args["unfurl_links"] = false;
        if (threadTs is not null)
        {
            args["thread_ts"] = threadTs;
        }

        var answer = await CallAsync("chat.postMessage", token, args, ct);
        return (string?)answer["ts"] ?? "";
    }

    public Task PostEphemeralAsync(string token, string channel, string user, SlackMessage message, CancellationToken ct)
    {
        var args = Message(message);
        args["channel"] = channel;
        args["user"] = user;
        return CallAsync("chat.postEphemeral", token, args, ct);
    }

    public Task UpdateAsync(string token, string channel, string ts, SlackMessage message, CancellationToken ct)
    {
        var args = Message(message);
        args["channel"] = channel;
        args["ts"] = ts;
        return CallAsync("chat.update", token, args, ct);
    }

    public async Task<string> OpenViewAsync(string token, string triggerId, JsonObject view, CancellationToken ct)
    {
        var answer = await CallAsync("views.open", token, new JsonObject { ["trigger_id"] = triggerId, ["view"] = view }, ct);
        return (string?)answer["view"]?["id"] ?? "";
    }

    public Task PublishHomeAsync(string token, string userId, JsonObject view, CancellationToken ct) =>
        CallAsync("views.publish", token, new JsonObject { ["user_id"] = userId, ["view"] = view }, ct);

    /// <summary>Read methods take form fields, not JSON (reference section 5).</summary>
    public async Task<string> GetPermalinkAsync(string token, string channel, string messageTs, CancellationToken ct)
    {
        var answer = await SendAsync("chat.getPermalink", () => Form("chat.getPermalink", token, ("channel", channel), ("message_ts", messageTs)), ct);
        return (string?)answer["permalink"] ?? throw new SlackApiException("chat.getPermalink", "no_permalink");
    }

    /// <summary>
    /// users.info: the name to show (display name, else real name, else the handle) and the person's IANA
    /// time zone (<c>tz</c>), when Slack has one.
    /// </summary>
    public async Task<SlackUser> GetUserAsync(string token, string userId, CancellationToken ct)
    {
        var answer = await SendAsync("users.info", () => Form("users.info", token, ("user", userId)), ct);
        var user = answer["user"];
        var name = new[] { (string?)user?["profile"]?["display_name"], (string?)user?["real_name"], (string?)user?["name"] }
            .FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)) ?? userId;
        return new SlackUser(name, (string?)user?["tz"]);
    }

    /// <summary>Client credentials go in HTTP Basic, as reference section 8 prefers.</summary>
    public async Task<OAuthAccess> ExchangeCodeAsync(
        string clientId, string clientSecret, string code, string? redirectUri, CancellationToken ct)
    {
        var answer = await SendAsync("oauth.v2.access", () =>
        {
            var fields = new List<(string, string)> { ("code", code), ("grant_type", "authorization_code") };
            if (redirectUri is not null)
            {
                fields.Add(("redirect_uri", redirectUri));
            }

            var request = Form("oauth.v2.access", null, [.. fields]);
            request.Headers.Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{clientSecret}")));
            return request;
        }, ct);
        return new OAuthAccess(
            (string?)answer["access_token"] ?? throw new SlackApiException("oauth.v2.access", "no_access_token"),
            (string?)answer["team"]?["id"] ?? "",
            (string?)answer["team"]?["name"],
            (string?)answer["enterprise"]?["id"],
            (bool?)answer["is_enterprise_install"] ?? false,
            (string?)answer["bot_user_id"],
            (string?)answer["scope"],
            (string?)answer["authed_user"]?["id"]);
    }

    /// <summary>A Socket Mode WebSocket URL; only the app-level token (xapp-) may ask (reference section 9).</summary>
    public async Task<Uri> OpenConnectionAsync(string appToken, CancellationToken ct)
    {
        var answer = await SendAsync("apps.connections.open", () => Form("apps.connections.open", appToken), ct);
        return new Uri((string?)answer["url"] ?? throw new SlackApiException("apps.connections.open", "no_url"));
    }

    /// <summary>A deferred reply through a slash command's or button's response_url: the URL is the credential.</summary>
    public async Task RespondAsync(string responseUrl, JsonObject body, CancellationToken ct)
    {
        using var response = await SendWithRetriesAsync("response_url", () => new HttpRequestMessage(HttpMethod.Post, responseUrl)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        }, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new SlackApiException("response_url", $"http_{(int)response.StatusCode}");
        }
    }

    /// <summary>Write methods take JSON; the charset keeps Slack from warning about it (reference section 5).</summary>
    private Task<JsonObject> CallAsync(string method, string token, JsonObject args, CancellationToken ct) =>
        SendAsync(method, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, method)
            {
                Content = new StringContent(args.ToJsonString(), Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return request;
        }, ct);

    private static HttpRequestMessage Form(string method, string? token, params (string Name, string Value)[] fields)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, method)
        {
            Content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    private async Task<JsonObject> SendAsync(string method, Func<HttpRequestMessage> build, CancellationToken ct)
    {
        using var response = await SendWithRetriesAsync(method, build, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        var answer = body.StartsWith('{') ? JsonNode.Parse(body) as JsonObject : null;
        if (answer is null)
        {
            throw new SlackApiException(method, $"http_{(int)response.StatusCode}");
        }

        if ((bool?)answer["ok"] != true)
        {
            throw new SlackApiException(method, (string?)answer["error"] ?? "unknown_error");
        }

        return answer;
    }

    private async Task<HttpResponseMessage> SendWithRetriesAsync(string method, Func<HttpRequestMessage> build, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = build();
            var response = await http.SendAsync(request, ct);
            if (response.StatusCode != HttpStatusCode.TooManyRequests || attempt == MaxAttempts)
            {
                return response;
            }

            // Rate limits are per method and workspace; Slack says how long to wait, and hammering earns more 429s.
            var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            response.Dispose();
            logger.LogWarning("Slack {Method} rate limited; retrying in {Seconds} s", method, wait.TotalSeconds);
            await Task.Delay(wait, clock, ct);
        }
    }

    private static JsonObject Message(SlackMessage message)
    {
        var json = message.ToJson();
        json.Remove("response_type");
        return json;
    }
}
