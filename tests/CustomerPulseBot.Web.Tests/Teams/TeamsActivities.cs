using System.Text.Json.Nodes;

namespace CustomerPulseBot.Web.Tests.Teams;

/// <summary>Activities shaped as Teams sends them (teams-bot-framework.md, section 1), each in a conversation of its own.</summary>
public static class TeamsActivities
{
    public static string NewConversation(string kind = "personal") => kind switch
    {
        "channel" => $"19:{Guid.NewGuid():N}@thread.tacv2",
        "groupChat" => $"19:{Guid.NewGuid():N}@thread.v2",
        _ => $"a:1{Guid.NewGuid():N}",
    };

    public static JsonObject Message(string serviceUrl, string conversation, string text, string kind = "personal", string tenant = TeamsHost.Tenant) =>
        Base("message", serviceUrl, conversation, kind, tenant, new()
        {
            ["text"] = text,
            ["textFormat"] = "plain",
        });

    public static JsonObject Invoke(string serviceUrl, string conversation, string name, JsonObject value, string kind = "personal") =>
        Base("invoke", serviceUrl, conversation, kind, TeamsHost.Tenant, new() { ["name"] = name, ["value"] = value });

    public static JsonObject Base(string type, string serviceUrl, string conversation, string kind, string tenant, JsonObject extra)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = $"1{Random.Shared.NextInt64(100_000_000_000, 999_999_999_999)}",
            ["timestamp"] = "2026-01-14T09:30:00.000Z",
            ["localTimezone"] = "Europe/Berlin",
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = "29:1ana", ["name"] = "Ana Lima", ["aadObjectId"] = "aad-ana" },
            ["recipient"] = new JsonObject { ["id"] = TeamsHost.BotId, ["name"] = "Pulse" },
            ["conversation"] = new JsonObject
            {
                ["id"] = conversation,
                ["conversationType"] = kind,
                ["tenantId"] = tenant,
                ["isGroup"] = kind != "personal",
            },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenant } },
        };
        foreach (var (key, value) in extra.ToList())
        {
            extra.Remove(key);
            activity[key] = value;
        }

        return activity;
    }
}
