using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CustomerPulseBot.Teams;

// The HTTP answer to one activity: an empty 200 for everything but invokes, which carry their answer in the
// body (teams-bot-framework.md, section 4).
internal sealed record TeamsReply(int Status, JsonNode? Body = null)
{
    public static readonly TeamsReply Ack = new(StatusCodes.Status200OK);

    // What the SDK answers for an invoke it has no handler for.
    public static readonly TeamsReply NotImplemented = new(StatusCodes.Status501NotImplemented);

    public static TeamsReply Invoke(JsonNode body) => new(StatusCodes.Status200OK, body);

    public IResult ToResult() => Body is null
        ? Results.StatusCode(Status)
        : Results.Text(Body.ToJsonString(), "application/json; charset=utf-8", statusCode: Status);
}
