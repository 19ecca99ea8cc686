using System.Text.Json.Nodes;
using CustomerPulseBot.Slack.BlockKit;
using CustomerPulseBot.TestKit.Pictures;

namespace CustomerPulseBot.Slack.Tests.BlockKit;

// The README's picture of a Slack digest: the blocks our renderer writes, laid out in Slack's styling in
// headless Chromium (Slack has no offline renderer; see ReadmePictures for where the picture is kept).
public sealed class MessagePictureTests
{
    [Fact]
    public async Task DrawsTheReadmeDigest_WhenChromiumLaysOutItsBlocks()
    {
        var message = BlockKitRenderer.Render(ReadmeDigest.View).ToJson(inChannel: true);

        var seen = await ReadmePictures.DrawAsync(new Dictionary<string, JsonObject> { ["digest-slack.png"] = new() { ["slack"] = message } });

        var text = seen[0].Text;
        Assert.Contains("Customer pulse since Fri 20 Nov, 09:00 Europe/Berlin", text);
        Assert.Contains("Month-end close is blocked: the NetSuite export timed out three times this morning.", text);
        Assert.Contains("Harbor & Finch Legal · buyer · email", text);
        Assert.Contains("and 9 more quotes — /pulse top since 20 Nov 2026 ranks them, /pulse search <words> since 20 Nov 2026 finds them", text);
        Assert.Contains("#export-timeouts: 14 signals (was 6), 5 customers", text);
        Assert.Contains("14 → 3 since shipped on 3 Nov", text);
        Assert.Contains("https://calls.example/rec/8841?t=312", seen[0].Links);
    }
}
