using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Digests;
using CustomerPulseBot.Web.Tests.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerPulseBot.Web.Tests.Digests;

public sealed class TeamsDigestCommandTests(TeamsHost host) : IClassFixture<TeamsHost>
{
    [Fact]
    public async Task SchedulesTheConversationsDigestInThePersonsZone_WhenTeamsSaysDigestWithoutOne()
    {
        var conversation = TeamsActivities.NewConversation();

        await host.PostAsync(TeamsActivities.Message(host.Connector.ServiceUrl, conversation, "digest weekdays 08:30"));

        var reply = TeamsHost.Texts(Assert.Single(host.CallsFor(conversation)).Card);
        var subscription = await host.App.Services.GetRequiredService<IDigestStore>().FindSubscriptionAsync(
            (await host.WorkspaceAsync()).Id, SubscriptionKind.Digest, conversation, CancellationToken.None)
            ?? throw new InvalidOperationException("The digest command saved no subscription");
        var job = new HangfireDriver(host.App.Services).Recurring(subscription.JobId);
        Assert.Contains("Digest scheduled", reply);
        Assert.Contains("your time zone (Europe/Berlin)", reply); // the activity's localTimezone
        Assert.Equal(("30 8 * * 1-5", "Europe/Berlin"), (job?.Cron, job?.TimeZoneId));
    }
}
