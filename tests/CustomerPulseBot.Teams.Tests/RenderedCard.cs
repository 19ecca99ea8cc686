using System.Text.Json.Nodes;
using CustomerPulseBot.Core.Views;

namespace CustomerPulseBot.Teams.Tests;

// A card as the renderer's JSON, read back the way a client reads it, with the lookups tests need.
internal sealed record RenderedCard(string Json, JsonObject Root)
{
    public static RenderedCard Of(View view)
    {
        var json = AdaptiveCardRenderer.RenderJson(view);
        return new(json, JsonNode.Parse(json)!.AsObject()); // the renderer writes a JSON object
    }

    public IEnumerable<JsonObject> Objects => Descendants(Root);

    public IEnumerable<JsonObject> OfType(string type) => Objects.Where(o => TypeOf(o) == type);

    public IEnumerable<string> RunTexts => OfType("TextRun").Select(r => r["text"]!.GetValue<string>());

    // Each RichTextBlock's runs joined: a paragraph as the reader sees it.
    public IEnumerable<string> Lines => OfType("RichTextBlock").Select(LineText);

    // The runs of the one paragraph that reads text.
    public IReadOnlyList<JsonObject> RunsOf(string text) =>
        [.. OfType("RichTextBlock").Single(b => LineText(b) == text)["inlines"]!.AsArray().Select(r => r!.AsObject())];

    // The body element right after the input with id.
    public JsonObject After(string id)
    {
        var index = Body.ToList().FindIndex(e => (string?)e["id"] == id);
        return Body[index + 1];
    }

    public IReadOnlyList<JsonObject> Body => [.. Root["body"]!.AsArray().Select(e => e!.AsObject())];

    public JsonObject Input(string id) => Objects.Single(o => TypeOf(o)?.StartsWith("Input.", StringComparison.Ordinal) == true && (string?)o["id"] == id);

    public static string LineText(JsonObject richTextBlock) =>
        string.Concat(richTextBlock["inlines"]!.AsArray().Select(r => r!["text"]!.GetValue<string>()));

    public static string? TypeOf(JsonObject o) => o["type"] is JsonValue v && v.TryGetValue<string>(out var type) ? type : null;

    private static IEnumerable<JsonObject> Descendants(JsonNode? node) => node switch
    {
        JsonObject o => [o, .. o.SelectMany(p => Descendants(p.Value))],
        JsonArray a => a.SelectMany(Descendants),
        _ => [],
    };
}
