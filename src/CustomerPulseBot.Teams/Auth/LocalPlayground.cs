using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CustomerPulseBot.Teams.Auth;

// The local Microsoft 365 Agents Playground sends no token and takes none (teams-bot-framework.md, section 7). With
// Teams:AllowUnauthenticatedLocal on, and only in the Development environment, an activity whose serviceUrl is on
// this machine is accepted without a token, and calls to that serviceUrl go without the app token. Anywhere else a
// loopback serviceUrl in a request body is a claim nobody signed, and it earns nothing.
internal sealed class LocalPlayground(IOptions<TeamsOptions> options, IHostEnvironment environment)
{
    public bool Trusts(string? serviceUrl) =>
        options.Value.AllowUnauthenticatedLocal && environment.IsDevelopment() && IsLoopback(serviceUrl);

    private static bool IsLoopback(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var url)
        && (url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)));
}
