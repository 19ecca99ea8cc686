using System.Net;
using System.Text.Json.Nodes;
using CustomerPulseBot.Core.Signals;

namespace CustomerPulseBot.Web.Tests.Teams;

public sealed class TeamsCaptureTests(TeamsHost host) : IClassFixture<TeamsHost>
{
    [Fact]
    public async Task ShowsTheFormWithItsErrorsAndTheTypedValues_WhenAnExecutedCaptureIsInvalid()
    {
        var inputs = Inputs(quote: "", customer: "Acme Typed Corp", evidence: "not a link");

        var response = await host.PostAsync(Execute(TeamsActivities.NewConversation(), inputs));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await TeamsHost.JsonAsync(response);
        Assert.Equal(200, (int?)answer["statusCode"]);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)answer["type"]);
        var card = answer["value"]!.AsObject();
        var customer = Input(card, CaptureField.Customer);
        Assert.Equal("Acme Typed Corp", (string?)customer["value"]);
        Assert.Contains("Nothing was saved yet", TeamsHost.Texts(card));
    }

    [Fact]
    public async Task StoresAndConfirmsInTheSameResponse_WhenAnExecutedCaptureIsValid()
    {
        var quote = $"Our buyers cannot find the audit log {Guid.NewGuid():N}";
        var conversation = TeamsActivities.NewConversation();

        var response = await host.PostAsync(Execute(conversation, Inputs(quote, customer: "Globex", themes: "audit-log, findability")));

        var answer = await TeamsHost.JsonAsync(response);
        Assert.Contains("Signal captured", TeamsHost.Texts(answer["value"]));
        var signal = Assert.Single(await FindAsync(quote));
        Assert.Equal("Globex", signal.Customer);
        Assert.Equal(["audit-log", "findability"], signal.Themes.Order());
        Assert.Empty(host.CallsFor(conversation));
    }

    [Fact]
    public async Task AnswersWithAnErrorBody_WhenTheExecuteVerbIsUnknown()
    {
        var activity = TeamsActivities.Invoke(host.Connector.ServiceUrl, TeamsActivities.NewConversation(), "adaptiveCard/action", new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "somethingElse", ["data"] = new JsonObject() },
        });

        var response = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await TeamsHost.JsonAsync(response);
        Assert.Equal(400, (int?)answer["statusCode"]);
        Assert.Equal("application/vnd.microsoft.error", (string?)answer["type"]);
    }

    [Fact]
    public async Task StoresAndRepliesWithTheConfirmation_WhenTheCardIsSubmittedAsAMessage()
    {
        var quote = $"Renewal pricing surprised the CFO {Guid.NewGuid():N}";
        var conversation = TeamsActivities.NewConversation();
        var activity = TeamsActivities.Message(host.Connector.ServiceUrl, conversation, "");
        activity.Remove("text");
        activity["replyToId"] = "1700000000001";
        activity["value"] = Inputs(quote, customer: "Initech");

        var response = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Initech", Assert.Single(await FindAsync(quote)).Customer);
        Assert.Contains("Signal captured", TeamsHost.Texts(Assert.Single(host.CallsFor(conversation)).Card));
    }

    [Fact]
    public async Task ApologisesWithTheTypedQuote_WhenReplyingToASubmittedCardFails()
    {
        var quote = $"The invoice PDF is missing the VAT number {Guid.NewGuid():N}";
        var conversation = TeamsActivities.NewConversation();
        var activity = TeamsActivities.Message(host.Connector.ServiceUrl, conversation, "");
        activity.Remove("text");
        activity["value"] = Inputs(quote);
        host.Connector.AnswerNext(500, """{"error":{"code":"ServiceError","message":"boom"}}""");

        var response = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = host.CallsFor(conversation);
        Assert.Equal(2, calls.Count);
        Assert.Contains(quote, TeamsHost.Texts(calls[1].Card));
    }

    [Fact]
    public async Task OpensThePrefilledCardInADialog_WhenSaveAsCustomerSignalIsChosenOnAMessage()
    {
        var activity = MessageAction("composeExtension/fetchTask", new JsonObject
        {
            ["commandContext"] = "message",
            ["messagePayload"] = new JsonObject
            {
                ["id"] = "1700000000123",
                ["linkToMessage"] = "https://teams.microsoft.com/l/message/19:abc@thread.tacv2/1700000000123",
                ["body"] = new JsonObject { ["contentType"] = "html", ["content"] = "<p>Customer said: <b>exports</b> &amp; reports are slow</p><p>every Monday</p>" },
                ["from"] = new JsonObject { ["user"] = new JsonObject { ["id"] = "aad-bo", ["displayName"] = "Bo Chen" } },
            },
        });

        var response = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var task = (await TeamsHost.JsonAsync(response))["task"]!;
        Assert.Equal("continue", (string?)task["type"]);
        Assert.Contains("Bo Chen", (string?)task["value"]?["title"]);
        var card = task["value"]!["card"]!["content"]!.AsObject();
        Assert.Equal("Customer said: exports & reports are slow\nevery Monday", (string?)Input(card, CaptureField.Quote)["value"]);
        var submit = Assert.Single(card["actions"]!.AsArray())!;
        Assert.Equal("Action.Submit", (string?)submit["type"]);
        Assert.Equal("https://teams.microsoft.com/l/message/19:abc@thread.tacv2/1700000000123", (string?)submit["data"]?["permalink"]);
    }

    [Theory]
    [InlineData("https://teams.microsoft.com/l/message/19:abc@thread.tacv2/1700000000456", true)]
    [InlineData("https://TEAMS.microsoft.com/l/message/19:abc@thread.tacv2/1700000000456", true)]
    [InlineData("https://teams.cloud.microsoft/l/message/19:abc@thread.tacv2/1700000000456", true)]
    [InlineData("https://gov.teams.microsoft.us/l/message/19:abc@thread.tacv2/1700000000456", true)]
    [InlineData("https://emea.teams.microsoft.com/l/message/19:abc@thread.tacv2/1700000000456", true)]
    [InlineData("http://teams.microsoft.com/l/message/19:abc@thread.tacv2/1700000000456", false)]
    [InlineData("https://teams.microsoft.com.evil.example/l/message/19:abc@thread.tacv2/1", false)]
    [InlineData("https://evilteams.microsoft.com/l/message/1", false)]
    [InlineData("https://teams.microsoft.com@evil.example/l/message/1", false)]
    [InlineData("https://evil.example/?https://teams.microsoft.com/", false)]
    [InlineData("https://teams.microsoft.com:8443/l/message/1", false)]
    [InlineData("javascript:alert(document.cookie)", false)]
    [InlineData("//teams.microsoft.com/l/message/1", false)]
    [InlineData("/l/message/1", false)]
    [InlineData("https://teams.microsoft.com/l/message/1 ) [click](https://evil.example", false)]
    public async Task KeepsThePermalinkOnlyWhenItIsATeamsLinkAndStoresTheSignalEither_WhenTheMessageActionIsSubmitted(string permalink, bool kept)
    {
        var quote = $"The mobile app logs people out hourly {Guid.NewGuid():N}";
        var data = Inputs(quote, customer: "Hooli");
        data["permalink"] = permalink;
        var activity = MessageAction("composeExtension/submitAction", new JsonObject
        {
            ["commandContext"] = "message",
            ["data"] = data,
        });

        var response = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var signal = Assert.Single(await FindAsync(quote));
        Assert.Equal(kept ? permalink : null, signal.SourcePermalink);
        Assert.Contains("Signal captured", TeamsHost.Texts((await TeamsHost.JsonAsync(response))["task"]?["value"]?["card"]));
    }

    [Fact]
    public async Task OpensTheCardWithoutTheLink_WhenTheMessageLinkIsNotATeamsLink()
    {
        var activity = MessageAction("composeExtension/fetchTask", new JsonObject
        {
            ["commandContext"] = "message",
            ["messagePayload"] = new JsonObject
            {
                ["linkToMessage"] = "https://evil.example/l/message/19:abc@thread.tacv2/1700000000123",
                ["body"] = new JsonObject { ["contentType"] = "text", ["content"] = "Customer said the export is slow" },
            },
        });

        var response = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("evil.example", await response.Content.ReadAsStringAsync());
        var card = (await TeamsHost.JsonAsync(response))["task"]!["value"]!["card"]!["content"]!.AsObject();
        Assert.Equal("Customer said the export is slow", (string?)Input(card, CaptureField.Quote)["value"]);
    }

    [Fact]
    public async Task ShowsTheErrorsInTheDialog_WhenTheMessageActionIsSubmittedEmpty()
    {
        var activity = MessageAction("composeExtension/submitAction", new JsonObject
        {
            ["data"] = Inputs("", customer: "Kept Typed Name"),
        });

        var response = await host.PostAsync(activity);

        var card = (await TeamsHost.JsonAsync(response))["task"]!["value"]!["card"]!["content"]!.AsObject();
        Assert.Equal("Kept Typed Name", (string?)Input(card, CaptureField.Customer)["value"]);
        Assert.Contains("Nothing was saved yet", TeamsHost.Texts(card));
    }

    // "Save as customer signal" on a channel message: the message extension's fetchTask or submitAction for saveSignal.
    private JsonObject MessageAction(string name, JsonObject value)
    {
        value["commandId"] = "saveSignal";
        return TeamsActivities.Invoke(host.Connector.ServiceUrl, TeamsActivities.NewConversation("channel"), name, value, "channel");
    }

    private JsonObject Execute(string conversation, JsonObject inputs)
    {
        inputs["action"] = "captureSignal";
        var activity = TeamsActivities.Invoke(host.Connector.ServiceUrl, conversation, "adaptiveCard/action", new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "captureSignal", ["data"] = inputs },
        });
        activity["replyToId"] = "1700000000001";
        return activity;
    }

    private static JsonObject Inputs(string quote, string? customer = null, string? themes = null, string? evidence = null)
    {
        var inputs = new JsonObject
        {
            ["action"] = "captureSignal",
            [CaptureField.Quote] = quote,
            [CaptureField.Kind] = "pain",
            [CaptureField.Severity] = "medium",
        };
        foreach (var (key, value) in new[] { (CaptureField.Customer, customer), (CaptureField.Themes, themes), (CaptureField.EvidenceUrl, evidence) })
        {
            if (value is not null)
            {
                inputs[key] = value;
            }
        }

        return inputs;
    }

    private static JsonObject Input(JsonObject card, string id) =>
        card["body"]!.AsArray().OfType<JsonObject>().Single(e => (string?)e["id"] == id);

    private async Task<IReadOnlyList<Signal>> FindAsync(string quote) =>
        await host.Store.FindSignalsAsync((await host.WorkspaceAsync()).Id, new SignalFilter(Text: quote), 5, CancellationToken.None);
}
