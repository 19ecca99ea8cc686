using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Digests;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Themes;
using CustomerPulseBot.TestKit.Slack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Web.Tests.Slack;

/// <summary>
/// Malformed, forged and hostile requests through the real pipeline (signature filter, parsing, dispatcher, handlers):
/// none is answered with a 500, each gets its own status, and none of the corpus fails inside, stores, changes or posts anything.
/// Requests that reach a handler on purpose (forged and replayed buttons, entities in text) have their own tests below.
/// </summary>
public sealed class HostileSlackRequestTests(HostileSlackRequestTests.SharedHost shared) : IClassFixture<HostileSlackRequestTests.SharedHost>
{
    private const string Commands = "/slack/commands";
    private const string Interactions = "/slack/interactions";
    private const string Events = "/slack/events";
    private const string Form = "application/x-www-form-urlencoded";

    /// <summary>One host for the corpus: its cases run one after another and none may leave anything behind.</summary>
    public sealed class SharedHost : IAsyncLifetime
    {
        public SlackHost Host { get; private set; } = null!;

        public async Task InitializeAsync() => Host = await SlackHost.StartAsync();

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }

    private static readonly SlackRequestSigner Forger = new("not_the_signing_secret", TimeProvider.System);

    private static readonly Dictionary<string, (Func<SlackHost, HttpRequestMessage> Request, HttpStatusCode Status)> Corpus = new()
    {
        // Signatures and timestamps (reference section 1): refused before anything is parsed.
        ["command without signature headers"] = (h => SlackRequestSigner.Unsigned(Commands, CommandBody(h, "Exports time out"), Form), HttpStatusCode.Unauthorized),
        ["command signed with another secret"] = (h => Forger.Signed(Commands, CommandBody(h, "Exports time out"), Form), HttpStatusCode.Unauthorized),
        ["command with a v1 signature"] = (h => WithHeaders(CommandBody(h, "x"), Now(), "v1=" + new string('a', 64)), HttpStatusCode.Unauthorized),
        ["command with a signature that is not hex"] = (h => WithHeaders(CommandBody(h, "x"), Now(), "v0=" + new string('z', 64)), HttpStatusCode.Unauthorized),
        ["command with a non-numeric timestamp"] = (h => WithHeaders(CommandBody(h, "x"), "soon", "v0=" + new string('a', 64)), HttpStatusCode.Unauthorized),
        ["command signed six minutes ago"] = (h => h.Signer.Signed(Commands, CommandBody(h, "x"), Form, DateTimeOffset.UtcNow.AddMinutes(-6)), HttpStatusCode.Unauthorized),
        ["command signed six minutes ahead"] = (h => h.Signer.Signed(Commands, CommandBody(h, "x"), Form, DateTimeOffset.UtcNow.AddMinutes(6)), HttpStatusCode.Unauthorized),
        ["interaction signed for another body"] = (h => Swapped(h.Signer.Payload(Interactions, Click(h, "share_signal", "x")), "payload=%7B%7D"), HttpStatusCode.Unauthorized),
        ["TLS probe, unsigned"] = (_ => SlackRequestSigner.Unsigned(Commands, "ssl_check=1&token=x", Form), HttpStatusCode.Unauthorized),
        ["TLS probe smuggling a command, unsigned"] = (h => SlackRequestSigner.Unsigned(Commands, "ssl_check=1&" + CommandBody(h, "Smuggled quote"), Form), HttpStatusCode.Unauthorized),
        ["TLS probe smuggling a payload, unsigned"] =
            (h => SlackRequestSigner.Unsigned(Interactions, "ssl_check=1&payload=" + Uri.EscapeDataString(Click(h, "share_signal", "x")), Form), HttpStatusCode.Unauthorized),
        ["TLS probe carrying a command, signed"] = (h => h.Signer.Signed(Commands, "ssl_check=1&" + CommandBody(h, "Probe quote"), Form), HttpStatusCode.OK),

        // Bodies that are not what Slack sends.
        ["body over one MiB"] = (h => h.Signer.Signed(Commands, CommandBody(h, new string('x', 1_100_000)), Form), HttpStatusCode.RequestEntityTooLarge),
        ["interaction without a payload field"] = (h => h.Signer.Form(Interactions, [new("other", "x")]), HttpStatusCode.BadRequest),
        ["interaction payload that is not JSON"] = (h => h.Signer.Payload(Interactions, "{\"type\": \"block_actions\", "), HttpStatusCode.BadRequest),
        ["interaction payload that is JSON null"] = (h => h.Signer.Payload(Interactions, "null"), HttpStatusCode.BadRequest),
        ["interaction payload that is an array"] = (h => h.Signer.Payload(Interactions, "[]"), HttpStatusCode.BadRequest),
        ["interaction payload that is a string"] = (h => h.Signer.Payload(Interactions, "\"block_actions\""), HttpStatusCode.BadRequest),
        ["interaction payload nested 100 deep"] =
            (h => h.Signer.Payload(Interactions, string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100)), HttpStatusCode.BadRequest),
        ["event body that is not JSON"] = (h => h.Signer.Json(Events, "type=event_callback"), HttpStatusCode.BadRequest),
        ["event body that is JSON null"] = (h => h.Signer.Json(Events, "null"), HttpStatusCode.BadRequest),

