using System.Text.Json.Nodes;
using CustomerPulseBot.Slack;
using CustomerPulseBot.Slack.Events;
using CustomerPulseBot.Slack.Install;
using CustomerPulseBot.TestKit;
using CustomerPulseBot.TestKit.Slack;

namespace CustomerPulseBot.Web.Tests.Slack;

/// <summary>manifests/slack/manifest.json against the app: every id it names is routed, and everything routed is in it.</summary>
public sealed class SlackManifestTests
{
    private static readonly JsonNode Manifest = JsonNode.Parse(File.ReadAllText(Checkout.PathOf("manifests", "slack", "manifest.json")))!;

    private static List<string> Strings(JsonNode? array, string? field = null) =>
        array!.AsArray().Select(n => (string)(field is null ? n! : n![field]!)!).ToList();

    [Fact]
    public void NamesExactlyTheIdsTheDispatcherRoutes_WhenRead()
    {
        var commands = Strings(Manifest["features"]!["slash_commands"], "command");
        var shortcuts = Strings(Manifest["features"]!["shortcuts"], "callback_id");
        var events = Strings(Manifest["settings"]!["event_subscriptions"]!["bot_events"]);
        var scopes = Strings(Manifest["oauth_config"]!["scopes"]!["bot"]);

        Assert.Equal([SlackIds.Command], commands);
        Assert.Equal([SlackIds.SaveAsSignal], shortcuts);
        Assert.Equal(SlackEvents.Subscriptions.Order(), events.Order());
        Assert.Equal(SlackInstaller.Scopes.Split(',').Order(), scopes.Order());
    }

    /// <summary>Every scope the app asks for, and what uses it: a scope nothing uses only widens what a token may do.</summary>
    private static readonly string[] UsedScopes =
        [
            "commands", // /pulse and "Save as customer signal"
            "chat:write", "chat:write.public", // answers, digests, confirmations
            "im:history", "app_mentions:read", // direct messages and mentions to answer
            "im:write", "channels:history", "groups:history", "mpim:history", // a digest retry reads the channel before posting again
            "users:read", // users.info: a person's name and time zone
        ];

    [Fact]
    public void AsksOnlyForTheScopesTheAppUses()
    {
        var scopes = Strings(Manifest["oauth_config"]!["scopes"]!["bot"]);

        Assert.Equal(UsedScopes.Order(), scopes.Order());
        Assert.Equal(UsedScopes.Order(), SlackInstaller.Scopes.Split(',').Order());
    }

    /// <summary>Buttons are not in the manifest: Slack sends their action_id with the interactivity request URL.</summary>
    private static readonly string[] ButtonIds =
        [
            SlackIds.ShareSignal, SlackIds.PostToChannel, SlackIds.SaveQuote, SlackIds.UndoCapture, SlackIds.EditCapture, SlackIds.AllQuotes,
            SlackIds.AddTheme, SlackIds.AnotherTheme, SlackIds.NewTheme, SlackIds.RemoveTheme, SlackIds.MergeDuplicate, SlackIds.KeepBoth,
            SlackIds.CreateTheme, SlackIds.ForgetCustomer, SlackIds.KeepCustomer,
        ];

    [Fact]
    public void NamesEveryIdInSlackIds_AsAManifestIdAButtonOrPartOfTheCaptureModal()
    {
        var ids = typeof(SlackIds).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

        var known = new[] { SlackIds.Command, SlackIds.SaveAsSignal, SlackIds.CaptureModal, SlackIds.KnownThemes, SlackIds.NewThemeBlock, SlackIds.NewThemeInput }
            .Concat(ButtonIds);

        Assert.Equal(ids.Order(), known.Order());
    }

    [Fact]
    public async Task RoutesEveryButtonTheRenderersDraw_WhenSlackSendsItsClick()
    {
        await using var host = await SlackHost.StartAsync();

        foreach (var id in ButtonIds)
        {
            await host.InteractionAsync(new JsonObject
            {
                ["type"] = "block_actions", ["team"] = new JsonObject { ["id"] = SlackHost.Team }, ["user"] = new JsonObject { ["id"] = "U1" },
                ["trigger_id"] = "t", ["response_url"] = host.Api.ResponseUrl(id), ["channel"] = new JsonObject { ["id"] = "C0CHAN001" },
                ["actions"] = new JsonArray(new JsonObject { ["type"] = "button", ["action_id"] = id, ["value"] = "search export" }),
            }.ToJsonString());
        }

        Assert.DoesNotContain(host.App.Logs.Entries, e => e.Message.StartsWith("No Slack handler"));
    }

    [Fact]
    public void PointsEveryRequestUrlAtAnEndpointOfOurs_WhenRead()
    {
        var urls = new[]
        {
            (string)Manifest["features"]!["slash_commands"]![0]!["url"]!,
            (string)Manifest["settings"]!["event_subscriptions"]!["request_url"]!,
            (string)Manifest["settings"]!["interactivity"]!["request_url"]!,
            (string)Manifest["oauth_config"]!["redirect_urls"]![0]!,
        };

        Assert.Equal(["/slack/commands", "/slack/events", "/slack/interactions", "/slack/oauth/callback"], urls.Select(u => new Uri(u).AbsolutePath));
    }

    [Fact]
    public async Task HandlesEveryCommandShortcutAndEventItSubscribes_WhenSlackSendsThem()
    {
        await using var host = await SlackHost.StartAsync();
        var channel = "C0CHAN001";
        foreach (var command in Strings(Manifest["features"]!["slash_commands"], "command"))
        {
            await host.Client.SendAsync(host.Signer.Form("/slack/commands",
                [new("command", command), new("text", "help"), new("team_id", SlackHost.Team), new("user_id", "U1"), new("channel_id", channel)]));
        }

        foreach (var callback in Strings(Manifest["features"]!["shortcuts"], "callback_id"))
        {
            await host.InteractionAsync(new JsonObject
            {
                ["type"] = "message_action", ["callback_id"] = callback, ["trigger_id"] = "t", ["team"] = new JsonObject { ["id"] = SlackHost.Team },
                ["user"] = new JsonObject { ["id"] = "U1" }, ["channel"] = new JsonObject { ["id"] = channel },
                ["message"] = new JsonObject { ["ts"] = "1.2", ["text"] = "hi" },
            }.ToJsonString());
        }

        var events = Strings(Manifest["settings"]!["event_subscriptions"]!["bot_events"]);
        foreach (var name in events)
        {
            var inner = new JsonObject { ["type"] = name.Split('.')[0], ["user"] = "U1", ["text"] = "help", ["ts"] = "1.2", ["channel"] = "D1", ["tab"] = "home" };
            if (name.EndsWith(".im"))
            {
                inner["channel_type"] = "im";
            }

            await host.EventAsync(new JsonObject { ["type"] = "event_callback", ["team_id"] = SlackHost.Team, ["event_id"] = $"Ev{name}", ["event"] = inner }.ToJsonString());
        }

        Assert.DoesNotContain(host.App.Logs.Entries, e => e.Message.StartsWith("No Slack handler"));
        var handled = host.App.Logs.Entries.Select(e => e["EventId"]).OfType<string>().Order();
        Assert.Equal(events.Select(e => $"Ev{e}").Order(), handled);
    }
}
