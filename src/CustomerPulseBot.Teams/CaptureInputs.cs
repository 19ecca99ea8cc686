using System.Text.Json;
using CustomerPulseBot.Core.Signals;

namespace CustomerPulseBot.Teams;

// Reads what the capture card sends back (its inputs, merged into the action's data, keyed by CaptureField)
// into a draft: the one mapping for Teams' Action.Execute, Action.Submit and dialog submits, and the playground.
internal static class CaptureInputs
{
    public static CaptureDraft DraftOf(IReadOnlyDictionary<string, JsonElement> inputs)
    {
        string? Field(string id) =>
            inputs.TryGetValue(id, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        return new CaptureDraft(
            Field(CaptureField.Quote) ?? "",
            Field(CaptureField.Customer),
            Field(CaptureField.Segment),
            Field(CaptureField.Source),
            Field(CaptureField.Kind),
            Field(CaptureField.Stage),
            // The card asks for themes in one text input, separated by commas.
            Field(CaptureField.Themes)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Field(CaptureField.Severity),
            Field(CaptureField.EvidenceUrl),
            Field(CaptureField.SaidOn));
    }

    // The inputs of a JSON object (an action's data, a message's value); anything else has none.
    public static IReadOnlyDictionary<string, JsonElement> Of(JsonElement? data) =>
        data is { ValueKind: JsonValueKind.Object } value
            ? value.EnumerateObject().GroupBy(p => p.Name).ToDictionary(g => g.Key, g => g.Last().Value)
            : new Dictionary<string, JsonElement>();

    public static string? Text(IReadOnlyDictionary<string, JsonElement> inputs, string key) =>
        inputs.TryGetValue(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
