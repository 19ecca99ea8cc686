using CustomerPulseBot.Core.Signals;

namespace CustomerPulseBot.Web.Tests.Slack;

/// <summary>Personal data through the real pipeline: masked on the way in, and a customer erased on request.</summary>
public sealed class SlackPersonalDataTests
{
    [Fact]
    public async Task StoresAndAnswersMasked_AndLogsNoneOfIt_WhenASlashCommandCarriesPersonalData()
    {
        await using var host = await SlackHost.StartAsync();

        var ack = await SlackHost.JsonAsync(await host.CommandAsync(
            "Refund jane@acme.example.com, card 4847 7326 4415 8229, call +44 20 7946 0958 customer:Acme"));

        var texts = SlackHost.Texts(ack["blocks"]);
        var workspace = await host.WorkspaceAsync();
        var stored = Assert.Single(await host.Store.FindSignalsAsync(workspace.Id, new SignalFilter(), 10, CancellationToken.None));
        Assert.StartsWith("Refund [email], card [card]", stored.Quote);
        Assert.EndsWith("call [phone]", stored.Quote);
        Assert.Contains(":lock: Masked before saving: 1 email, 1 phone number, 1 card number", texts);
        Assert.DoesNotContain("jane@", texts);
        Assert.DoesNotContain(host.App.Logs.Entries, e => e.Message.Contains("jane@", StringComparison.Ordinal) || e.Message.Contains("4847", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ErasesTheCustomer_OnlyWhenThePersonAskedClicksErase()
    {
        await using var host = await SlackHost.StartAsync();
        host.Api.MakeAdmin("U0ANA0001"); // forgetting a customer is an admin's
        await host.CommandAsync("Exports hang customer:Acme");
        await host.CommandAsync("Invoices are wrong customer:acme");

        var asked = await SlackHost.JsonAsync(await host.CommandAsync("forget customer:Acme"));
        var value = (string)SlackHost.Button(asked, "forget_customer")["value"]!;
        await host.InteractionAsync(SlackInteractionTests.Click(host, "forget_customer", value, "C0CHAN001", user: "U0OTHER01"));
        var refused = await host.Api.WaitForAsync("hooks/click");
        var workspace = await host.WorkspaceAsync();
        var kept = await host.Store.CountSignalsAsync(workspace.Id, new SignalFilter(), CancellationToken.None);
        await host.InteractionAsync(SlackInteractionTests.Click(host, "forget_customer", value, "C0CHAN001"));
        var erased = await host.Api.WaitForAsync("hooks/click", 2);

        Assert.Contains("Erase 2 signals of “Acme”?", SlackHost.Texts(asked["blocks"]));
        Assert.Contains("Nothing was erased", SlackHost.Texts(refused.Json));
        Assert.Equal(2, kept);
        Assert.Contains("Erased 2 signals of \"Acme\"", SlackHost.Texts(erased.Json));
        Assert.Equal(true, (bool?)erased.Json!["replace_original"]);
        Assert.Equal(0, await host.Store.CountSignalsAsync(workspace.Id, new SignalFilter(), CancellationToken.None));
    }
}
