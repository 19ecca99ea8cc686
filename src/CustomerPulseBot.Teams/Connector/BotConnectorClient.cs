using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerPulseBot.Teams.Activities;
using CustomerPulseBot.Teams.Auth;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Teams.Connector;

// The Connector REST calls we make (teams-bot-framework.md, section 3), always to a serviceUrl that came with an
// authenticated activity. Timeouts and the retries of a 412 or 429 are the host's outbound policy; a 502 or 504
// is not retried there, since the activity may have been posted. Every send first waits for the conversation's limiter.
internal sealed class BotConnectorClient(
    HttpClient http, IAppTokenSource tokens, ConversationLimiter limiter, LocalPlayground playground, ILogger<BotConnectorClient> logger)
{
    public Task<string> ReplyAsync(Activity to, Activity reply, CancellationToken ct)
    {
        var conversation = to.Conversation?.Id ?? "";
        var activity = reply with
        {
            From = to.Recipient,
            Recipient = to.From,
            Conversation = to.Conversation,
            ReplyToId = to.Id,
        };
        var path = to.Id is null ? $"v3/conversations/{Escape(conversation)}/activities" : $"v3/conversations/{Escape(conversation)}/activities/{Escape(to.Id)}";
        return SendActivityAsync("reply", HttpMethod.Post, to.ServiceUrl!, conversation, to.TenantId, path, activity, ct); // a validated activity always has one
    }

    public Task<string> SendAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken ct) =>
        SendActivityAsync("send", HttpMethod.Post, serviceUrl, conversationId, activity.TenantId, $"v3/conversations/{Escape(conversationId)}/activities", activity, ct);

    // Replaces the whole activity: Teams has no partial update.
    public Task<string> UpdateAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct) =>
        SendActivityAsync("update", HttpMethod.Put, serviceUrl, conversationId, activity.TenantId,
            $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", activity with { Id = activityId }, ct);

    public async Task<ConversationResource> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken ct)
    {
        var key = parameters.ChannelData?.Channel?.Id ?? parameters.Members?.FirstOrDefault()?.Id ?? "";
        var answer = await CallAsync("create conversation", HttpMethod.Post, serviceUrl, key, parameters.TenantId, "v3/conversations", parameters, ct);
        return new ConversationResource((string?)answer["id"] ?? "", (string?)answer["activityId"]);
    }

    /// <summary>
    /// One member of a conversation or team (GET v3/conversations/{id}/members/{memberId}; the member may be named by their
    /// Teams id or Entra object id), or null when the roster has no such member. A read: no send limiter applies.
    /// </summary>
    public async Task<TeamsMember?> GetMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Address(serviceUrl, $"v3/conversations/{Escape(conversationId)}/members/{Escape(memberId)}"));
        try
        {
            var answer = await SendAsync("get member", serviceUrl, request, ct);
            return answer.Deserialize<TeamsMember>(TeamsJson.Options);
        }
        catch (BotConnectorException e) when (e.Status == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private async Task<string> SendActivityAsync(
        string operation, HttpMethod method, string serviceUrl, string conversationId, string? tenantId, string path, Activity activity, CancellationToken ct)
    {
        var answer = await CallAsync(operation, method, serviceUrl, conversationId, tenantId, path, activity, ct);
        return (string?)answer["id"] ?? "";
    }

    private async Task<JsonObject> CallAsync<T>(
        string operation, HttpMethod method, string serviceUrl, string conversationId, string? tenantId, string path, T body, CancellationToken ct)
    {
        using var permit = await limiter.AcquireAsync(conversationId, tenantId, ct);
        using var request = new HttpRequestMessage(method, Address(serviceUrl, path))
        {
            Content = JsonContent.Create(body, options: TeamsJson.Options),
        };
        return await SendAsync(operation, serviceUrl, request, ct);
    }

    private async Task<JsonObject> SendAsync(string operation, string serviceUrl, HttpRequestMessage request, CancellationToken ct)
    {
        // The local Agents Playground takes no token, and the app has none to give when it runs without Entra.
        if (!playground.Trusts(serviceUrl))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(ct));
        }

        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            var code = ErrorCode(text);
            logger.LogWarning(
                "Connector {Operation} failed with {Status} {Code}; operation id {OperationId}",
                operation, (int)response.StatusCode, code, response.Headers.TryGetValues("X-Correlating-OperationId", out var ids) ? ids.First() : null);
            throw new BotConnectorException(operation, response.StatusCode, code);
        }

        return text.Length > 0 && JsonNode.Parse(text) is JsonObject answer ? answer : [];
    }

    private static string? ErrorCode(string body)
    {
        try
        {
            var error = JsonNode.Parse(body);
            return (string?)error?["error"]?["code"] ?? (string?)error?["errorCode"];
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Uri Address(string serviceUrl, string path) => new(new Uri(serviceUrl.TrimEnd('/') + "/"), path);

    private static string Escape(string part) => Uri.EscapeDataString(part);
}