        // Explicit nulls where Slack always sends a value: malformed, so 400, never a failure inside.
        ["actions: null"] = (h => Interaction(h, Click(h, "share_signal", "x"), p => p["actions"] = null), HttpStatusCode.BadRequest),
        ["actions: [null]"] = (h => Interaction(h, Click(h, "share_signal", "x"), p => p["actions"] = new JsonArray((JsonNode?)null)), HttpStatusCode.BadRequest),
        ["action_id: null"] = (h => Interaction(h, Click(h, "share_signal", "x"), p => p["actions"]![0]!["action_id"] = null), HttpStatusCode.BadRequest),
        ["action without action_id"] = (h => Interaction(h, Click(h, "share_signal", "x"), p => p["actions"]![0]!.AsObject().Remove("action_id")), HttpStatusCode.BadRequest),
        ["user: null"] = (h => Interaction(h, Click(h, "share_signal", "x"), p => p["user"] = null), HttpStatusCode.BadRequest),
        ["user missing"] = (h => Interaction(h, Click(h, "share_signal", "x"), p => p.Remove("user")), HttpStatusCode.BadRequest),
        ["user.id: null"] = (h => Interaction(h, Click(h, "share_signal", "x"), p => p["user"]!["id"] = null), HttpStatusCode.BadRequest),
        ["team.id: null"] = (h => Interaction(h, Click(h, "share_signal", "x"), p => p["team"]!["id"] = null), HttpStatusCode.BadRequest),
        ["channel.id: null"] = (h => Interaction(h, Click(h, "share_signal", "x"), p => p["channel"]!["id"] = null), HttpStatusCode.BadRequest),
        ["type: null"] = (h => Interaction(h, Click(h, "share_signal", "x"), p => p["type"] = null), HttpStatusCode.BadRequest),
        ["view.state: null"] = (h => Interaction(h, Submission(), p => p["view"]!["state"] = null), HttpStatusCode.BadRequest),
        ["view.state.values: null"] = (h => Interaction(h, Submission(), p => p["view"]!["state"]!["values"] = null), HttpStatusCode.BadRequest),
        ["a null block in view.state.values"] = (h => Interaction(h, Submission(), p => p["view"]!["state"]!["values"]!["quote"] = null), HttpStatusCode.BadRequest),
        ["a null input in a block"] = (h => Interaction(h, Submission(), p => p["view"]!["state"]!["values"]!["quote"]!["quote"] = null), HttpStatusCode.BadRequest),
        ["selected_options: [null]"] =
            (h => Interaction(h, Submission(), p => p["view"]!["state"]!["values"]!["quote"]!["quote"]!["selected_options"] = new JsonArray((JsonNode?)null)), HttpStatusCode.BadRequest),
        ["a null block in a message's state"] =
            (h => Interaction(h, Click(h, "new_theme", "x"), p => p["state"] = new JsonObject { ["values"] = new JsonObject { ["new_theme"] = null } }), HttpStatusCode.BadRequest),
        ["event type: null"] = (h => h.Signer.Json(Events, """{"type":null}"""), HttpStatusCode.BadRequest),
        ["inner event type: null"] = (h => h.Signer.Json(Events, Callback("""{"type":null}""")), HttpStatusCode.BadRequest),
        ["inner event: null"] = (h => h.Signer.Json(Events, Callback("null")), HttpStatusCode.OK),

