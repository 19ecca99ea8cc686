using CustomerPulseBot.Core.Signals;

namespace CustomerPulseBot.Web.Tests.Slack;

/// <summary>The person presses send again (after an apology that could not tell, or by mistake): one signal, the first.</summary>
public sealed class SlackRepeatedCaptureTests
{
    [Fact]
    public async Task AnswersAlreadySavedWithTheFirstId_WhenTheSameCaptureIsSentAgain()
    {
        await using var host = await SlackHost.StartAsync();
        const string text = "Exports time out after 2 minutes customer:Acme #export-timeouts";

        var first = SlackHost.Texts(await SlackHost.JsonAsync(await host.CommandAsync(text)));
        var again = SlackHost.Texts(await SlackHost.JsonAsync(await host.CommandAsync(text)));

        var workspace = await host.WorkspaceAsync();
        var stored = Assert.Single(await host.Store.FindSignalsAsync(workspace.Id, new SignalFilter(), 10, CancellationToken.None));
        Assert.Contains("Saved as a customer signal", first);
        Assert.Contains("Already saved as a customer signal", again);
        Assert.Contains(stored.ShortId, first);
        Assert.Contains(stored.ShortId, again);
    }
}
