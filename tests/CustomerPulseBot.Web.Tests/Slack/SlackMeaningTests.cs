using System.Net;
using System.Text.Json.Nodes;
using CustomerPulseBot.Core.Meaning;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Workspaces;
using CustomerPulseBot.Web.Tests.Meaning;
using Moq;

namespace CustomerPulseBot.Web.Tests.Slack;

/// <summary>
/// Themes by meaning through the real pipeline: a signed slash command, the ephemeral answer's buttons clicked as
/// signed interactions, the answer through response_url. The meaning service gives fixed answers (see MeaningDoubles).
/// </summary>
public sealed class SlackMeaningTests
{
    private readonly MeaningDoubles meaning = new();

    [Fact]
    public async Task TagsTheCaptureAsThePersonsChoice_WhenAddIsClicked()
    {
        meaning.AfterEveryCapture(_ => new CaptureMeaning(new ThemeGuess("export-timeouts", 0.7f, false), null, null));
        await using var host = await SlackHost.StartAsync(meaning.Register);
        var ack = await SlackHost.JsonAsync(await host.CommandAsync("Exports stall after a minute customer:Acme"));
        var add = SlackHost.Button(ack, "add_theme");

        var response = await host.InteractionAsync(SlackInteractionTests.Click(host, "add_theme", (string)add["value"]!, "C0CHAN001"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Looks like *#export-timeouts*", SlackHost.Texts(ack));
        var answer = (await host.Api.WaitForAsync("hooks/click")).Json!;
        Assert.Equal(true, (bool?)answer["replace_original"]);
        Assert.Contains("#export-timeouts", SlackHost.Texts(answer["blocks"]));
        var signal = Assert.Single(await SignalsAsync(host));
        Assert.Equal(["export-timeouts"], signal.Themes);
        Assert.Empty(signal.SuggestedThemes);
    }

    [Fact]
    public async Task TagsTheCaptureWithTheTypedName_WhenNewThemeIsClicked()
    {
        meaning.AfterEveryCapture(_ => new CaptureMeaning(new ThemeGuess("export-timeouts", 0.7f, false), null, null));
        await using var host = await SlackHost.StartAsync(meaning.Register);
        var ack = await SlackHost.JsonAsync(await host.CommandAsync("The report download dies"));
        var click = JsonNode.Parse(SlackInteractionTests.Click(host, "new_theme", (string)SlackHost.Button(ack, "new_theme")["value"]!, "C0CHAN001"))!;
        click["state"] = new JsonObject
        {
            ["values"] = new JsonObject
            {
                ["new_theme_block"] = new JsonObject { ["new_theme_name"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "Report Downloads" } },
            },
        };

        await host.InteractionAsync(click.ToJsonString());

        var answer = (await host.Api.WaitForAsync("hooks/click")).Json!;
        Assert.Contains("New theme: #report-downloads", SlackHost.Texts(answer["blocks"]));
        Assert.Equal(["report-downloads"], Assert.Single(await SignalsAsync(host)).Themes);
    }

    [Fact]
    public async Task RemovesTheSuggestedTag_WhenRemoveIsClicked()
    {
        meaning.AfterEveryCapture(_ => new CaptureMeaning(new ThemeGuess("export-timeouts", 0.95f, true), "export-timeouts", null));
        await using var host = await SlackHost.StartAsync(meaning.Register);
        var ack = await SlackHost.JsonAsync(await host.CommandAsync("Exports stall after a minute #export-timeouts"));

        await host.InteractionAsync(SlackInteractionTests.Click(host, "remove_theme", (string)SlackHost.Button(ack, "remove_theme")["value"]!, "C0CHAN001"));

        await host.Api.WaitForAsync("hooks/click");
        Assert.Contains("Tagged *#export-timeouts* _(suggested)_", SlackHost.Texts(ack));
        Assert.Empty(Assert.Single(await SignalsAsync(host)).Themes);
    }

    [Fact]
    public async Task MergesTheCaptureIntoTheEarlierQuote_WhenMergeIsClicked()
    {
        await using var host = await SlackHost.StartAsync(meaning.Register);
        await host.CommandAsync("Exports time out customer:Acme");
        var earlier = Assert.Single(await SignalsAsync(host));
        meaning.AfterEveryCapture(_ => new CaptureMeaning(null, null, Row(earlier)));
        var ack = await SlackHost.JsonAsync(await host.CommandAsync("Exports time out again customer:Acme"));
        var again = (await SignalsAsync(host)).Single(s => s.Id != earlier.Id);

        await host.InteractionAsync(SlackInteractionTests.Click(host, "merge_duplicate", (string)SlackHost.Button(ack, "merge_duplicate")["value"]!, "C0CHAN001"));

        var answer = (await host.Api.WaitForAsync("hooks/click")).Json!;
        Assert.Contains("Similar to a quote from the same customer captured on", SlackHost.Texts(ack));
        Assert.Contains("Merged with the quote captured on", SlackHost.Texts(answer["blocks"]));
        Assert.Equal([earlier.Id], (await SignalsAsync(host)).Select(s => s.Id));
        Assert.NotEqual(earlier.Id, again.Id);
    }

    [Fact]
    public async Task TagsEveryQuoteOfTheCandidate_WhenCreateThemeIsClicked()
    {
        await using var host = await SlackHost.StartAsync(meaning.Register);
        await host.CommandAsync("SSO sends me back to the login page customer:Acme");
        await host.CommandAsync("Login keeps looping with Okta customer:Globex");
        var signals = await SignalsAsync(host);
        meaning.Meaning.Setup(m => m.DiscoverAsync(It.IsAny<WorkspaceId>(), It.IsAny<DateRange>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([new CandidateTheme("sso-login-loops", [.. signals.Select(s => s.Id)], 2, [.. signals.Select(Row)])]);
        var ack = await SlackHost.JsonAsync(await host.CommandAsync("themes new"));

        await host.InteractionAsync(SlackInteractionTests.Click(host, "create_theme", (string)SlackHost.Button(ack, "create_theme")["value"]!, "C0CHAN001", user: "U0BEN0002"));

        var answer = (await host.Api.WaitForAsync("hooks/click")).Json!;
        Assert.Contains("*#sso-login-loops* · 2 quotes from 2 customers", SlackHost.Texts(ack));
        Assert.Equal(false, (bool?)answer["replace_original"]);
        Assert.Contains("Created #sso-login-loops", SlackHost.Texts(answer["blocks"]));
        Assert.All(await SignalsAsync(host), s => Assert.Equal(["sso-login-loops"], s.Themes));
    }

    [Theory]
    [InlineData("create_theme", "2 1700000000 1700600000 sso-login-loops 0123456789abcdef0123456789abcdef,<script>")]
    [InlineData("add_theme", "")]
    [InlineData("add_theme", "0123456789abcdef0123456789abcdef")]
    [InlineData("merge_duplicate", "not an id at all")]
    public async Task RefusesAndChangesNothing_WhenAButtonsValueIsForgedOrMissing(string actionId, string value)
    {
        await using var host = await SlackHost.StartAsync(meaning.Register);

        var response = await host.InteractionAsync(SlackInteractionTests.Click(host, actionId, value, "C0CHAN001"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nothing was done", SlackHost.Texts((await host.Api.WaitForAsync("hooks/click")).Json!["blocks"]));
        Assert.All(await SignalsAsync(host), s => Assert.Empty(s.Themes));
        Assert.Empty(await host.Store.GetThemesAsync((await host.WorkspaceAsync()).Id, CancellationToken.None));
    }

    [Fact]
    public async Task RefusesAnotherPersonsCapture_WhenTheyClickItsButtons()
    {
        meaning.AfterEveryCapture(_ => new CaptureMeaning(new ThemeGuess("export-timeouts", 0.7f, false), null, null));
        await using var host = await SlackHost.StartAsync(meaning.Register);
        var ack = await SlackHost.JsonAsync(await host.CommandAsync("Exports stall after a minute"));

        await host.InteractionAsync(SlackInteractionTests.Click(host, "add_theme", (string)SlackHost.Button(ack, "add_theme")["value"]!, "C0CHAN001", user: "U0BEN0002"));

        Assert.Contains("Only ana can tag this quote", SlackHost.Texts((await host.Api.WaitForAsync("hooks/click")).Json!["blocks"]));
        Assert.All(await SignalsAsync(host), s => Assert.Empty(s.Themes));
        Assert.Empty(await host.Store.GetThemesAsync((await host.WorkspaceAsync()).Id, CancellationToken.None));
    }

    private static MeaningRow Row(Signal s) => new(s.Id, s.Quote, [1f], s.Themes, [], s.Customer, s.Customer?.ToLowerInvariant(), s.SaidAt, s.CapturedAt, null);

    private static async Task<IReadOnlyList<Signal>> SignalsAsync(SlackHost host) =>
        await host.Store.FindSignalsAsync((await host.WorkspaceAsync()).Id, new SignalFilter(), 10, CancellationToken.None);
}
