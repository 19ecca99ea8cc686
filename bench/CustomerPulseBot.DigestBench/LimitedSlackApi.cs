using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.DigestBench;

/// <summary>
/// Slack's Web API for many workspaces on 127.0.0.1. oauth.v2.access installs the team named by the code
/// (<c>code-{team}</c>) with the bot token <c>xoxb-{team}</c>; chat.postMessage is held to Slack's limits
/// (slack-platform.md, section 5): one message per second per channel, and a workspace-wide cap of
/// <see cref="PerWorkspacePerMinute"/> a minute, the low end of Slack's "several hundred".
/// </summary>
internal sealed class LimitedSlackApi(WebApplication app, Ledger ledger) : IAsyncDisposable
{
    public const int PerWorkspacePerMinute = 300;
    private const string TokenPrefix = "Bearer xoxb-";

    public Ledger Ledger => ledger;

    public string ApiBaseUrl => app.Urls.Single().TrimEnd('/') + "/api/";

    public static async Task<LimitedSlackApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new LimitedSlackApi(app, new Ledger(
            """{"ok":false,"error":"ratelimited"}""",
            new RateWindows("per channel", (1, TimeSpan.FromSeconds(1))),
            new RateWindows("per workspace", (PerWorkspacePerMinute, TimeSpan.FromMinutes(1)))));
        app.MapPost("/api/{method}", (string method, HttpContext http) => fake.AnswerAsync(method, http));
        await app.StartAsync();
        return fake;
    }

    public static string Code(string team) => $"code-{team}";

    public ValueTask DisposeAsync() => app.DisposeAsync();

    private async Task<IResult> AnswerAsync(string method, HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        return method switch
        {
            "oauth.v2.access" => OAuthAccess(Form(body, "code")),
            "chat.postMessage" => PostMessage(http, body),
            "users.info" => Json(new() { ["ok"] = true, ["user"] = new JsonObject { ["id"] = Form(body, "user"), ["name"] = "bench", ["tz"] = "UTC" } }),
            _ => Json(new() { ["ok"] = true }),
        };
    }

    private static IResult OAuthAccess(string code)
    {
        var team = code.StartsWith("code-", StringComparison.Ordinal) ? code["code-".Length..] : "";
        return team.Length == 0
            ? Json(new() { ["ok"] = false, ["error"] = "invalid_code" })
            : Json(new()
            {
                ["ok"] = true,
                ["access_token"] = $"xoxb-{team}",
                ["token_type"] = "bot",
                ["scope"] = "commands,chat:write,chat:write.public,users:read",
                ["bot_user_id"] = "UBENCHBOT",
                ["app_id"] = "A0BENCH01",
                ["team"] = new JsonObject { ["id"] = team, ["name"] = $"Bench {team}" },
                ["enterprise"] = null,
                ["is_enterprise_install"] = false,
                ["authed_user"] = new JsonObject { ["id"] = "U0BENCHADMIN" },
            });
    }

    private IResult PostMessage(HttpContext http, string body)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        var channel = (string?)(JsonNode.Parse(body) as JsonObject)?["channel"];
        if (!authorization.StartsWith(TokenPrefix, StringComparison.Ordinal) || channel is null)
        {
            return Json(new() { ["ok"] = false, ["error"] = channel is null ? "channel_not_found" : "not_authed" });
        }

        var team = authorization[TokenPrefix.Length..];
        if (ledger.Admit(http, $"{team}/{channel}", team) is { } refusal)
        {
            return refusal;
        }

        ledger.Record(new AcceptedPost(team, channel, DateTimeOffset.UtcNow, new Uri(http.Request.GetEncodedUrl()), authorization, http.Request.ContentType ?? "", body));
        return Json(new() { ["ok"] = true, ["channel"] = channel, ["ts"] = $"{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}.000100" });
    }

    private static string Form(string body, string name) => QueryHelpers.ParseQuery(body)[name].ToString();

    private static IResult Json(JsonObject body) => Results.Text(body.ToJsonString(), "application/json");
}
