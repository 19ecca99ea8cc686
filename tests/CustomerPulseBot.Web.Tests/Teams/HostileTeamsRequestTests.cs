using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CustomerPulseBot.TestKit.Teams;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CustomerPulseBot.Web.Tests.Teams;

// Malformed, forged and hostile requests through the real pipeline: each gets the answer it should (a refusal, or
// the ordinary answer when Teams may send it), and none gets a 500 or reaches the last-chance handler.
public sealed class HostileTeamsRequestTests(HostileTeamsRequestTests.Hosts hosts) : IClassFixture<HostileTeamsRequestTests.Hosts>
{
    // The bound a request that waited for a stalled key endpoint could not meet (see TeamsSigningKeyTests).
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private TeamsHost Host => hosts.AnyTenant;

    private string ServiceUrl => Host.Connector.ServiceUrl;

    public static TheoryData<string, HttpStatusCode> Corpus => new()
    {
        // Who is calling: every forgery is refused before the body is acted on.
        { "no Authorization header", HttpStatusCode.Unauthorized },
        { "Basic credentials", HttpStatusCode.Unauthorized },
        { "Bearer without a token", HttpStatusCode.Unauthorized },
        { "Bearer with garbage", HttpStatusCode.Unauthorized },
        { "a 64 KB token", HttpStatusCode.Unauthorized },
        { "token with alg none", HttpStatusCode.Unauthorized },
        { "token signed HS256 with the published RSA key", HttpStatusCode.Unauthorized },
        { "expired token", HttpStatusCode.Unauthorized },
        { "token not valid yet", HttpStatusCode.Unauthorized },
        { "token for another bot", HttpStatusCode.Unauthorized },
        { "token from another issuer", HttpStatusCode.Unauthorized },
        { "token signed with an unpublished key", HttpStatusCode.Unauthorized },
        { "token with its payload changed", HttpStatusCode.Unauthorized },
        { "token with its signature stripped", HttpStatusCode.Unauthorized },
        { "token without a serviceurl claim", HttpStatusCode.Unauthorized },
        { "serviceurl claim for another serviceUrl", HttpStatusCode.Unauthorized },
        { "key endorsed for another channel", HttpStatusCode.Forbidden },
        { "serviceUrl host not allowed", HttpStatusCode.Forbidden },
        { "serviceUrl that is not a URL", HttpStatusCode.Forbidden },
        { "javascript serviceUrl", HttpStatusCode.Forbidden },

        // Bodies that are not an activity.
        { "empty body", HttpStatusCode.BadRequest },
        { "not JSON", HttpStatusCode.BadRequest },
        { "truncated JSON", HttpStatusCode.BadRequest },
        { "JSON array", HttpStatusCode.BadRequest },
        { "JSON string", HttpStatusCode.BadRequest },
        { "JSON null", HttpStatusCode.BadRequest },
        { "invalid UTF-8", HttpStatusCode.BadRequest },
        { "nested 10,000 deep", HttpStatusCode.BadRequest },
        { "type is a number", HttpStatusCode.BadRequest },
        { "type is null", HttpStatusCode.BadRequest },
        { "no serviceUrl", HttpStatusCode.BadRequest },
        { "text is an object", HttpStatusCode.BadRequest },
        { "from is a string", HttpStatusCode.BadRequest },
        { "conversation is an array", HttpStatusCode.BadRequest },
        { "entities is an object", HttpStatusCode.BadRequest },
        { "body over 256 KB", HttpStatusCode.RequestEntityTooLarge },

        // Activities we act on name their conversation and tenant; without them there is nothing to act on.
        { "message without a conversation", HttpStatusCode.BadRequest },
        { "message whose conversation has no id", HttpStatusCode.BadRequest },
        { "message without a tenant", HttpStatusCode.BadRequest },
        { "invoke without a conversation", HttpStatusCode.BadRequest },
        { "invoke without a tenant", HttpStatusCode.BadRequest },
        { "conversationUpdate without a conversation", HttpStatusCode.BadRequest },
        { "conversationUpdate without a tenant", HttpStatusCode.BadRequest },
        { "installationUpdate without a conversation", HttpStatusCode.BadRequest },
        { "installationUpdate without a tenant", HttpStatusCode.BadRequest },

        // Nulls where Teams sends values, and values of the wrong shape: answered as usual.
        { "message from null", HttpStatusCode.OK },
        { "message recipient null", HttpStatusCode.OK },
        { "message channelData null, tenant on the conversation", HttpStatusCode.OK },
        { "message text null", HttpStatusCode.OK },
        { "message entities null", HttpStatusCode.OK },
        { "message entities with a null", HttpStatusCode.OK },
        { "mention entity of nulls", HttpStatusCode.OK },
        { "message attachments null", HttpStatusCode.OK },
        { "message attachments with a null", HttpStatusCode.OK },
        { "message value null", HttpStatusCode.OK },
        { "message value a string", HttpStatusCode.OK },
        { "message value a capture of nulls", HttpStatusCode.OK },
        { "conversationUpdate membersAdded with a null", HttpStatusCode.OK },
        { "conversationUpdate members without ids", HttpStatusCode.OK },
        { "conversationUpdate recipient null", HttpStatusCode.OK },
        { "installationUpdate action null", HttpStatusCode.OK },
        { "installationUpdate recipient null", HttpStatusCode.OK },
        { "messageReaction of nulls", HttpStatusCode.OK },
        { "unknown activity type", HttpStatusCode.OK },

        // Invokes with forged or missing values: an answer in the body, never a 500.
        { "adaptiveCard/action value null", HttpStatusCode.OK },
        { "adaptiveCard/action action null", HttpStatusCode.OK },
        { "adaptiveCard/action data a string", HttpStatusCode.OK },
        { "adaptiveCard/action type Action.Submit", HttpStatusCode.OK },
        { "adaptiveCard/action forged verb", HttpStatusCode.OK },
        { "adaptiveCard/action undo of a forged signal id", HttpStatusCode.OK },
        { "adaptiveCard/action all quotes running another command", HttpStatusCode.OK },
        { "fetchTask value null", HttpStatusCode.NotImplemented },
        { "fetchTask messagePayload null", HttpStatusCode.OK },
        { "submitAction data null", HttpStatusCode.OK },
        { "submitAction with a forged permalink", HttpStatusCode.OK },
        { "invoke without a name", HttpStatusCode.NotImplemented },
        { "unknown invoke", HttpStatusCode.NotImplemented },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task AnswersAsExpectedAndNeverFails_WhenTheRequestIsHostile(string hostile, HttpStatusCode expected)
    {
        var failuresBefore = Failures(Host);
        using var request = await RequestAsync(hostile);

        var response = await Host.Client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(failuresBefore, Failures(Host));
    }

    [Theory]
    [InlineData("Development", "https://smba.trafficmanager.net/amer/", HttpStatusCode.Unauthorized)]
    [InlineData("Development", "http://10.0.0.7:{port}/amer/", HttpStatusCode.Unauthorized)]
    [InlineData("Development", "http://127.0.0.1.nip.io:{port}/amer/", HttpStatusCode.Unauthorized)]
    [InlineData("Development", "http://localhost.evil.example:{port}/amer/", HttpStatusCode.Unauthorized)]
    [InlineData("Development", "not a url", HttpStatusCode.Unauthorized)]
    [InlineData("Development", "http://127.0.0.1:{port}/amer/", HttpStatusCode.OK)]
    [InlineData("Staging", "http://127.0.0.1:{port}/amer/", HttpStatusCode.Unauthorized)]
    public async Task AcceptsAnUnsignedActivityOnlyFromThisMachineInDevelopment_WhenLocalActivitiesAreAllowed(
        string environment, string serviceUrl, HttpStatusCode expected)
    {
        var host = environment == "Development" ? hosts.LocalDevelopment : hosts.LocalStaging;
        var port = new Uri(host.Connector.ServiceUrl).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var conversation = TeamsActivities.NewConversation();
        var activity = TeamsActivities.Message(serviceUrl.Replace("{port}", port), conversation, "help");

        var response = await host.PostAsync(activity, token: null);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK ? 1 : 0, host.CallsFor(conversation).Count);
    }

