using System.Net;
using CustomerPulseBot.Core.Signals;

namespace CustomerPulseBot.Web.Tests.Slack;

public sealed class SlackCommandTests
{
    [Fact]
    public async Task StoresTheSignalBeforeAnsweringWithAnEphemeralConfirmation_WhenAQuoteIsTyped()
    {
        await using var host = await SlackHost.StartAsync();

        var response = await host.CommandAsync("Exports time out after 2 minutes customer:Acme segment:buyer #export-timeouts");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ack = await SlackHost.JsonAsync(response);
        var workspace = await host.WorkspaceAsync();
        var stored = Assert.Single(await host.Store.FindSignalsAsync(workspace.Id, new SignalFilter(), 10, CancellationToken.None));
        Assert.Equal("Exports time out after 2 minutes", stored.Quote);
        Assert.Equal(("Acme", "U0ANA0001", "C0CHAN001"), (stored.Customer, stored.CapturedBy.Id, stored.CapturedIn));
        Assert.Equal("ephemeral", (string?)ack["response_type"]);
        Assert.Contains("Saved as a customer signal", SlackHost.Texts(ack["blocks"]));
        Assert.Contains("Share in channel", SlackHost.Texts(ack["blocks"]));
        Assert.Empty(host.Api.Calls);
    }

    [Fact]
    public async Task AnswersTopPainPointsEphemerallyWithAPostButton_WhenAsked()
    {
        await using var host = await SlackHost.StartAsync();
        await host.CommandAsync("Exports time out customer:Acme #export-timeouts");
        await host.CommandAsync("Export is slow again customer:Globex #export-timeouts");

        var ack = await SlackHost.JsonAsync(await host.CommandAsync("top this week"));

        var texts = SlackHost.Texts(ack["blocks"]);
        Assert.Equal("ephemeral", (string?)ack["response_type"]);
        Assert.Contains("Top customer pain points this week", texts);
        Assert.Contains("#export-timeouts", texts);
        Assert.Contains("2 signals from 2 customers", texts);
        Assert.Contains("Post to channel", texts);
    }

    [Fact]
    public async Task RefusesAndStoresNothing_WhenTheTeamIsNotTheInstalledOne()
    {
        await using var host = await SlackHost.StartAsync();

        var ack = await SlackHost.JsonAsync(await host.CommandAsync("Exports time out customer:Acme", team: "TOTHER999"));

        Assert.Contains("not installed in this workspace", SlackHost.Texts(ack));
        var other = await host.WorkspaceAsync("TOTHER999");
        Assert.Equal(0, await host.Store.CountSignalsAsync(other.Id, new SignalFilter(), CancellationToken.None));
    }

    [Fact]
    public async Task OpensTheCaptureModalThroughViewsOpen_WhenPulseHasNoWords()
    {
        await using var host = await SlackHost.StartAsync();

        var response = await host.CommandAsync("");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var call = await host.Api.WaitForAsync("views.open");
        Assert.Equal("Bearer " + SlackHost.BotToken, call.Authorization);
        Assert.Equal("1111.2222.trigger", (string?)call.Json!["trigger_id"]);
        Assert.Equal("pulse_capture", (string?)call.Json!["view"]!["callback_id"]);
    }

    [Fact]
    public async Task RepliesWithTheTextToResend_WhenTheCaptureIsInvalid()
    {
        await using var host = await SlackHost.StartAsync();

        var customer = string.Concat(Enumerable.Repeat("kings", 41)); // 205 characters, over the limit of 200
        var ack = await SlackHost.JsonAsync(await host.CommandAsync("Exports are slow customer:" + customer));

        var texts = SlackHost.Texts(ack["blocks"]);
        Assert.Contains("Nothing was saved", texts);
        Assert.Contains("The customer name is 205 characters long", texts);
        Assert.Contains("&gt; Exports are slow customer:" + customer, texts);
    }

    // One unreadable field never loses a capture (issue 8): stored without it, and the reply says how to fix it.
    [Fact]
    public async Task SavesWithoutTheFieldAndSaysWhatWasLeftOut_WhenTheSegmentIsUnknown()
    {
        await using var host = await SlackHost.StartAsync();

        var ack = await SlackHost.JsonAsync(await host.CommandAsync("Exports are slow segment:kings"));

        var texts = SlackHost.Texts(ack["blocks"]);
        Assert.Contains("Saved as a customer signal", texts);
        Assert.Contains("*Left out:* \"kings\" is not a segment I know.", texts);
        Assert.Contains("Edit", texts);
        var workspace = await host.WorkspaceAsync();
        var stored = Assert.Single(await host.Store.FindSignalsAsync(workspace.Id, new SignalFilter(), 5, CancellationToken.None));
        Assert.Equal(("Exports are slow", null), (stored.Quote, stored.Segment));
    }
}
