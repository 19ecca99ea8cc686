using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CustomerPulseBot.Slack.BlockKit;

namespace CustomerPulseBot.Slack.Api;

/// <summary>
/// The Slack Web API methods this bot calls (reference section 5). HTTP 200 still needs <c>ok</c>. Timeouts,
/// and the retries of a 429 after its Retry-After, are the host's outbound policy around the HttpClient.
/// </summary>
internal sealed class SlackApiClient(HttpClient http)
{
    /// <summary>Messages read per page of history; Slack gives apps outside its Marketplace 15 at most, whatever is asked.</summary>
    private const int HistoryLimit = 100;

    public Task<string> PostMessageAsync(string token, string channel, SlackMessage message, string? threadTs, CancellationToken ct) =>
        PostAsync(token, channel, message, threadTs, null, ct);

    /// <summary>
    /// chat.postMessage of a scheduled post: <paramref name="metadata"/> (event_type and event_payload) travels with
    /// the message, where conversations.history can read it back.
    /// </summary>
    public Task<string> PostDeliveryAsync(string token, string channel, SlackMessage message, JsonObject metadata, CancellationToken ct) =>
        PostAsync(token, channel, message, null, metadata, ct);

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

    /// <summary>The app's direct message conversation with a person (D...), which conversations.history needs in place of the user id.</summary>
    public async Task<string> OpenDirectAsync(string token, string userId, CancellationToken ct)
    {
        var answer = await CallAsync("conversations.open", token, new JsonObject { ["users"] = userId }, ct);
        return (string?)answer["channel"]?["id"] ?? throw new SlackApiException("conversations.open", "no_channel");
    }

    /// <summary>Read methods take form fields, not JSON (reference section 5).</summary>
    public async Task<string> GetPermalinkAsync(string token, string channel, string messageTs, CancellationToken ct)
    {
        var answer = await SendAsync("chat.getPermalink", Form("chat.getPermalink", token, ("channel", channel), ("message_ts", messageTs)), ct);
        return (string?)answer["permalink"] ?? throw new SlackApiException("chat.getPermalink", "no_permalink");
    }

    /// <summary>
    /// One page of conversations.history after <paramref name="oldest"/>, newest first, each message with its
    /// metadata (include_all_metadata), and the cursor of the next page, if any.
    /// </summary>
    public async Task<HistoryPage> GetHistoryAsync(string token, string channel, DateTimeOffset oldest, string? cursor, CancellationToken ct)
    {
        var fields = new List<(string, string)>
        {
            ("channel", channel),
            ("oldest", (oldest.ToUnixTimeMilliseconds() / 1000m).ToString("0.000000", CultureInfo.InvariantCulture)),
            ("limit", HistoryLimit.ToString(CultureInfo.InvariantCulture)),
            ("include_all_metadata", "true"),
        };
        if (cursor is not null)
        {
            fields.Add(("cursor", cursor));
        }

        var answer = await SendAsync("conversations.history", Form("conversations.history", token, [.. fields]), ct);
        var next = (string?)answer["response_metadata"]?["next_cursor"];
        return new HistoryPage([.. (answer["messages"] as JsonArray ?? []).OfType<JsonObject>()], string.IsNullOrEmpty(next) ? null : next);
    }

    /// <summary>
    /// users.info: the name to show (display name, else real name, else the handle), the person's IANA time zone
    /// (<c>tz</c>), when Slack has one, and whether they are a workspace owner or admin.
    /// </summary>
    public async Task<SlackUser> GetUserAsync(string token, string userId, CancellationToken ct)
    {
        var answer = await SendAsync("users.info", Form("users.info", token, ("user", userId)), ct);
        var user = answer["user"];
        var name = new[] { (string?)user?["profile"]?["display_name"], (string?)user?["real_name"], (string?)user?["name"] }
            .FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)) ?? userId;
        var admin = new[] { "is_admin", "is_owner", "is_primary_owner" }.Any(flag => (bool?)user?[flag] == true);
        return new SlackUser(name, (string?)user?["tz"], admin);
    }

    /// <summary>Client credentials go in HTTP Basic, as reference section 8 prefers.</summary>
    public async Task<OAuthAccess> ExchangeCodeAsync(
        string clientId, string clientSecret, string code, string? redirectUri, CancellationToken ct)
    {
        var fields = new List<(string, string)> { ("code", code), ("grant_type", "authorization_code") };
        if (redirectUri is not null)
        {
            fields.Add(("redirect_uri", redirectUri));
        }

        var request = Form("oauth.v2.access", null, [.. fields]);
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{clientSecret}")));
        var answer = await SendAsync("oauth.v2.access", request, ct);
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
        var answer = await SendAsync("apps.connections.open", Form("apps.connections.open", appToken), ct);
        return new Uri((string?)answer["url"] ?? throw new SlackApiException("apps.connections.open", "no_url"));
    }

    /// <summary>A deferred reply through a slash command's or button's response_url: the URL is the credential.</summary>
    public async Task RespondAsync(string responseUrl, JsonObject body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, responseUrl)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new SlackApiException("response_url", $"http_{(int)response.StatusCode}");
        }
    }

    private async Task<string> PostAsync(
        string token, string channel, SlackMessage message, string? threadTs, JsonObject? metadata, CancellationToken ct)
    {
        var args = Message(message);
        args["channel"] = channel;
        args["unfurl_links"] = false;
        if (threadTs is not null)
        {
            args["thread_ts"] = threadTs;
        }

        if (metadata is not null)
        {
            args["metadata"] = metadata;
        }

        var answer = await CallAsync("chat.postMessage", token, args, ct);
        return (string?)answer["ts"] ?? "";
    }

    /// <summary>Write methods take JSON; the charset keeps Slack from warning about it (reference section 5).</summary>
    private Task<JsonObject> CallAsync(string method, string token, JsonObject args, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, method)
        {
            Content = new StringContent(args.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return SendAsync(method, request, ct);
    }

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

    /// <summary>Sends <paramref name="request"/> and disposes it; the answer's envelope, when it says <c>ok</c>.</summary>
    private async Task<JsonObject> SendAsync(string method, HttpRequestMessage request, CancellationToken ct)
    {
        using var sent = request;
        using var response = await http.SendAsync(request, ct);
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

    private static JsonObject Message(SlackMessage message)
    {
        var json = message.ToJson();
        json.Remove("response_type");
        return json;
    }
}
