using CustomerPulseBot.Teams.Connector;

namespace CustomerPulseBot.Teams.Tests;

public sealed class ConversationLimiterTests
{
    [Fact]
    public async Task HoldsTheEighthSendInASecond_OnlyForTheSameConversation()
    {
        await using var limiter = new ConversationLimiter();
        for (var i = 0; i < 7; i++)
        {
            (await limiter.AcquireAsync("19:busy@thread.tacv2", CancellationToken.None)).Dispose();
        }

        var eighth = limiter.AcquireAsync("19:busy@thread.tacv2", CancellationToken.None);
        var elsewhere = limiter.AcquireAsync("a:1quiet", CancellationToken.None);

        Assert.False(eighth.IsCompleted);
        Assert.True(elsewhere.IsCompletedSuccessfully);
        (await eighth).Dispose();
    }
}
