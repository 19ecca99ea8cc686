using System.Text.Json.Nodes;
using CustomerPulseBot.Teams.Activities;
using Microsoft.AspNetCore.Http;

namespace CustomerPulseBot.Teams;

// The HTTP answer to one activity: an empty 200 for everything but invokes, which carry their answer in the
// body (teams-bot-framework.md, section 4). A message is answered with a reply through the Connector, sent once
// the answer is ready (so that a slow Connector never counts against the reply deadline).
internal sealed record TeamsReply(int Status, JsonNode? Body = null, Activity? Reply = null)
{
    public static readonly TeamsReply Ack = new(StatusCodes.Status200OK);

    public static TeamsReply Message(Activity reply) => new(StatusCodes.Status200OK, Reply: reply);

    // What the SDK answers for an invoke it has no handler for.
    public static readonly TeamsReply NotImplemented = new(StatusCodes.Status501NotImplemented);

    public static TeamsReply Invoke(JsonNode body) => new(StatusCodes.Status200OK, body);

    public IResult ToResult() => Body is null
        ? Results.StatusCode(Status)
        : Results.Text(Body.ToJsonString(), "application/json; charset=utf-8", statusCode: Status);
}