    [Fact]
    public async Task RefusesWithoutWaitingOrFailing_WhenTheKeyEndpointStalls()
    {
        await using var host = await TeamsHost.StartWithStalledKeysAsync();
        var serviceUrl = host.Connector.ServiceUrl;
        HttpRequestMessage[] requests =
        [
            Post(TeamsActivities.Message(serviceUrl, TeamsActivities.NewConversation(), "help").ToJsonString(), Bearer(host.Issuer.Token(TeamsHost.AppId, serviceUrl))),
            Post(TeamsActivities.Message(serviceUrl, TeamsActivities.NewConversation(), "help").ToJsonString(), Bearer(NoneAlgorithm(serviceUrl))),
            Post(TeamsActivities.Message(serviceUrl, TeamsActivities.NewConversation(), "help").ToJsonString(), null),
            Post("{\"type\": ", Bearer(host.Issuer.Token(TeamsHost.AppId, serviceUrl))),
        ];

        var statuses = new List<HttpStatusCode>();
        foreach (var request in requests)
        {
            statuses.Add((await host.Client.SendAsync(request).WaitAsync(Bound)).StatusCode);
        }

        Assert.Equal(
            [HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.Unauthorized, HttpStatusCode.BadRequest],
            statuses);
        Assert.Empty(host.Connector.Calls);
    }

