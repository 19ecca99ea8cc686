using System.Text.Json.Nodes;
using CustomerPulseBot.Slack.BlockKit;
using Microsoft.AspNetCore.Http;

namespace CustomerPulseBot.Slack;

/// <summary>The one acknowledgement each request gets: an empty 200, or 200 with a JSON body.</summary>
internal sealed record SlackReply(JsonObject? Body)
{
    public static readonly SlackReply Empty = new((JsonObject?)null);

    public static SlackReply Message(SlackMessage message) => new(message.ToJson());

    public IResult ToResult() => Body is null ? Results.Ok() : Results.Text(Body.ToJsonString(), "application/json");
}
