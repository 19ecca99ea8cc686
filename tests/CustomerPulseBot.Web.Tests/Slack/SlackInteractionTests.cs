using System.Net;
using System.Text.Json.Nodes;
using CustomerPulseBot.Core.Signals;

namespace CustomerPulseBot.Web.Tests.Slack;

public sealed class SlackInteractionTests
{
    internal static string Submission(string quote, string? segment = null, string metadata = """{"channel_id":"C0CHAN001"}""") =>
        new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = SlackHost.Team, ["domain"] = "alpha" },
            ["user"] = new JsonObject { ["id"] = "U0ANA0001", ["name"] = "ana", ["team_id"] = SlackHost.Team },
            ["trigger_id"] = "3333.4444.trigger",
            ["view"] = new JsonObject
            {
                ["id"] = "V0MODAL01",
                ["callback_id"] = "pulse_capture",
                ["private_metadata"] = metadata,
                ["state"] = new JsonObject
                {
                    ["values"] = new JsonObject
                    {
                        ["quote"] = new JsonObject { ["quote"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = quote } },
                        ["customer"] = new JsonObject { ["customer"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "Acme" } },
                        ["segment"] = new JsonObject
                        {
                            ["segment"] = new JsonObject
                            {
                                ["type"] = "static_select",
                                ["selected_option"] = segment is null ? null : new JsonObject { ["value"] = segment },
                            },
                        },
                        ["themes"] = new JsonObject { ["themes"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "export-timeouts" } },
                    },
                },
            },
        }.ToJsonString();

    [Fact]
    public async Task StoresAndClosesTheModalThenConfirmsEphemerally_WhenTheFormIsValid()
    {
        await using var host = await SlackHost.StartAsync();
        const string metadata = """{"channel_id":"C0CHAN001","permalink":"https://fake.slack.com/archives/C0CHAN001/p1700000000000100"}""";

        var response = await host.InteractionAsync(Submission("Exports time out", "buyer", metadata));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var workspace = await host.WorkspaceAsync();
        var stored = Assert.Single(await host.Store.FindSignalsAsync(workspace.Id, new SignalFilter(), 10, CancellationToken.None));
        Assert.Equal(("Exports time out", "buyer", "https://fake.slack.com/archives/C0CHAN001/p1700000000000100"),
            (stored.Quote, stored.Segment, stored.SourcePermalink));
        Assert.Equal(["export-timeouts"], stored.Themes);
        var confirmation = await host.Api.WaitForAsync("chat.postEphemeral");
        Assert.Equal(("C0CHAN001", "U0ANA0001"), ((string?)confirmation.Json!["channel"], (string?)confirmation.Json!["user"]));
        Assert.Contains("Saved as a customer signal", SlackHost.Texts(confirmation.Json["blocks"]));
    }

    [Fact]
    public async Task KeepsTheModalOpenWithErrorsUnderTheirInputs_WhenTheFormIsInvalid()
    {
        await using var host = await SlackHost.StartAsync();

        var answer = await SlackHost.JsonAsync(await host.InteractionAsync(Submission("   ", "buyer")));

        Assert.Equal("errors", (string?)answer["response_action"]);
        Assert.Contains("quote is empty", (string?)answer["errors"]!["quote"]);
        var workspace = await host.WorkspaceAsync();
        Assert.Equal(0, await host.Store.CountSignalsAsync(workspace.Id, new SignalFilter(), CancellationToken.None));
    }

    [Fact]
    public async Task OpensThePrefilledModal_WhenSaveAsCustomerSignalIsUsedOnAMessage()
    {
        await using var host = await SlackHost.StartAsync();
        var shortcut = new JsonObject
        {
            ["type"] = "message_action",
            ["callback_id"] = "save_signal",
            ["trigger_id"] = "5555.6666.trigger",
            ["response_url"] = host.Api.ResponseUrl("shortcut"),
            ["message_ts"] = "1700000000.000100",
            ["team"] = new JsonObject { ["id"] = SlackHost.Team, ["domain"] = "alpha" },
            ["user"] = new JsonObject { ["id"] = "U0ANA0001", ["name"] = "ana" },
            ["channel"] = new JsonObject { ["id"] = "C0CHAN001", ["name"] = "support" },
            ["message"] = new JsonObject { ["type"] = "message", ["ts"] = "1700000000.000100", ["user"] = "U0BEN0002", ["text"] = "Acme says exports &lt;always&gt; time out &amp; fail" },
        };

        var response = await host.InteractionAsync(shortcut.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var open = await host.Api.WaitForAsync("views.open");
        var view = open.Json!["view"]!;
        var quote = view["blocks"]!.AsArray().Single(b => (string?)b!["block_id"] == "quote")!;
        Assert.Equal("5555.6666.trigger", (string?)open.Json["trigger_id"]);
        Assert.Equal("Acme says exports <always> time out & fail", (string?)quote["element"]!["initial_value"]);
        Assert.Contains("https://fake.slack.com/archives/C0CHAN001/p1700000000000100", (string?)view["private_metadata"]);
        Assert.Contains("From a message by Jane", SlackHost.Texts(view["blocks"]));
        Assert.Equal("C0CHAN001", host.Api.Calls.Single(c => c.Method == "chat.getPermalink").Form["channel"]);
        Assert.Equal("U0BEN0002", host.Api.Calls.Single(c => c.Method == "users.info").Form["user"]);
    }

    [Fact]
    public async Task PostsTheSavedQuoteForTheChannel_WhenShareInChannelIsClicked()
    {
        await using var host = await SlackHost.StartAsync();
        var ack = await SlackHost.JsonAsync(await host.CommandAsync("Exports time out customer:Acme"));
        var button = SlackHost.Button(ack, "share_signal");

        var response = await host.InteractionAsync(Click(host, (string)button["action_id"]!, (string)button["value"]!, "C0CHAN001"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shared = await host.Api.WaitForAsync("hooks/click");
        Assert.Equal("in_channel", (string?)shared.Json!["response_type"]);
        Assert.Contains("&gt; Exports time out", SlackHost.Texts(shared.Json["blocks"]));
        var deleted = await host.Api.WaitForAsync("hooks/click", 2);
        Assert.Equal(true, (bool?)deleted.Json!["delete_original"]);
    }

    [Fact]
    public async Task PostsTheAnswerForTheChannel_WhenPostToChannelIsClicked()
    {
        await using var host = await SlackHost.StartAsync();
        await host.CommandAsync("Exports time out customer:Acme #export-timeouts");
        var ack = await SlackHost.JsonAsync(await host.CommandAsync("top this week"));
        var button = SlackHost.Button(ack, "post_to_channel");

        await host.InteractionAsync(Click(host, (string)button["action_id"]!, (string)button["value"]!, "C0CHAN001"));

        var posted = await host.Api.WaitForAsync("hooks/click");
        Assert.Equal("in_channel", (string?)posted.Json!["response_type"]);
        Assert.Contains("#export-timeouts", SlackHost.Texts(posted.Json["blocks"]));
    }

    [Fact]
    public async Task TellsTheClickerAndPostsNothing_WhenAButtonIsClickedInAnotherChannel()
    {
        await using var host = await SlackHost.StartAsync();
        var ack = await SlackHost.JsonAsync(await host.CommandAsync("Exports time out customer:Acme"));
        var button = SlackHost.Button(ack, "share_signal");

        var response = await host.InteractionAsync(Click(host, "share_signal", (string)button["value"]!, "C0OTHERCH"));

        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var refusal = await host.Api.WaitForAsync("hooks/click");
        Assert.Equal(("ephemeral", false), ((string?)refusal.Json!["response_type"], (bool?)refusal.Json["replace_original"]));
        Assert.Contains("Nothing was posted", SlackHost.Texts(refusal.Json));
        Assert.DoesNotContain("Exports time out", refusal.Body);
        Assert.Single(host.Api.Calls);
    }

    [Fact]
    public async Task Returns400_WhenThePayloadIsNotJson()
    {
        await using var host = await SlackHost.StartAsync();

        var notJson = await host.InteractionAsync("{\"type\": \"block_actions\", ");
        var noPayload = await host.Client.SendAsync(host.Signer.Form("/slack/interactions", [new("other", "x")]));

        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noPayload.StatusCode);
    }

    internal static string Click(SlackHost host, string actionId, string value, string channel, string user = "U0ANA0001") => new JsonObject
    {
        ["type"] = "block_actions",
        ["team"] = new JsonObject { ["id"] = SlackHost.Team, ["domain"] = "alpha" },
        ["user"] = new JsonObject { ["id"] = user, ["name"] = "ana", ["team_id"] = SlackHost.Team },
        ["trigger_id"] = "7777.8888.trigger",
        ["response_url"] = host.Api.ResponseUrl("click"),
        ["container"] = new JsonObject { ["type"] = "message", ["channel_id"] = channel, ["is_ephemeral"] = true },
        ["channel"] = new JsonObject { ["id"] = channel },
        ["actions"] = new JsonArray(new JsonObject { ["type"] = "button", ["action_id"] = actionId, ["block_id"] = "b1", ["value"] = value }),
    }.ToJsonString();
}
