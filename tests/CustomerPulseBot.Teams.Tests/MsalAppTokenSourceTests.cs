using System.Net;
using CustomerPulseBot.Teams.Connector;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomerPulseBot.Teams.Tests;

// The token endpoint is served by a stub handler: MSAL's own HTTP traffic is what is checked.
public sealed class MsalAppTokenSourceTests
{
    [Theory]
    [InlineData(null, "/botframework.com/oauth2/v2.0/token")]
    [InlineData("8f3c0000-0000-4000-8000-00000000ten1", "/8f3c0000-0000-4000-8000-00000000ten1/oauth2/v2.0/token")]
    public async Task AsksEntraOnceWithClientCredentials_AndServesTheCachedTokenAfterwards(string? tenant, string expectedPath)
    {
        var entra = new StubTokenEndpoint();
        var source = Source(entra, tenant);

        var first = await source.GetTokenAsync(CancellationToken.None);
        var second = await source.GetTokenAsync(CancellationToken.None);

        Assert.Equal("token-1", first);
        Assert.Equal("token-1", second);
        var request = Assert.Single(entra.Requests);
        Assert.Equal("login.test", request.Uri.Host);
        Assert.Equal(expectedPath, request.Uri.AbsolutePath);
        var form = QueryHelpers.ParseQuery(request.Body);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal("bot-app-id", form["client_id"]);
        Assert.Equal("bot-secret", form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", form["scope"]);
    }

    private static MsalAppTokenSource Source(StubTokenEndpoint entra, string? tenant)
    {
        var services = new ServiceCollection();
        services.AddHttpClient(nameof(MsalAppTokenSource)).ConfigurePrimaryHttpMessageHandler(() => entra);
        var factory = services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        var options = Options.Create(new TeamsOptions
        {
            AppId = "bot-app-id",
            AppPassword = "bot-secret",
            TenantId = tenant,
            AuthorityHost = "https://login.test",
        });
        return new MsalAppTokenSource(options, factory);
    }

    private sealed class StubTokenEndpoint : HttpMessageHandler
    {
        public List<(Uri Uri, string Body)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add((request.RequestUri!, request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken)));
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(
                    $$"""{"token_type":"Bearer","expires_in":3600,"ext_expires_in":3600,"access_token":"token-{{Requests.Count}}"}""",
                    System.Text.Encoding.UTF8, "application/json"),
            };
        }
    }
}
