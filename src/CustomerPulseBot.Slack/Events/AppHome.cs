using System.Text.Json.Nodes;
using CustomerPulseBot.Core;
using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Slack.Api;
using CustomerPulseBot.Slack.BlockKit;
using CustomerPulseBot.Slack.Workspaces;

namespace CustomerPulseBot.Slack.Events;

/// <summary>The Home tab: the person's own recent captures, then the workspace's top pain points this week.</summary>
internal sealed class AppHome(PulseCommands commands, IPulseStore store, SlackApiClient slack)
{
    private const int RecentCaptures = 5;

    /// <summary>The store filters by workspace, not capturer, so the newest signals are read and the person's picked out.</summary>
    private const int RecentScan = 200;

    public async Task PublishAsync(SlackTenant tenant, string userId, CancellationToken ct)
    {
        var context = tenant.Context(userId, null, userId);
        var recent = (await store.FindSignalsAsync(tenant.Workspace.Id, new SignalFilter(), RecentScan, ct))
            .Where(s => s.CapturedBy.Id == userId)
            .Take(RecentCaptures)
            .ToList();
        var top = await commands.ExecuteAsync(context, new TopCommand(Period.ThisWeek, QueryFilters.None), "", ct);

        var blocks = new List<JsonObject> { Block.Header("Your recent captures") };
        blocks.AddRange(recent.Count == 0
            ? [Block.Section("Nothing yet. Type `/pulse <quote>` anywhere, or use \"Save as customer signal\" on a message.")]
            : recent.SelectMany(BlockKitRenderer.Quote));
        blocks.Add(Block.Divider());
        blocks.AddRange(BlockKitRenderer.Render(top).Blocks);
        var view = new JsonObject { ["type"] = "home", ["blocks"] = new JsonArray([.. blocks.Take(Block.MaxViewBlocks)]) };
        await slack.PublishHomeAsync(tenant.BotToken, userId, view, ct);
    }
}
