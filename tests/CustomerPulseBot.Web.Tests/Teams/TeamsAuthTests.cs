using System.Net;
using CustomerPulseBot.TestKit.Teams;

namespace CustomerPulseBot.Web.Tests.Teams;

public sealed class TeamsAuthTests(TeamsHost host) : IClassFixture<TeamsHost>
{
    public enum Forgery
    {
        NoToken,
        NotBearer,
        Expired,
        WrongAudience,
        WrongIssuer,
        UnpublishedKey,
        KeyEndorsedForAnotherChannel,
        KeyWithoutEndorsements,
        ServiceUrlClaimMismatch,
        ServiceUrlClaimMissing,
        UnknownTenant,
        ServiceUrlHostNotAllowed,
    }

    [Fact]
    public async Task AnswersInTheConversation_WhenTheTokenIsValid()
    {
        var conversation = TeamsActivities.NewConversation();

        var response = await host.PostAsync(TeamsActivities.Message(host.Connector.ServiceUrl, conversation, "help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(host.CallsFor(conversation));
        Assert.Equal($"Bearer {TeamsHost.AppToken}", reply.Authorization);
    }

    [Fact]
    public async Task AcceptsToken_WhenItExpiredWithinTheFiveMinuteSkew()
    {
        var activity = TeamsActivities.Message(host.Connector.ServiceUrl, TeamsActivities.NewConversation(), "help");
        var token = host.Issuer.Token(TeamsHost.AppId, host.Connector.ServiceUrl, expires: DateTimeOffset.UtcNow.AddMinutes(-3));

        var response = await host.PostAsync(activity, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(Forgery.NoToken, HttpStatusCode.Unauthorized)]
    [InlineData(Forgery.NotBearer, HttpStatusCode.Unauthorized)]
    [InlineData(Forgery.Expired, HttpStatusCode.Unauthorized)]
    [InlineData(Forgery.WrongAudience, HttpStatusCode.Unauthorized)]
    [InlineData(Forgery.WrongIssuer, HttpStatusCode.Unauthorized)]
    [InlineData(Forgery.UnpublishedKey, HttpStatusCode.Unauthorized)]
    [InlineData(Forgery.KeyEndorsedForAnotherChannel, HttpStatusCode.Forbidden)]
    [InlineData(Forgery.KeyWithoutEndorsements, HttpStatusCode.Forbidden)]
    [InlineData(Forgery.ServiceUrlClaimMismatch, HttpStatusCode.Unauthorized)]
    [InlineData(Forgery.ServiceUrlClaimMissing, HttpStatusCode.Unauthorized)]
    [InlineData(Forgery.UnknownTenant, HttpStatusCode.Forbidden)]
    [InlineData(Forgery.ServiceUrlHostNotAllowed, HttpStatusCode.Forbidden)]
    public async Task RefusesActivityAndSendsNothing_WhenTheRequestIsForged(Forgery forgery, HttpStatusCode expected)
    {
        var conversation = TeamsActivities.NewConversation();
        var serviceUrl = forgery == Forgery.ServiceUrlHostNotAllowed ? host.Connector.ServiceUrl.Replace("127.0.0.1", "localhost") : host.Connector.ServiceUrl;
        var tenant = forgery == Forgery.UnknownTenant ? "another-tenant" : TeamsHost.Tenant;
        var activity = TeamsActivities.Message(serviceUrl, conversation, "top this week", tenant: tenant);
        var issuer = host.Issuer;
        var token = forgery switch
        {
            Forgery.NoToken => null,
            Forgery.NotBearer => null,
            Forgery.Expired => issuer.Token(TeamsHost.AppId, serviceUrl, expires: DateTimeOffset.UtcNow.AddMinutes(-6)),
            Forgery.WrongAudience => issuer.Token("another-bot", serviceUrl),
            Forgery.WrongIssuer => issuer.Token(TeamsHost.AppId, serviceUrl, issuer: "https://sts.windows.net/attacker/"),
            Forgery.UnpublishedKey => issuer.Token(TeamsHost.AppId, serviceUrl, key: TestTokenIssuer.UnpublishedKey),
            Forgery.KeyEndorsedForAnotherChannel => issuer.Token(TeamsHost.AppId, serviceUrl, key: TestTokenIssuer.OtherChannelKey),
            Forgery.KeyWithoutEndorsements => issuer.Token(TeamsHost.AppId, serviceUrl, key: TestTokenIssuer.UnendorsedKey),
            Forgery.ServiceUrlClaimMismatch => issuer.Token(TeamsHost.AppId, "https://smba.trafficmanager.net/amer/"),
            Forgery.ServiceUrlClaimMissing => issuer.Token(TeamsHost.AppId, null),
            _ => issuer.Token(TeamsHost.AppId, serviceUrl),
        };
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContentOf(activity.ToJsonString()) };
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token}");
        }
        else if (forgery == Forgery.NotBearer)
        {
            request.Headers.TryAddWithoutValidation("Authorization", $"Basic {Convert.ToBase64String("app:password"u8)}");
        }

        var response = await host.Client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        Assert.Empty(host.CallsFor(conversation));
    }

    [Theory]
    [InlineData("{\"type\": \"message\", \"text\": ")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"text\": \"help\", \"serviceUrl\": \"https://smba.trafficmanager.net/amer/\"}")]
    [InlineData("{\"type\": \"message\", \"text\": \"help\"}")]
    [InlineData("{\"type\": 7, \"serviceUrl\": \"https://smba.trafficmanager.net/amer/\"}")]
    public async Task AnswersBadRequest_WhenTheBodyIsNotAnActivity(string body)
    {
        var response = await host.PostRawAsync(body, host.Issuer.Token(TeamsHost.AppId, host.Connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AnswersPayloadTooLarge_WhenTheBodyIsOverTheLimit()
    {
        var conversation = TeamsActivities.NewConversation();
        var activity = TeamsActivities.Message(host.Connector.ServiceUrl, conversation, new string('x', CustomerPulseBot.Teams.TeamsEndpoint.MaxBodyBytes));

        var response = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(host.CallsFor(conversation));
    }

    private static StringContent JsonContentOf(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
