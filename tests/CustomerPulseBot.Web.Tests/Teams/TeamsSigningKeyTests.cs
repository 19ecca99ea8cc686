using System.Net;
using CustomerPulseBot.TestKit.Teams;

namespace CustomerPulseBot.Web.Tests.Teams;

// The Bot Framework's key endpoint stalls: every request is still answered, none waits for it.
public sealed class TeamsSigningKeyTests
{
    // Not a timing assertion: a request that waited for the stalled endpoint would wait until the outbound attempt
    // timeout (15 s) or forever, so any answer before this bound is one that did not wait.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AnswersServiceUnavailableWithoutWaiting_WhenTheKeysStallBeforeTheyWereEverFetched()
    {
        await using var host = await TeamsHost.StartWithStalledKeysAsync();
        var conversation = TeamsActivities.NewConversation();

        var response = await host.PostAsync(TeamsActivities.Message(host.Connector.ServiceUrl, conversation, "help")).WaitAsync(Bound);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Empty(host.CallsFor(conversation));
    }

    [Fact]
    public async Task AcceptsValidTokensWithTheLastKeys_WhenARefreshStalls()
    {
        await using var host = await TeamsHost.StartAsync();
        var serviceUrl = host.Connector.ServiceUrl;
        var before = await host.PostAsync(TeamsActivities.Message(serviceUrl, TeamsActivities.NewConversation(), "help"));
        host.Issuer.Stall();
        var conversation = TeamsActivities.NewConversation();

        // A key the last fetch did not have asks for a refresh, which stalls.
        var unknownKey = await host.PostAsync(
            TeamsActivities.Message(serviceUrl, TeamsActivities.NewConversation(), "help"),
            host.Issuer.Token(TeamsHost.AppId, serviceUrl, key: TestTokenIssuer.UnpublishedKey)).WaitAsync(Bound);
        var valid = await host.PostAsync(TeamsActivities.Message(serviceUrl, conversation, "help")).WaitAsync(Bound);

        Assert.Equal(
            (HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.OK),
            (before.StatusCode, unknownKey.StatusCode, valid.StatusCode));
        Assert.Single(host.CallsFor(conversation));
    }
}
