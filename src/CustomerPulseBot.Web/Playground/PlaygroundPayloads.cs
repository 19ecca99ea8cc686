using System.Text.Json;

namespace CustomerPulseBot.Web.Playground;

/// <summary>A line typed in the page's message box.</summary>
internal sealed record MessagePayload(string? Workspace, string? User, string? Text);

/// <summary>A card action: <paramref name="Inputs"/> is the action's data merged with the card's input values.</summary>
internal sealed record CapturePayload(string? Workspace, string? User, Dictionary<string, JsonElement>? Inputs);

internal sealed record DemoPayload(string? Workspace, string? User);
