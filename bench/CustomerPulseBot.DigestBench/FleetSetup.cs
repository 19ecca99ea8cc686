using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CustomerPulseBot.Bench.Shared;
using Microsoft.AspNetCore.WebUtilities;

namespace CustomerPulseBot.DigestBench;

/// <summary>
/// Puts a fleet into the host the way people do, through the host's own endpoints: Slack teams install the app
/// (/slack/install, then the OAuth callback, which exchanges the code at the fake's oauth.v2.access), Teams adds the
/// bot to each channel (conversationUpdate), people capture signals and type <c>digest daily HH:MM zone</c> in
/// every channel (signed /pulse commands; @mentions in Teams).
/// </summary>
internal sealed class FleetSetup(HostProcess host, HttpClient http, string signingSecret, string serviceUrl, string botId)
{
    private const int Parallel = 4;
    private int activities;

    public Task InstallAsync(IReadOnlyList<BenchWorkspace> fleet) => ForEachAsync(fleet, async workspace =>
    {
        if (workspace.Platform == ChatPlatform.Slack)
        {
            await InstallSlackAsync(workspace.ExternalId);
        }
        else
        {
            foreach (var channel in workspace.Channels)
            {
                await SendActivityAsync(BotAdded(workspace.ExternalId, channel));
            }
        }
    });

    public Task CaptureAsync(IReadOnlyList<BenchWorkspace> fleet) => ForEachAsync(fleet, async workspace =>
    {
        foreach (var text in workspace.Captures)
        {
            await SayAsync(workspace, workspace.Channels[0], text, "Saved as a customer signal");
        }
    });

    /// <summary>A daily digest in every channel at the local time <paramref name="due"/> is in the workspace's zone.</summary>
    public Task SubscribeAsync(IReadOnlyList<BenchWorkspace> fleet, DateTimeOffset due) => ForEachAsync(fleet, async workspace =>
    {
        var local = TimeZoneInfo.ConvertTime(due, TimeZoneInfo.FindSystemTimeZoneById(workspace.TimeZone));
        var text = $"digest daily {local.ToString("HH:mm", CultureInfo.InvariantCulture)} {workspace.TimeZone}";
        foreach (var channel in workspace.Channels)
        {
            await SayAsync(workspace, channel, text, "Digest scheduled");
        }
    });

    private static Task ForEachAsync(IReadOnlyList<BenchWorkspace> fleet, Func<BenchWorkspace, Task> action) =>
        System.Threading.Tasks.Parallel.ForEachAsync(fleet, new ParallelOptions { MaxDegreeOfParallelism = Parallel }, async (w, _) => await action(w));

    private async Task InstallSlackAsync(string team)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = host.Root,
        };
        using var start = await browser.GetAsync("slack/install");
        var state = QueryHelpers.ParseQuery(start.Headers.Location?.Query)["state"].ToString();
        using var callback = await browser.GetAsync($"slack/oauth/callback?code={LimitedSlackApi.Code(team)}&state={Uri.EscapeDataString(state)}");
        var page = await callback.Content.ReadAsStringAsync();
        if (callback.StatusCode != HttpStatusCode.OK || !page.Contains("is installed", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Installing Slack team {team} failed: {(int)callback.StatusCode} {page}");
        }
    }

    // Slack answers a slash command in its response, so the answer is checked here; Teams answers through the
    // Connector, where the fake keeps it.
    private async Task SayAsync(BenchWorkspace workspace, string channel, string text, string slackAnswer)
    {
        if (workspace.Platform == ChatPlatform.Teams)
        {
            await SendActivityAsync(Message(workspace.ExternalId, channel, text));
            return;
        }

        var command = SignedSlashCommand.Create(
            signingSecret, workspace.ExternalId, channel, "U0BENCHLEAD", text, $"{Interlocked.Increment(ref activities)}.1.bench", DateTimeOffset.UtcNow);
        using var request = command.ToRequest(new Uri(host.Root, "slack/commands"));
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || !body.Contains(slackAnswer, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"/pulse {text} in {workspace.ExternalId} was answered {(int)response.StatusCode}: {body}");
        }
    }

    private async Task SendActivityAsync(JsonObject activity)
    {
        using var response = await http.PostAsJsonAsync(new Uri(host.Root, "api/messages"), activity);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The host answered a {activity["type"]} with {(int)response.StatusCode}");
        }
    }

    private JsonObject BotAdded(string tenant, string channel)
    {
        var activity = Activity("conversationUpdate", tenant, channel);
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = botId });
        activity["channelData"]!["eventType"] = "teamMemberAdded";
        return activity;
    }

    // In a channel the bot hears only what @mentions it (teams-bot-framework.md, section 1 "Mentions").
    private JsonObject Message(string tenant, string channel, string text)
    {
        var activity = Activity("message", tenant, channel);
        activity["text"] = $"<at>Pulse</at> {text}";
        activity["textFormat"] = "plain";
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>Pulse</at>",
            ["mentioned"] = new JsonObject { ["id"] = botId, ["name"] = "Pulse" },
        });
        return activity;
    }

    private JsonObject Activity(string type, string tenant, string channel) => new()
    {
        ["type"] = type,
        ["id"] = $"1{Interlocked.Increment(ref activities):000000000000}",
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = "29:1bench-lead", ["name"] = "Bench Lead", ["aadObjectId"] = "aad-bench-lead" },
        ["recipient"] = new JsonObject { ["id"] = botId, ["name"] = "Pulse" },
        ["conversation"] = new JsonObject
        {
            ["id"] = channel,
            ["conversationType"] = "channel",
            ["tenantId"] = tenant,
            ["isGroup"] = true,
        },
        ["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = tenant },
            ["team"] = new JsonObject { ["id"] = $"19:team-{tenant}@thread.tacv2", ["name"] = "Customer Success" },
            ["channel"] = new JsonObject { ["id"] = channel },
        },
    };
}
