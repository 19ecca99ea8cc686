using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Digests;
using CustomerPulseBot.Core.Workspaces;
using CustomerPulseBot.Web.Tests.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPulseBot.Web.Tests.Digests;

/// <summary>Slack digest subscriptions for tests: built from the command's words, or read back after a command saved one.</summary>
public static class TestSubscription
{
    /// <summary>The channel's digest subscription, which a command must have saved.</summary>
    public static async Task<Subscription> InChannelAsync(SlackHost host, string channel) =>
        await host.App.Services.GetRequiredService<IDigestStore>().FindSubscriptionAsync(
            (await host.WorkspaceAsync()).Id, SubscriptionKind.Digest, channel, CancellationToken.None)
        ?? throw new InvalidOperationException($"No digest subscription was saved for {channel}");

    /// <summary>What the digest command would save for <paramref name="text"/> (UTC when it names no zone).</summary>
    public static Subscription Parse(string text, WorkspaceId workspace, string channel)
    {
        var request = (DigestScheduleRequest)((DigestCommand)CommandParser.Parse(text, new DateOnly(2027, 1, 11), DayOfWeek.Monday)).Request;
        return new Subscription(
            Guid.NewGuid(), SubscriptionKind.Digest, workspace, Platform.Slack, channel, request.Cadence, request.Day, request.At,
            request.TimeZone ?? "UTC", QueryFilters.None, SkipEmpty: false, "U0ANA0001", DateTimeOffset.UnixEpoch);
    }
}
