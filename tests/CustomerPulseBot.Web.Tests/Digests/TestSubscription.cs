using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Digests;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Web.Tests.Digests;

/// <summary>A Slack digest subscription read from the command's words, as the digest command would save it.</summary>
public static class TestSubscription
{
    public static Subscription Parse(string text, WorkspaceId workspace, string channel)
    {
        var request = (DigestScheduleRequest)((DigestCommand)CommandParser.Parse(text, new DateOnly(2027, 1, 11))).Request;
        return new Subscription(
            Guid.NewGuid(), SubscriptionKind.Digest, workspace, Platform.Slack, channel, request.Cadence, request.Day, request.At,
            request.TimeZone ?? "UTC", QueryFilters.None, SkipEmpty: false, "U0ANA0001", DateTimeOffset.UnixEpoch);
    }
}