    private static int Failures(TeamsHost host) => host.Logs.Entries.Count(e => e.Level >= LogLevel.Error);

    private async Task<HttpRequestMessage> RequestAsync(string hostile)
    {
        var issuer = Host.Issuer;
        var valid = issuer.Token(TeamsHost.AppId, ServiceUrl);
        string Activity(JsonObject activity) => activity.ToJsonString();
        JsonObject Message() => TeamsActivities.Message(ServiceUrl, TeamsActivities.NewConversation(), "help");
        JsonObject With(JsonObject activity, string key, JsonNode? value)
        {
            activity[key] = value;
            return activity;
        }

        JsonObject Without(JsonObject activity, params string[] keys)
        {
            foreach (var key in keys)
            {
                activity.Remove(key);
            }

            return activity;
        }

        JsonObject Tenantless(JsonObject activity)
        {
            Without(activity, "channelData");
            activity["conversation"]!.AsObject().Remove("tenantId");
            return activity;
        }

        JsonObject Update(string type, JsonObject extra) =>
            TeamsActivities.Base(type, ServiceUrl, TeamsActivities.NewConversation("groupChat"), "groupChat", TeamsHost.Tenant, extra);

        JsonObject BotAdded() => Update("conversationUpdate", new() { ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = TeamsHost.BotId }) });

        JsonObject Installed() => Update("installationUpdate", new() { ["action"] = "add" });

        JsonObject Invoke(string? name, JsonNode? value)
        {
            var invoke = TeamsActivities.Invoke(ServiceUrl, TeamsActivities.NewConversation(), name ?? "", []);
            invoke["value"] = value;
            if (name is null)
            {
                invoke.Remove("name");
            }

            return invoke;
        }

        JsonObject Execute(JsonNode? action) => Invoke("adaptiveCard/action", new JsonObject { ["action"] = action });

        JsonObject ExecuteVerb(string verb, JsonObject data) => Execute(new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data });

        JsonObject Capture(string quote, string permalink) => new()
        {
            ["action"] = "captureSignal",
            ["quote"] = quote,
            ["permalink"] = permalink,
        };

        var (body, authorization) = hostile switch
        {
            "no Authorization header" => (Activity(Message()), null),
            "Basic credentials" => (Activity(Message()), $"Basic {Convert.ToBase64String("app:password"u8)}"),
            "Bearer without a token" => (Activity(Message()), "Bearer "),
            "Bearer with garbage" => (Activity(Message()), "Bearer not.a.token"),
            "a 64 KB token" => (Activity(Message()), Bearer(valid + new string('A', 64 * 1024))),
            "token with alg none" => (Activity(Message()), Bearer(NoneAlgorithm(ServiceUrl))),
            "token signed HS256 with the published RSA key" => (Activity(Message()), Bearer(await SymmetricWithPublicKeyAsync(issuer, ServiceUrl))),
            "expired token" => (Activity(Message()), Bearer(issuer.Token(TeamsHost.AppId, ServiceUrl, expires: DateTimeOffset.UtcNow.AddMinutes(-10)))),
            "token not valid yet" => (Activity(Message()), Bearer(issuer.Token(TeamsHost.AppId, ServiceUrl, expires: DateTimeOffset.UtcNow.AddHours(2)))),
            "token for another bot" => (Activity(Message()), Bearer(issuer.Token("another-bot", ServiceUrl))),
            "token from another issuer" => (Activity(Message()), Bearer(issuer.Token(TeamsHost.AppId, ServiceUrl, issuer: "https://sts.windows.net/attacker/"))),
            "token signed with an unpublished key" => (Activity(Message()), Bearer(issuer.Token(TeamsHost.AppId, ServiceUrl, key: TestTokenIssuer.UnpublishedKey))),
            "token with its payload changed" => (Activity(Message()), Bearer(ChangedPayload(valid))),
            "token with its signature stripped" => (Activity(Message()), Bearer(valid[..(valid.LastIndexOf('.') + 1)])),
            "token without a serviceurl claim" => (Activity(Message()), Bearer(issuer.Token(TeamsHost.AppId, null))),
            "serviceurl claim for another serviceUrl" => (Activity(Message()), Bearer(issuer.Token(TeamsHost.AppId, "https://smba.trafficmanager.net/amer/"))),
            "key endorsed for another channel" => (Activity(Message()), Bearer(issuer.Token(TeamsHost.AppId, ServiceUrl, key: TestTokenIssuer.OtherChannelKey))),
            "serviceUrl host not allowed" => ForServiceUrl(ServiceUrl.Replace("127.0.0.1", "localhost")),
            "serviceUrl that is not a URL" => ForServiceUrl("not a url"),
            "javascript serviceUrl" => ForServiceUrl("javascript:alert(1)//127.0.0.1/"),

            "empty body" => ("", Bearer(valid)),
            "not JSON" => ("type=message&text=help", Bearer(valid)),
            "truncated JSON" => (Activity(Message())[..40], Bearer(valid)),
            "JSON array" => ("[{\"type\": \"message\"}]", Bearer(valid)),
            "JSON string" => ("\"message\"", Bearer(valid)),
            "JSON null" => ("null", Bearer(valid)),
            "invalid UTF-8" => (Activity(Message()), Bearer(valid)),
            "nested 10,000 deep" => (Activity(Message()).Replace("\"help\"", new string('[', 10_000) + new string(']', 10_000)), Bearer(valid)),
            "type is a number" => (Activity(With(Message(), "type", 7)), Bearer(valid)),
            "type is null" => (Activity(With(Message(), "type", null)), Bearer(valid)),
            "no serviceUrl" => (Activity(Without(Message(), "serviceUrl")), Bearer(valid)),
            "text is an object" => (Activity(With(Message(), "text", new JsonObject { ["text"] = "help" })), Bearer(valid)),
            "from is a string" => (Activity(With(Message(), "from", "29:1ana")), Bearer(valid)),
            "conversation is an array" => (Activity(With(Message(), "conversation", new JsonArray("a:1"))), Bearer(valid)),
            "entities is an object" => (Activity(With(Message(), "entities", new JsonObject { ["type"] = "mention" })), Bearer(valid)),
            "body over 256 KB" => (Activity(TeamsActivities.Message(ServiceUrl, TeamsActivities.NewConversation(), new string('x', 300 * 1024))), Bearer(valid)),

            "message without a conversation" => (Activity(Without(Message(), "conversation")), Bearer(valid)),
            "message whose conversation has no id" => (Activity(With(Message(), "conversation", new JsonObject { ["id"] = null, ["tenantId"] = TeamsHost.Tenant })), Bearer(valid)),
            "message without a tenant" => (Activity(Tenantless(Message())), Bearer(valid)),
            "invoke without a conversation" => (Activity(Without(Execute(null), "conversation")), Bearer(valid)),
            "invoke without a tenant" => (Activity(Tenantless(Execute(null))), Bearer(valid)),
            "conversationUpdate without a conversation" => (Activity(Without(BotAdded(), "conversation")), Bearer(valid)),
            "conversationUpdate without a tenant" => (Activity(Tenantless(BotAdded())), Bearer(valid)),
            "installationUpdate without a conversation" => (Activity(Without(Installed(), "conversation")), Bearer(valid)),
            "installationUpdate without a tenant" => (Activity(Tenantless(Installed())), Bearer(valid)),

            "message from null" => (Activity(With(Message(), "from", null)), Bearer(valid)),
            "message recipient null" => (Activity(With(Message(), "recipient", null)), Bearer(valid)),
            "message channelData null, tenant on the conversation" => (Activity(With(Message(), "channelData", null)), Bearer(valid)),
            "message text null" => (Activity(With(Message(), "text", null)), Bearer(valid)),
            "message entities null" => (Activity(With(Message(), "entities", null)), Bearer(valid)),
            "message entities with a null" => (Activity(With(Message(), "entities", new JsonArray(null, new JsonObject { ["type"] = "clientInfo" }))), Bearer(valid)),
            "mention entity of nulls" => (Activity(With(Message(), "entities", new JsonArray(new JsonObject { ["type"] = "mention", ["text"] = null, ["mentioned"] = new JsonObject { ["id"] = TeamsHost.BotId, ["name"] = null } }, new JsonObject { ["type"] = null, ["mentioned"] = null }))), Bearer(valid)),
            "message attachments null" => (Activity(With(Message(), "attachments", null)), Bearer(valid)),
            "message attachments with a null" => (Activity(With(Message(), "attachments", new JsonArray(null, new JsonObject { ["contentType"] = null, ["content"] = null }))), Bearer(valid)),
            "message value null" => (Activity(With(Message(), "value", null)), Bearer(valid)),
            "message value a string" => (Activity(With(Message(), "value", "captureSignal")), Bearer(valid)),
            "message value a capture of nulls" => (Activity(With(Message(), "value", new JsonObject { ["action"] = "captureSignal", ["quote"] = null, ["customer"] = null, ["themes"] = 7 })), Bearer(valid)),
            "conversationUpdate membersAdded with a null" => (Activity(With(BotAdded(), "membersAdded", new JsonArray(null, new JsonObject { ["id"] = TeamsHost.BotId }))), Bearer(valid)),
            "conversationUpdate members without ids" => (Activity(With(With(BotAdded(), "membersAdded", new JsonArray(new JsonObject { ["id"] = null })), "membersRemoved", new JsonArray(new JsonObject()))), Bearer(valid)),
            "conversationUpdate recipient null" => (Activity(With(BotAdded(), "recipient", null)), Bearer(valid)),
            "installationUpdate action null" => (Activity(With(Installed(), "action", null)), Bearer(valid)),
            "installationUpdate recipient null" => (Activity(With(Installed(), "recipient", null)), Bearer(valid)),
            "messageReaction of nulls" => (Activity(Update("messageReaction", new() { ["reactionsAdded"] = null, ["replyToId"] = null, ["from"] = null })), Bearer(valid)),
            "unknown activity type" => (Activity(Update("somethingNew", new() { ["value"] = new JsonArray(null, 1, "x") })), Bearer(valid)),

            "adaptiveCard/action value null" => (Activity(Invoke("adaptiveCard/action", null)), Bearer(valid)),
            "adaptiveCard/action action null" => (Activity(Execute(null)), Bearer(valid)),
            "adaptiveCard/action data a string" => (Activity(Execute(new JsonObject { ["type"] = "Action.Execute", ["verb"] = "captureSignal", ["data"] = "quote" })), Bearer(valid)),
            "adaptiveCard/action type Action.Submit" => (Activity(Execute(new JsonObject { ["type"] = "Action.Submit", ["verb"] = "captureSignal" })), Bearer(valid)),
            "adaptiveCard/action forged verb" => (Activity(ExecuteVerb("digestOff", new JsonObject { ["text"] = "digest off" })), Bearer(valid)),
            "adaptiveCard/action undo of a forged signal id" => (Activity(ExecuteVerb("undoCapture", new JsonObject { ["signal"] = "../../' OR 1=1 --" })), Bearer(valid)),
            "adaptiveCard/action all quotes running another command" => (Activity(ExecuteVerb("allQuotes", new JsonObject { ["text"] = "theme ship export-timeouts" })), Bearer(valid)),
            "fetchTask value null" => (Activity(Invoke("composeExtension/fetchTask", null)), Bearer(valid)),
            "fetchTask messagePayload null" => (Activity(Invoke("composeExtension/fetchTask", new JsonObject { ["commandId"] = "saveSignal", ["messagePayload"] = null })), Bearer(valid)),
            "submitAction data null" => (Activity(Invoke("composeExtension/submitAction", new JsonObject { ["commandId"] = "saveSignal", ["data"] = null })), Bearer(valid)),
            "submitAction with a forged permalink" => (Activity(Invoke("composeExtension/submitAction", new JsonObject { ["commandId"] = "saveSignal", ["data"] = Capture($"Hostile permalink {Guid.NewGuid():N}", "javascript:alert(1)") })), Bearer(valid)),
            "invoke without a name" => (Activity(Invoke(null, new JsonObject())), Bearer(valid)),
            "unknown invoke" => (Activity(Invoke("composeExtension/query", new JsonObject())), Bearer(valid)),
            _ => throw new ArgumentOutOfRangeException(nameof(hostile), hostile, "Not a case of the corpus"),
        };
        var bytes = Encoding.UTF8.GetBytes(body);
        if (hostile == "invalid UTF-8")
        {
            // 0xFF is never part of UTF-8; the body is ASCII, so its characters are its bytes.
            bytes[body.IndexOf("\"help\"", StringComparison.Ordinal) + 1] = 0xFF;
        }

        return Post(bytes, authorization);

        (string, string?) ForServiceUrl(string serviceUrl) =>
            (TeamsActivities.Message(serviceUrl, TeamsActivities.NewConversation(), "help").ToJsonString(), Bearer(issuer.Token(TeamsHost.AppId, serviceUrl)));
    }

    private static HttpRequestMessage Post(string body, string? authorization) => Post(Encoding.UTF8.GetBytes(body), authorization);

    private static HttpRequestMessage Post(byte[] body, string? authorization)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return request;
    }

    private static string Bearer(string token) => $"Bearer {token}";

    private static string NoneAlgorithm(string serviceUrl)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = new JsonObject { ["alg"] = "none", ["typ"] = "JWT", ["kid"] = TestTokenIssuer.TeamsKey };
        var payload = new JsonObject
        {
            ["iss"] = TestTokenIssuer.Issuer,
            ["aud"] = TeamsHost.AppId,
            ["serviceurl"] = serviceUrl,
            ["nbf"] = now - 60,
            ["exp"] = now + 3600,
        };
        return $"{Base64UrlEncoder.Encode(header.ToJsonString())}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.";
    }

    // The classic confusion: the published RSA modulus used as an HMAC secret, under the published key's id.
    private static async Task<string> SymmetricWithPublicKeyAsync(TestTokenIssuer issuer, string serviceUrl)
    {
        using var http = new HttpClient();
        var keys = JsonNode.Parse(await http.GetStringAsync(issuer.Root + "/v1/.well-known/keys"))!["keys"]!.AsArray();
        var modulus = (string)keys.Single(k => (string?)k!["kid"] == TestTokenIssuer.TeamsKey)!["n"]!;
        var key = new SymmetricSecurityKey(Base64UrlEncoder.DecodeBytes(modulus)) { KeyId = TestTokenIssuer.TeamsKey };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TestTokenIssuer.Issuer,
            Audience = TeamsHost.AppId,
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }

    // The signature stays; the audience in the payload is another bot's.
    private static string ChangedPayload(string token)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        payload["aud"] = "another-bot";
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";
    }

    /// <summary>
    /// The app's default tenant rule (any tenant), so a missing tenant reaches the handlers; and the local
    /// Agents Playground setting in Development and, where it must not work, in Staging.
    /// </summary>
    public sealed class Hosts : IAsyncLifetime
    {
        public TeamsHost AnyTenant { get; private set; } = null!; // set in InitializeAsync, before any test runs

        public TeamsHost LocalDevelopment { get; private set; } = null!;

        public TeamsHost LocalStaging { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            AnyTenant = await TeamsHost.StartAsync(("Teams:AllowedTenants:0", null));
            LocalDevelopment = await TeamsHost.StartAsync("Development", ("Teams:AllowUnauthenticatedLocal", "true"));
            LocalStaging = await TeamsHost.StartAsync("Staging", ("Teams:AllowUnauthenticatedLocal", "true"));
        }

        public async Task DisposeAsync()
        {
            await AnyTenant.DisposeAsync();
            await LocalDevelopment.DisposeAsync();
            await LocalStaging.DisposeAsync();
        }
    }
}