        // Wrong types.
        ["actions: a string"] = (h => Interaction(h, Click(h, "share_signal", "x"), p => p["actions"] = "share_signal"), HttpStatusCode.BadRequest),
        ["user: a string"] = (h => Interaction(h, Click(h, "share_signal", "x"), p => p["user"] = "U0ANA0001"), HttpStatusCode.BadRequest),
        ["user.id: a number"] = (h => Interaction(h, Click(h, "share_signal", "x"), p => p["user"]!["id"] = 42), HttpStatusCode.BadRequest),
        ["type: a number"] = (h => Interaction(h, Click(h, "share_signal", "x"), p => p["type"] = 7), HttpStatusCode.BadRequest),
        ["team: an array"] = (h => Interaction(h, Click(h, "share_signal", "x"), p => p["team"] = new JsonArray()), HttpStatusCode.BadRequest),
        ["button value: a number"] = (h => Interaction(h, Click(h, "share_signal", "x"), p => p["actions"]![0]!["value"] = 5), HttpStatusCode.BadRequest),
        ["view.state.values: an array"] = (h => Interaction(h, Submission(), p => p["view"]!["state"]!["values"] = new JsonArray()), HttpStatusCode.BadRequest),
        ["event_id: a number"] = (h => h.Signer.Json(Events, Callback("""{"type":"app_mention"}""").Replace("\"Ev0HOSTILE\"", "5")), HttpStatusCode.BadRequest),
        ["event: a string"] = (h => h.Signer.Json(Events, Callback("\"app_mention\"")), HttpStatusCode.BadRequest),

        // Unknown kinds: answered (Slack would show an error otherwise), logged, and nothing runs.
        ["unknown command"] = (h => h.Signer.Signed(Commands, CommandBody(h, "Exports time out").Replace("%2Fpulse", "%2Fother"), Form), HttpStatusCode.OK),
        ["empty command body"] = (h => h.Signer.Signed(Commands, "", Form), HttpStatusCode.OK),
        ["unknown interaction type"] = (h => Interaction(h, Click(h, "share_signal", "x"), p => p["type"] = "dialog_submission"), HttpStatusCode.OK),
        ["unknown button"] = (h => h.Signer.Payload(Interactions, Click(h, "launch_missiles", "x")), HttpStatusCode.OK),
        ["unknown envelope type"] = (h => h.Signer.Json(Events, """{"type":"app_rate_limited","team_id":"TALPHA001"}"""), HttpStatusCode.OK),
        ["unknown event type"] = (h => h.Signer.Json(Events, Callback("""{"type":"reaction_added","user":"U0ANA0001"}""")), HttpStatusCode.OK),
        ["url_verification without a challenge"] = (h => h.Signer.Json(Events, """{"type":"url_verification"}"""), HttpStatusCode.OK),

