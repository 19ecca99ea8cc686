using System.Diagnostics;
using CustomerPulseBot.Core.Views;
using Xunit.Abstractions;

namespace CustomerPulseBot.Web.Tests.Faults;

/// <summary>
/// What the fault tests share: the reply budget, a stopwatch that prints what it measured (the figures of the
/// closing note: run with <c>--logger "console;verbosity=detailed"</c>), and what an apology may say.
/// </summary>
public static class FaultReplies
{
    /// <summary>Slack's acknowledgement budget as issue 12 sets it: a bound the protocol needs, not a speed target.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(2.5);

    /// <summary>The health check's own timeout (the 2 s a reply has), and half a second for the response around it.</summary>
    public static readonly TimeSpan HealthBudget = TimeSpan.FromSeconds(2.5);

    public static async Task<T> TimedAsync<T>(ITestOutputHelper output, string what, Func<Task<T>> act, TimeSpan budget)
    {
        var watch = Stopwatch.StartNew();
        var result = await act();
        watch.Stop();
        output.WriteLine($"{what}: {watch.ElapsedMilliseconds} ms");
        Assert.True(watch.Elapsed < budget, $"{what} took {watch.ElapsedMilliseconds} ms, over the {budget.TotalMilliseconds} ms budget");
        return result;
    }

    /// <summary>True when the apology says nothing was saved; false when it says it cannot tell; anything else fails.</summary>
    public static bool SaysNothingWasSaved(string reply) =>
        reply.Contains(ErrorView.NotSaved) || reply.Contains(ErrorView.StoreFailed)
            ? true
            : reply.Contains(ErrorView.Unconfirmed)
                ? false
                : throw new Xunit.Sdk.XunitException($"The reply is no apology for an unanswered write: {reply}");
}
