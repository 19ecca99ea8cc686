using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using CustomerPulseBot.Web.Digests;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CustomerPulseBot.Web.Tests.Digests;

public sealed class HangfireDashboardTests
{
    private const string Token = "0123456789abcdef0123456789abcdef-dashboard";

    [Fact]
    public async Task IsNotThere_WhenTheDashboardIsOff()
    {
        await using var app = PulseAppFactory.Sqlite("Production", ("Hangfire:Dashboard:AdminToken", Token));

        var response = await Authorized(app.CreateClient(), Token).GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/hangfire")]
    [InlineData("/hangfire/recurring")]
    [InlineData("/hangfire/jobs/failed")]
    public async Task RefusesEveryPage_WithoutTheToken(string path)
    {
        await using var app = Dashboard();

        var response = await app.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("Hangfire", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("Bearer wrong-token-0123456789abcdef0123456789")]
    [InlineData("Bearer " + Token + "x")]
    [InlineData("Basic " + Token)]
    public async Task RefusesTheDashboard_WithAWrongToken(string authorization)
    {
        await using var app = Dashboard();
        var http = app.CreateClient();
        http.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(authorization);

        var response = await http.GetAsync("/hangfire/recurring");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task RefusesTheDashboard_WithACookieThatIsNotTheTokensHash()
    {
        await using var app = Dashboard();
        var http = app.CreateClient();
        http.DefaultRequestHeaders.Add("Cookie", $"{DashboardTokenFilter.Cookie}={Token}");

        var response = await http.GetAsync("/hangfire/recurring");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ShowsTheRecurringJobs_WithTheTokenAsBearer()
    {
        await using var app = Dashboard();

        var response = await Authorized(app.CreateClient(), Token).GetAsync("/hangfire/recurring");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Recurring Jobs", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SetsAStrictHttpOnlyCookieHoldingNoToken_WhenVisitedOnceWithTheTokenInTheAddress()
    {
        await using var app = Dashboard();
        var http = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });

        var first = await http.GetAsync($"/hangfire?token={Token}");
        var later = await http.GetAsync("/hangfire/recurring");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, later.StatusCode));
        var cookie = Assert.Single(first.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(DashboardTokenFilter.Cookie + "=", cookie);
        Assert.DoesNotContain(Token, cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/hangfire", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SetsACookieThatExpiresInEightHours_WhenVisitedOnceWithTheTokenInTheAddress()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-02T10:00:00Z"));
        await using var app = Dashboard(clock);

        var first = await app.CreateClient().GetAsync($"/hangfire?token={Token}");

        var cookie = Assert.Single(first.Headers.GetValues("Set-Cookie"));
        Assert.Contains("max-age=28800", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("expires=Mon, 02 Mar 2026 18:00:00 GMT", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RefusesTheCookie_OnceItHasExpired()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-02T10:00:00Z"));
        await using var app = Dashboard(clock);
        var first = await app.CreateClient().GetAsync($"/hangfire?token={Token}");
        var cookie = Assert.Single(first.Headers.GetValues("Set-Cookie")).Split(';')[0];
        var http = app.CreateClient();
        http.DefaultRequestHeaders.Add("Cookie", cookie);

        clock.Advance(TimeSpan.FromHours(8) - TimeSpan.FromSeconds(1));
        var before = await http.GetAsync("/hangfire/recurring");
        clock.Advance(TimeSpan.FromSeconds(1));
        var after = await http.GetAsync("/hangfire/recurring");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Unauthorized), (before.StatusCode, after.StatusCode));
    }

    [Theory]
    [InlineData("{0}")]
    [InlineData("9999999999.{1}")]
    [InlineData("9999999999")]
    [InlineData(".{1}")]
    public async Task RefusesTheCookie_WhenItsExpiryOrSealIsForged(string forged)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-02T10:00:00Z"));
        await using var app = Dashboard(clock);
        var first = await app.CreateClient().GetAsync($"/hangfire?token={Token}");
        var value = Assert.Single(first.Headers.GetValues("Set-Cookie")).Split(';')[0].Split('=', 2)[1];
        var tokenHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Token)));
        var http = app.CreateClient();
        http.DefaultRequestHeaders.Add("Cookie", $"{DashboardTokenFilter.Cookie}={string.Format(forged, tokenHash, value.Split('.')[1])}");

        var response = await http.GetAsync("/hangfire/recurring");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(null, "not set")]
    [InlineData("short-token", "too short")]
    public async Task RefusesToStartNamingTheSetting_WhenTheDashboardIsOnWithoutALongToken(string? token, string problem)
    {
        await using var app = PulseAppFactory.Sqlite("Production", ("Hangfire:Dashboard:Enabled", "true"), ("Hangfire:Dashboard:AdminToken", token));

        var error = Record.Exception(() => app.CreateClient());

        Assert.NotNull(error);
        Assert.Contains("Hangfire:Dashboard:AdminToken", error.Message);
        Assert.Contains(problem, error.Message);
    }

    private static PulseAppFactory Dashboard(FakeTimeProvider? clock = null)
    {
        var app = PulseAppFactory.Sqlite("Production", ("Hangfire:Dashboard:Enabled", "true"), ("Hangfire:Dashboard:AdminToken", Token));
        return clock is null ? app : app.WithServices(services => services.AddSingleton<TimeProvider>(clock));
    }

    private static HttpClient Authorized(HttpClient http, string token)
    {
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
