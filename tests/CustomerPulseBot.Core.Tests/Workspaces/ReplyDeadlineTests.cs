using CustomerPulseBot.Core.Workspaces;
using Microsoft.Extensions.Time.Testing;

namespace CustomerPulseBot.Core.Tests.Workspaces;

/// <summary>On a test clock: the deadline's times are Slack's protocol, and nothing here waits for real time.</summary>
public sealed class ReplyDeadlineTests
{
    private readonly FakeTimeProvider clock = new();

    [Fact]
    public async Task ReturnsTheAnswer_WhenTheWorkEndsInTime()
    {
        var deadline = new ReplyDeadline(clock);

        var answer = await deadline.RunAsync(_ => Task.FromResult("answer"), CancellationToken.None);

        Assert.Equal("answer", answer);
    }

    [Fact]
    public async Task CancelsTheWork_WhenItsTimeRunsOut()
    {
        var deadline = new ReplyDeadline(clock);
        var cancelledAt = TimeSpan.MinValue;
        var started = new TaskCompletionSource();

        var answer = deadline.RunAsync(async ct =>
        {
            var start = clock.GetUtcNow();
            ct.Register(() => cancelledAt = clock.GetUtcNow() - start);
            started.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return "never";
        }, CancellationToken.None);
        await started.Task;
        clock.Advance(ReplyDeadline.Work);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => answer);
        Assert.Equal(ReplyDeadline.Work, cancelledAt);
    }

    [Fact]
    public async Task StopsWaiting_WhenTheWorkIgnoresItsCancellation()
    {
        var deadline = new ReplyDeadline(clock);
        var stuck = new TaskCompletionSource<string>();
        var started = new TaskCompletionSource();

        var answer = deadline.RunAsync(_ =>
        {
            started.SetResult();
            return stuck.Task;
        }, CancellationToken.None);
        await started.Task;
        clock.Advance(ReplyDeadline.Work);
        var stillWaiting = !answer.IsCompleted;
        clock.Advance(ReplyDeadline.Reply - ReplyDeadline.Work);

        await Assert.ThrowsAsync<TimeoutException>(() => answer);
        Assert.True(stillWaiting);
        Assert.False(stuck.Task.IsCompleted);
    }
}
