using CustomerPulseBot.Core.Signals;

namespace CustomerPulseBot.Web.Tests.Slack;

/// <summary>
/// Slack sends a typed &amp;, &lt; and &gt; as entities on every path; the bot decodes them once on the way in and
/// escapes them once on the way out, so what is stored is what was typed and what is shown reads the same.
/// </summary>
public sealed class SlackTextDecodingTests
{
    [Fact]
    public async Task StoresWhatWasTypedAndShowsItEscapedOnce_WhenPulseTextArrivesWithEntities()
    {
        await using var host = await SlackHost.StartAsync();

        var ack = await SlackHost.JsonAsync(await host.CommandAsync("&lt;b&gt; exports fail customer:AT&amp;T"));

        var stored = Assert.Single(await SignalsAsync(host));
        Assert.Equal(("<b> exports fail", "AT&T"), (stored.Quote, stored.Customer));
        var texts = SlackHost.Texts(ack["blocks"]);
        Assert.Contains("&gt; &lt;b&gt; exports fail", texts);
        Assert.Contains("AT&amp;T", texts);
        Assert.DoesNotContain("&amp;lt;", texts);
        Assert.DoesNotContain("&amp;amp;", texts);
    }

    [Fact]
    public async Task GivesTheTextBackAsTyped_WhenACaptureWithEntitiesIsRefused()
    {
        await using var host = await SlackHost.StartAsync();
        var customer = string.Concat(Enumerable.Repeat("A&amp;B", 70)); // 210 characters as typed: over the limit of 200

        var ack = await SlackHost.JsonAsync(await host.CommandAsync("&lt;b&gt; fails customer:" + customer));

        var texts = SlackHost.Texts(ack["blocks"]);
        Assert.Empty(await SignalsAsync(host));
        Assert.Contains("The customer name is 210 characters long", texts);
        Assert.Contains("&gt; &lt;b&gt; fails customer:" + customer, texts);
        Assert.DoesNotContain("&amp;lt;", texts);
        Assert.DoesNotContain("&amp;amp;", texts);
    }

    [Fact]
    public async Task AcceptsAFourThousandCharacterQuote_WhenItsTenAngleBracketsArriveAsEntities()
    {
        await using var host = await SlackHost.StartAsync();
        var quote = string.Concat(Enumerable.Repeat("a < b ", 10)) + new string('x', 3940);
        // A fresh host's first capture compiles the whole path; on a busy machine that alone can pass the reply deadline.
        await host.CommandAsync("warm-up capture");

        var ack = await SlackHost.JsonAsync(await host.CommandAsync(quote.Replace("<", "&lt;")));

        Assert.Contains("Saved as a customer signal", SlackHost.Texts(ack["blocks"]));
        Assert.Equal(SignalVocabulary.MaxQuoteLength, quote.Length);
        Assert.Contains(quote, (await SignalsAsync(host)).Select(s => s.Quote));
    }

    [Fact]
    public async Task CountsOneCustomer_WhenTheSameNameWithAnAmpersandComesFromPulseAndFromAMention()
    {
        await using var host = await SlackHost.StartAsync();

        await host.CommandAsync("exports fail customer:AT&amp;T");
        await host.EventAsync(SlackEventTests.Callback("Ev0AMPERSAND", SlackEventTests.Mention("<@U0BOT0001> sso breaks customer:AT&amp;T", "1700000000.000900")));
        await host.Api.WaitForAsync("chat.postMessage");

        var signals = await SignalsAsync(host);
        Assert.Equal(2, signals.Count);
        Assert.Equal(["AT&T"], signals.Select(s => s.Customer).Distinct());
    }

    private static async Task<IReadOnlyList<Signal>> SignalsAsync(SlackHost host)
    {
        var workspace = await host.WorkspaceAsync();
        return await host.Store.FindSignalsAsync(workspace.Id, new SignalFilter(), 10, CancellationToken.None);
    }
}
