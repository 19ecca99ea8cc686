using System.Text.Json.Nodes;
using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Themes;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.TestKit.Pictures;

namespace CustomerPulseBot.Teams.Tests;

// The README's pictures of the Teams cards, drawn by the official adaptivecards library in headless Chromium
// (see ReadmePictures for where they are kept).
public sealed class CardPictureTests
{
    public static readonly IReadOnlyDictionary<string, View> Pictures = new Dictionary<string, View>
    {
        ["teams-top-pain-points.png"] = new PainPointsView(
            "this week",
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
            19,
            "Mon 16 Nov – Sun 22 Nov",
            "vs the same days of the week before",
            "between 16 Nov 2026 and 22 Nov 2026"),
        ["teams-capture-card.png"] = new CaptureFormView(
            new CaptureDraft("Exporting the Q3 report timed out twice today, so I sent the numbers by hand.", "Acme", "buyer", "call", "pain", "use", ["export-timeouts"], "high"),
            ["confusing-pricing", "export-timeouts", "slow-dashboard", "sso-setup"],
            [],
            "https://teams.microsoft.com/l/message/19:abc@thread.tacv2/1700000000123"),
        ["digest-teams.png"] = ReadmeDigest.View,
        ["teams-journey.png"] = new QuestionView(
            new JourneyView(
                "this quarter",
                "Thu 1 Oct – Thu 31 Dec",
                QueryFilters.None,
                [
                    new(JourneyStage.Onboard, 14, 9, 3.2,
                        CardSamples.Signal("Setting up SSO took our IT team a week of back and forth.", "Initech", "buyer", "interview", themes: ["sso-setup"])
                            with { Stage = JourneyStage.Onboard }),
                    new(JourneyStage.Use, 11, 7, 2.6,
                        CardSamples.Signal("Every Monday the export spins for ten minutes and then fails.", "Globex", "daily user", "ticket", themes: ["export-timeouts"])),
                    new(JourneyStage.Renew, 4, 3, 2.5,
                        CardSamples.Signal("Renewal pricing surprised our CFO; nobody warned us about the seat change.", "Umbrella", "buyer", "call", themes: ["confusing-pricing"])
                            with { Stage = JourneyStage.Renew }),
                ]),
            new Asked("where in the journey do customers struggle this quarter?", "friction per journey stage, this quarter", [], [])),
        ["teams-new-themes.png"] = new NewThemesView(
            "this week",
            "Mon 16 Nov – Sun 22 Nov",
            [
                CardSamples.Candidate("sso-login-loops", 7, 5,
                    CardSamples.Row("After the Okta change, SSO sends everyone back to the login page.", "Initech"),
                    CardSamples.Row("Login keeps looping between our IdP and your sign-in screen.", "Globex")),
                CardSamples.Candidate("invoice-pdf-missing", 4, 3,
                    CardSamples.Row("The invoice email arrives without the PDF attached.", "Umbrella"),
                    CardSamples.Row("Finance cannot find last month's invoice PDF anywhere.", "Acme")),
            ],
            new(new DateTimeOffset(2026, 11, 16, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero))),
    };

    [Fact]
    public async Task DrawsTheReadmeCards_WhenChromiumRendersThemWithTheOfficialLibrary()
    {
        var cards = Pictures.ToDictionary(p => p.Key, p => new JsonObject { ["card"] = JsonNode.Parse(AdaptiveCardRenderer.RenderJson(p.Value)) });

        var seen = await ReadmePictures.DrawAsync(cards);

        Assert.Contains("Top customer pain points", seen[0].Text);
        Assert.Contains("#export-timeouts", seen[0].Text);
        Assert.Contains("this week (Mon 16 Nov – Sun 22 Nov) · 19 friction signals", seen[0].Text);
        Assert.Contains("vs the same days of the week before", seen[0].Text);
        Assert.Contains("All 9 quotes", seen[0].Text);
        Assert.Contains("Capture a customer signal", seen[1].Text);
        Assert.Contains("Customer pulse", seen[2].Text);
        Assert.Contains("“Month-end close is blocked: the NetSuite export timed out three times this morning.”", seen[2].Text);
        Assert.Contains("#checkout-errors: 14 → 3 since shipped on 3 Nov", seen[2].Text);
        Assert.Contains("https://calls.example/rec/8841?t=312", seen[2].Links);
        Assert.Contains("1. Onboarding · 14 signals from 9 customers", seen[3].Text);
        Assert.Contains("Read as: friction per journey stage, this quarter", seen[3].Text);
        Assert.Contains("Save it as a customer quote instead", seen[3].Text);
        Assert.Contains("#sso-login-loops · 7 quotes from 5 customers", seen[4].Text);
        Assert.Contains("Create theme", seen[4].Text);
    }
}
