using System.Buffers.Binary;
using System.Text.Json.Nodes;
using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Themes;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.TestKit;

namespace CustomerPulseBot.Teams.Tests;

// The README's pictures of the Teams cards, drawn by the official adaptivecards library in headless Chromium.
// Set CARD_PICTURES to a folder (docs) to keep them; otherwise they go to a temporary folder and are checked only.
public sealed class CardPictureTests
{
    public static readonly IReadOnlyDictionary<string, View> Pictures = new Dictionary<string, View>
    {
        ["teams-top-pain-points.png"] = new PainPointsView(
            "this week (17 to 23 Nov)",
            QueryFilters.None,
            [
                new(1, "export-timeouts", ThemeStatus.Open, 9, 6, 4, Severity.High, 4, TrendDirection.Rising,
                [
                    CardSamples.Signal("Exporting the Q3 report timed out twice today, so I sent the numbers by hand.", "Acme", themes: ["export-timeouts"]),
                    CardSamples.Signal("Every Monday the export spins for ten minutes and then fails.", "Globex", "daily user", "ticket", themes: ["export-timeouts"]),
                ]),
                new(2, "sso-setup", ThemeStatus.Planned, 5, 4, 3, Severity.Medium, 0, TrendDirection.New,
                [CardSamples.Signal("Setting up SSO took our IT team a week of back and forth.", "Initech", "buyer", "interview", themes: ["sso-setup"])]),
                new(3, "confusing-pricing", ThemeStatus.Open, 3, 3, 2, Severity.Medium, 6, TrendDirection.Falling,
                [CardSamples.Signal("I could not tell which plan includes audit logs.", "Umbrella", "buyer", "call", themes: ["confusing-pricing"])]),
            ],
            2,
            UntaggedSignals.None,
            19),
        ["teams-capture-card.png"] = new CaptureFormView(
            new CaptureDraft("Exporting the Q3 report timed out twice today, so I sent the numbers by hand.", "Acme", "buyer", "call", "pain", "use", ["export-timeouts"], "high"),
            ["confusing-pricing", "export-timeouts", "slow-dashboard", "sso-setup"],
            [],
            "https://teams.microsoft.com/l/message/19:abc@thread.tacv2/1700000000123"),
    };

    [Fact]
    public async Task DrawsTheReadmeCards_WhenChromiumRendersThemWithTheOfficialLibrary()
    {
        var folder = Environment.GetEnvironmentVariable("CARD_PICTURES") is { Length: > 0 } kept
            ? Path.GetFullPath(kept, Checkout.Root)
            : Directory.CreateTempSubdirectory("card-pictures-").FullName;
        var items = new JsonArray([.. Pictures.Select(p => (JsonNode)new JsonObject
        {
            ["card"] = JsonNode.Parse(AdaptiveCardRenderer.RenderJson(p.Value)),
            ["screenshot"] = Path.Combine(folder, p.Key),
        })]);

        var seen = await InteropScript.RunAsync<List<SeenCard>>("render-cards.mjs", items.ToJsonString(), "playwright-core");

        Assert.Contains("Top customer pain points", seen[0].Text);
        Assert.Contains("#export-timeouts", seen[0].Text);
        Assert.Contains("Capture a customer signal", seen[1].Text);
        foreach (var name in Pictures.Keys)
        {
            var png = await File.ReadAllBytesAsync(Path.Combine(folder, name));
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
            Assert.True(BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)) >= 560, $"{name} is narrower than a card");
            Assert.True(BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)) >= 200, $"{name} is shorter than a card");
        }
    }

    private sealed record SeenCard(string Text, IReadOnlyList<string> Links, int Bold);
}
