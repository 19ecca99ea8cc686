using CustomerPulseBot.Core;
using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Digests;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Themes;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Workspaces;
using static CustomerPulseBot.Storage.Tests.PulseStoreContractTests;

namespace CustomerPulseBot.Storage.Tests;

/// <summary>What a digest and a brief say, composed by Core from a real (SQLite) store.</summary>
public sealed class DigestComposerTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private readonly CancellationToken ct = CancellationToken.None;

    private IPulseStore Store => database.Store;

    private DigestComposer Composer => new(Store, (IDigestStore)Store, new Insights(Store));

    [Fact]
    public async Task ListsTheMostTellingFreshQuotesFirst_AndCountsTheRest()
    {
        var workspace = await NewWorkspaceAsync();
        var window = new DateRange(Now.AddDays(-1), Now);
        for (var i = 0; i < DigestComposer.FreshQuotes + 3; i++)
        {
            await AddAsync(NewSignal(workspace, $"minor annoyance {i}", severity: Severity.Low, capturedAt: Now.AddHours(-2)));
        }

        await AddAsync(NewSignal(workspace, "we lost the renewal over this", customer: "Acme", severity: Severity.Critical, capturedAt: Now.AddHours(-20)));
        await AddAsync(NewSignal(workspace, "said before the window", severity: Severity.Critical, capturedAt: Now.AddDays(-2)));

        var digest = await Composer.ComposeAsync(workspace.Id, QueryFilters.None, Berlin, window, ct);

        Assert.Equal(DigestComposer.FreshQuotes, digest.Fresh.Count);
        Assert.Equal("we lost the renewal over this", digest.Fresh[0].Quote);
        Assert.Equal(4, digest.MoreFresh); // ten in the window, six shown
        Assert.DoesNotContain(digest.Fresh, s => s.Quote == "said before the window");
        Assert.Equal("since Tue 10 Mar, 13:00 Europe/Berlin", digest.PeriodLabel);
        Assert.False(digest.IsQuiet);
    }

    [Fact]
    public async Task ComparesAShippedThemesSignalsBeforeAndAfterTheShipDate()
    {
        var workspace = await NewWorkspaceAsync();
        var shippedAt = Now.AddDays(-5);
        for (var i = 0; i < 6; i++)
        {
            await AddAsync(NewSignal(workspace, $"checkout failed {i}", saidAt: shippedAt.AddDays(-1 - i), themes: ["checkout-errors"]));
        }

        await AddAsync(NewSignal(workspace, "checkout failed once more", saidAt: shippedAt.AddDays(2), themes: ["checkout-errors"]));
        await AddAsync(NewSignal(workspace, "checkout failed long ago", saidAt: shippedAt.AddDays(-20), themes: ["checkout-errors"]));
        var theme = (await Store.FindThemeAsync(workspace.Id, "checkout-errors", ct))!;
        await Store.SetThemeStatusAsync(workspace.Id, theme, ThemeStatus.Shipped, shippedAt, "new payment flow", ct);

        var digest = await Composer.ComposeAsync(workspace.Id, QueryFilters.None, Berlin, new DateRange(Now.AddDays(-1), Now), ct);

        // Five days since shipping: the five days before against the five after; the older signals fall outside.
        var rate = Assert.Single(digest.Shipped);
        Assert.Equal(("checkout-errors", new DateOnly(2026, 3, 6), 5, 5, 1), (rate.Theme, rate.ShippedOn, rate.Days, rate.Before, rate.After));
    }

    [Fact]
    public async Task IsQuiet_WhenNothingWasCapturedAndNoFrictionGrew()
    {
        var workspace = await NewWorkspaceAsync();
        await AddAsync(NewSignal(workspace, "from last week", capturedAt: Now.AddDays(-8), saidAt: Now.AddDays(-8)));

        var digest = await Composer.ComposeAsync(workspace.Id, QueryFilters.None, Berlin, new DateRange(Now.AddDays(-1), Now), ct);

        Assert.True(digest.IsQuiet);
        Assert.Empty(digest.Shipped);
    }

    [Fact]
    public async Task BriefsThePastSevenDaysAgainstTheSevenBefore()
    {
        var workspace = await NewWorkspaceAsync();
        await AddAsync(NewSignal(workspace, "exports time out", customer: "Acme", saidAt: Now.AddDays(-1), themes: ["export-timeouts"]));
        await AddAsync(NewSignal(workspace, "exports time out again", customer: "Globex", saidAt: Now.AddDays(-3), themes: ["export-timeouts"]));
        await AddAsync(NewSignal(workspace, "SSO setup was painful", customer: "Initech", saidAt: Now.AddDays(-10), themes: ["sso-setup"]));
        await AddAsync(NewSignal(workspace, "SSO broke after the IdP change", customer: "Hooli", saidAt: Now.AddDays(-12), themes: ["sso-setup"]));

        var brief = await Composer.ComposeBriefAsync(workspace.Id, QueryFilters.None, Berlin, Now, ct);

        var top = Assert.Single(brief.Top.Themes);
        Assert.Equal(("export-timeouts", 2, 2), (top.Theme, top.Signals, top.Customers));
        Assert.Equal("between 4 Mar 2026 and 11 Mar 2026 kind:pain,request", brief.Top.Scope);
        Assert.Equal("export-timeouts", Assert.Single(brief.Changes.New).Theme);
        Assert.Equal("sso-setup", Assert.Single(brief.Changes.Falling).Theme);
        Assert.False(brief.IsQuiet);
    }

    private Task<Workspace> NewWorkspaceAsync() =>
        Store.ResolveWorkspaceAsync(Platform.Slack, "T" + Guid.NewGuid().ToString("N"), "composer", ct);

    private Task AddAsync(Signal signal) => Store.AddSignalAsync(signal.WorkspaceId, signal, ct);
}
