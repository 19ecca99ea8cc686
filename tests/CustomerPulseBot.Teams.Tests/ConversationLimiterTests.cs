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
            (await limiter.AcquireAsync("19:busy@thread.tacv2", null, CancellationToken.None)).Dispose();
        }

        var eighth = limiter.AcquireAsync("19:busy@thread.tacv2", null, CancellationToken.None);
        var elsewhere = limiter.AcquireAsync("a:1quiet", null, CancellationToken.None);

        Assert.False(eighth.IsCompleted);
        Assert.True(elsewhere.IsCompletedSuccessfully);
        (await eighth).Dispose();
    }

    [Fact]
    public async Task HoldsATenantsCallsPastItsPerSecondPace_AcrossConversations()
    {
        await using var limiter = new ConversationLimiter();
        for (var i = 0; i < 40; i++)
        {
            (await limiter.AcquireAsync($"19:channel-{i}@thread.tacv2", "tenant-busy", CancellationToken.None)).Dispose();
        }

        var next = limiter.AcquireAsync("19:channel-40@thread.tacv2", "tenant-busy", CancellationToken.None);
        var otherTenant = limiter.AcquireAsync("19:channel-40@thread.tacv2", "tenant-quiet", CancellationToken.None);

        Assert.False(next.IsCompleted); // waits for the window to slide instead of earning a 429
        Assert.True(otherTenant.IsCompletedSuccessfully);
        (await next).Dispose();
    }
}
