using CustomerPulseBot.Slack.Posting;

namespace CustomerPulseBot.Slack.Tests.Api;

public sealed class SlackPostPacerTests
{
    [Fact]
    public async Task HoldsASecondPostToTheSameChannel_ButNotToAnother()
    {
        await using var pacer = new SlackPostPacer();
        using var first = await pacer.AcquireAsync("T1", "C1", CancellationToken.None);

        var sameChannel = pacer.AcquireAsync("T1", "C1", CancellationToken.None);
        using var otherChannel = await pacer.AcquireAsync("T1", "C2", CancellationToken.None);
        using var otherTeam = await pacer.AcquireAsync("T2", "C1", CancellationToken.None);

        Assert.False(sameChannel.IsCompleted); // waits for the next one-second window instead of failing
        (await sameChannel).Dispose();
    }
}
