using System.Buffers.Binary;
using System.Text.Json.Nodes;
using Xunit;

namespace CustomerPulseBot.TestKit.Pictures;

/// <summary>
/// Draws the README's pictures with tests/interop/render-cards.mjs in headless Chromium: an item is
/// <c>{ "card": … }</c> (an Adaptive Card, drawn by the official library) or <c>{ "slack": … }</c> (a Block Kit
/// message, laid out in Slack's styling). Set CARD_PICTURES to a folder (docs) to keep them; otherwise they go
/// to a temporary folder and are only checked.
/// </summary>
public static class ReadmePictures
{
    public static async Task<IReadOnlyList<SeenPicture>> DrawAsync(IReadOnlyDictionary<string, JsonObject> pictures)
    {
        var folder = Environment.GetEnvironmentVariable("CARD_PICTURES") is { Length: > 0 } kept
            ? Path.GetFullPath(kept, Checkout.Root)
            : Directory.CreateTempSubdirectory("card-pictures-").FullName;
        var items = new JsonArray([.. pictures.Select(p =>
        {
            var item = p.Value.DeepClone().AsObject();
            item["screenshot"] = Path.Combine(folder, p.Key);
            return (JsonNode)item;
        })]);

        var seen = await InteropScript.RunAsync<List<SeenPicture>>("render-cards.mjs", items.ToJsonString(), "playwright-core");

        foreach (var name in pictures.Keys)
        {
            var png = await File.ReadAllBytesAsync(Path.Combine(folder, name));
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
            Assert.True(BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)) >= 560, $"{name} is narrower than a card");
            Assert.True(BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)) >= 200, $"{name} is shorter than a card");
        }

        return seen;
    }
}

/// <summary>What a reader sees in a drawn picture: its text, the targets of its links, and how many bold pieces Markdown made.</summary>
public sealed record SeenPicture(string Text, IReadOnlyList<string> Links, int Bold);