        // A response_url is where replies are posted: it must lead to Slack (here, the fake Slack the host calls).
        ["command replying to another host"] = (h => h.Signer.Signed(Commands, CommandBody(h, "Exports time out", "https://evil.example/hooks/1"), Form), HttpStatusCode.BadRequest),
        ["command replying to Slack over http"] =
            (h => h.Signer.Signed(Commands, CommandBody(h, "Exports time out", "http://hooks.slack.com/commands/T/1/x"), Form), HttpStatusCode.BadRequest),
        ["command replying to a look-alike host"] =
            (h => h.Signer.Signed(Commands, CommandBody(h, "Exports time out", "https://hooks.slack.com.evil.example/commands/1"), Form), HttpStatusCode.BadRequest),
        ["command replying with credentials in the address"] =
            (h => h.Signer.Signed(Commands, CommandBody(h, "Exports time out", "https://hooks.slack.com@evil.example/commands/1"), Form), HttpStatusCode.BadRequest),
        ["command replying to no address"] = (h => h.Signer.Signed(Commands, CommandBody(h, "Exports time out", "not a url"), Form), HttpStatusCode.BadRequest),
        ["command replying to another port of the fake Slack"] =
            (h => h.Signer.Signed(Commands, CommandBody(h, "Exports time out", OtherPort(h.Api.ResponseUrl("command"))), Form), HttpStatusCode.BadRequest),
        ["interaction replying to another host"] =
            (h => Interaction(h, Click(h, "share_signal", "x"), p => p["response_url"] = "https://evil.example/actions/1"), HttpStatusCode.BadRequest),
    };

    public static TheoryData<string> Cases => new(Corpus.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AnswersWithItsOwnStatusAndDoesNothing_WhenARequestIsHostile(string name)
    {
        var host = shared.Host;
        var (request, status) = Corpus[name];
        var workspace = await host.WorkspaceAsync();
        var callsBefore = host.Api.Calls.Count;

        var response = await host.Client.SendAsync(request(host));

        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(0, await host.Store.CountSignalsAsync(workspace.Id, new SignalFilter(), CancellationToken.None));
        Assert.Equal(callsBefore, host.Api.Calls.Count);
        Assert.DoesNotContain(host.App.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task KeepsEveryControlSequenceInert_WhenPulseTextIsFullOfEntities()
    {
        await using var host = await SlackHost.StartAsync();

        var ack = await SlackHost.JsonAsync(await host.CommandAsync("&lt;!channel&gt; ask &lt;@U0BOSS001&gt; &lt;https://evil.example|click&gt; &amp;lt; customer:AT&amp;T"));

        var workspace = await host.WorkspaceAsync();
        var stored = Assert.Single(await host.Store.FindSignalsAsync(workspace.Id, new SignalFilter(), 5, CancellationToken.None));
        Assert.Equal("<!channel> ask <@U0BOSS001> click (evil.example) &lt;", stored.Quote);
        Assert.Equal(("AT&T", "https://evil.example/"), (stored.Customer, stored.EvidenceUrl));
        var texts = SlackHost.Texts(ack["blocks"]);
        Assert.DoesNotMatch("<[!@#]", texts);
        Assert.Contains("&gt; &lt;!channel&gt; ask &lt;@U0BOSS001&gt; click (evil.example) &amp;lt;", texts);
        Assert.Contains("<https://evil.example/|evidence · evil.example>", texts);
    }

    [Theory]
    [InlineData("share_signal", "Exports time out customer:Acme")]
    [InlineData("post_to_channel", "top this week")]
    public async Task TellsTheClickerAndPostsNothing_WhenAButtonIsReplayedByAnotherPerson(string actionId, string asked)
    {
        await using var host = await SlackHost.StartAsync();
        await host.CommandAsync("Exports time out customer:Acme #export-timeouts");
        var ack = await SlackHost.JsonAsync(await host.CommandAsync(asked));
        var value = (string)SlackHost.Button(ack, actionId)["value"]!;

        var response = await host.InteractionAsync(Click(host, actionId, value, user: "U0EVE0666"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refusal = await host.Api.WaitForAsync("hooks/click");
        Assert.Equal(("ephemeral", false), ((string?)refusal.Json!["response_type"], (bool?)refusal.Json["replace_original"]));
        Assert.Contains("offered to the person who asked", SlackHost.Texts(refusal.Json));
        Assert.DoesNotContain("#export-timeouts", refusal.Body);
        Assert.Single(host.Api.Calls);
    }

    [Theory]
    [InlineData("Exports time out again customer:Acme")]
    [InlineData("theme ship export-timeouts")]
    [InlineData("digest off")]
    [InlineData("top this week")]
    public async Task RunsNothing_WhenPostToChannelCarriesAValueTheAppDidNotSeal(string text)
    {
        await using var host = await SlackHost.StartAsync();
        await host.CommandAsync("Exports time out customer:Acme #export-timeouts");
        await host.CommandAsync("digest daily 09:00 Europe/Berlin");
        var forged = new JsonObject { ["channel"] = "C0CHAN001", ["user"] = "U0ANA0001", ["text"] = text }.ToJsonString();

        var response = await host.InteractionAsync(Click(host, "post_to_channel", forged));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refusal = await host.Api.WaitForAsync("hooks/click");
        Assert.Equal("ephemeral", (string?)refusal.Json!["response_type"]);
        Assert.Contains("not one this app made", SlackHost.Texts(refusal.Json));
        await AssertUnchangedAsync(host);
        Assert.Single(host.Api.Calls);
    }

    [Fact]
    public async Task RunsNothing_WhenASealedValueIsAltered()
    {
        await using var host = await SlackHost.StartAsync();
        await host.CommandAsync("Exports time out customer:Acme #export-timeouts");
        var ack = await SlackHost.JsonAsync(await host.CommandAsync("top this week"));
        var value = (string)SlackHost.Button(ack, "post_to_channel")["value"]!;
        var altered = value[..^2] + (value[^2] == 'A' ? 'B' : 'A') + value[^1];

        await host.InteractionAsync(Click(host, "post_to_channel", altered));

        var refusal = await host.Api.WaitForAsync("hooks/click");
        Assert.Contains("not one this app made", SlackHost.Texts(refusal.Json));
        Assert.Single(host.Api.Calls);
    }

    [Fact]
    public async Task RefusesAndCallsNeitherHost_WhenAResponseUrlLeadsToAnotherServer()
    {
        await using var host = await SlackHost.StartAsync();
        await using var elsewhere = await FakeSlackApi.StartAsync();
        await host.CommandAsync("Exports time out customer:Acme #export-timeouts");
        var ack = await SlackHost.JsonAsync(await host.CommandAsync("Exports time out again customer:Acme"));
        var value = (string)SlackHost.Button(ack, "share_signal")["value"]!;

        var command = await host.Client.SendAsync(host.Signer.Signed(Commands, CommandBody(host, "Stored elsewhere?", elsewhere.ResponseUrl("command")), Form));
        var click = await host.InteractionAsync(Click(host, "share_signal", value, responseUrl: elsewhere.ResponseUrl("click")));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (command.StatusCode, click.StatusCode));
        var workspace = await host.WorkspaceAsync();
        Assert.Equal(2, await host.Store.CountSignalsAsync(workspace.Id, new SignalFilter(), CancellationToken.None));
        Assert.Empty(elsewhere.Calls);
        Assert.Empty(host.Api.Calls);
    }

    [Fact]
    public async Task AcknowledgesAndRunsNothing_WhenASocketDeliveryRepliesToAnotherServer()
    {
        await using var sockets = await FakeSocketModeServer.StartAsync();
        await using var host = await SlackHost.StartAsync(sockets);
        await using var elsewhere = await FakeSlackApi.StartAsync();
        var connection = await sockets.NextConnectionAsync();

        await connection.SendAsync(new JsonObject
        {
            ["envelope_id"] = "env-hostile",
            ["type"] = "slash_commands",
            ["accepts_response_payload"] = true,
            ["payload"] = new JsonObject
            {
                ["command"] = "/pulse", ["text"] = "Exports time out customer:Acme", ["team_id"] = SlackHost.Team, ["user_id"] = "U0ANA0001",
                ["channel_id"] = "C0CHAN001", ["response_url"] = elsewhere.ResponseUrl("socket"),
            },
        }.ToJsonString());
        var ack = JsonNode.Parse((await connection.ReceiveAsync())!)!;

        Assert.Equal(new JsonObject { ["envelope_id"] = "env-hostile" }.ToJsonString(), ack.ToJsonString());
        var workspace = await host.WorkspaceAsync();
        Assert.Equal(0, await host.Store.CountSignalsAsync(workspace.Id, new SignalFilter(), CancellationToken.None));
        Assert.Empty(elsewhere.Calls);
        connection.Release();
    }

    /// <summary>The one capture the forged-value tests start with is still the only one; its theme is open and the digest still on.</summary>
    private static async Task AssertUnchangedAsync(SlackHost host)
    {
        var workspace = await host.WorkspaceAsync();
        Assert.Equal(1, await host.Store.CountSignalsAsync(workspace.Id, new SignalFilter(), CancellationToken.None));
        Assert.Equal(ThemeStatus.Open, (await host.Store.FindThemeAsync(workspace.Id, "export-timeouts", CancellationToken.None))!.Status);
        Assert.NotNull(await host.App.Services.GetRequiredService<IDigestStore>()
            .FindSubscriptionAsync(workspace.Id, SubscriptionKind.Digest, "C0CHAN001", CancellationToken.None));
    }

    private static string Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string CommandBody(SlackHost host, string text, string? responseUrl = null) =>
        string.Join("&", new (string Key, string Value)[]
        {
            ("team_id", SlackHost.Team), ("team_domain", "alpha"), ("channel_id", "C0CHAN001"), ("user_id", "U0ANA0001"), ("user_name", "ana"),
            ("command", "/pulse"), ("text", text), ("response_url", responseUrl ?? host.Api.ResponseUrl("command")), ("trigger_id", "1111.2222.trigger"),
        }.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}"));

    private static HttpRequestMessage WithHeaders(string body, string timestamp, string signature)
    {
        var request = SlackRequestSigner.Unsigned(Commands, body, Form);
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", signature);
        return request;
    }

    /// <summary>The headers of a signed request, over another body.</summary>
    private static HttpRequestMessage Swapped(HttpRequestMessage signed, string body)
    {
        signed.Content = new StringContent(body, Encoding.UTF8, Form);
        return signed;
    }

    private static string OtherPort(string url)
    {
        var uri = new UriBuilder(url);
        uri.Port = uri.Port == 65535 ? 65534 : uri.Port + 1;
        return uri.Uri.ToString();
    }

    private static HttpRequestMessage Interaction(SlackHost host, string json, Action<JsonObject> spoil)
    {
        var payload = JsonNode.Parse(json)!.AsObject();
        spoil(payload);
        return host.Signer.Payload(Interactions, payload.ToJsonString());
    }

    private static string Click(SlackHost host, string actionId, string value, string user = "U0ANA0001", string? responseUrl = null)
    {
        var click = JsonNode.Parse(SlackInteractionTests.Click(host, actionId, value, "C0CHAN001", user))!.AsObject();
        click["response_url"] = responseUrl ?? host.Api.ResponseUrl("click");
        return click.ToJsonString();
    }

    private static string Submission() => SlackInteractionTests.Submission("Exports time out", "buyer");

    private static string Callback(string inner) =>
        $$"""{"type":"event_callback","team_id":"{{SlackHost.Team}}","event_id":"Ev0HOSTILE","event_time":1700000000,"event":{{inner}}}""";
}
