using CustomerPulseBot.Core.ApiKeys;
using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Customers;
using CustomerPulseBot.Core.Exchange;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;
using static CustomerPulseBot.Storage.Tests.PulseStoreContractTests;

namespace CustomerPulseBot.Storage.Tests;

// API keys, export links, customer profiles and rankings by revenue, run by Core's executor against a real store.
// Capturer is an admin (see Admins); a private context is a direct message or a slash command's ephemeral answer.
public abstract partial class PulseCommandsTests
{
    private readonly RecordedExportLinks exportLinks = new();

    private ICustomerStore Customers => (ICustomerStore)Store;

    private ApiKeys ApiKeys => new((IApiKeyStore)Store, clock);

    [Fact]
    public async Task ShowsANewKeyOnce_ThatAuthenticatesWithItsScope_WhenAnAdminAsksPrivately()
    {
        var workspace = await NewWorkspaceAsync();

        var created = Assert.IsType<ApiKeyCreatedView>(await Commands.HandleTextAsync(Private(workspace), "api-key create write CRM sync", ct));
        var again = await Commands.HandleTextAsync(Private(workspace), "api-key create read \"crm SYNC\"", ct);
        var listed = Assert.IsType<ApiKeysView>(await Commands.HandleTextAsync(Context(workspace), "api-key list", ct));

        Assert.Equal(("CRM sync", ApiKeyScope.Write, "Capturer"), (created.Key.Name, created.Key.Scope, created.Key.CreatedBy));
        Assert.StartsWith("pk_", created.Secret);
        Assert.Contains(created.Secret, created.Curl);
        Assert.Equal(created.Key.Id, (await ApiKeys.AuthenticateAsync(created.Secret, ct))?.Id);
        Assert.Contains("is called \"crm SYNC\" already", Assert.IsType<NotUnderstoodView>(again).Problem);
        var key = Assert.Single(listed.Keys);
        Assert.Equal(("CRM sync", ApiKeyScope.Write, created.Secret[^4..]), (key.Name, key.Scope, key.Hint));
    }

    [Theory]
    [InlineData("api-key create write CRM sync")]
    [InlineData("api-key list")]
    [InlineData("api-key revoke CRM sync")]
    public async Task RefusesApiKeyCommands_WhenThePersonIsNoAdmin(string text)
    {
        var workspace = await NewWorkspaceAsync();
        await Commands.HandleTextAsync(Private(workspace), "api-key create write CRM sync", ct);

        var refused = Assert.IsType<AdminOnlyView>(await Commands.HandleTextAsync(Private(workspace, Other), text, ct));

        Assert.Equal(text, refused.OriginalText);
        Assert.Single(await ApiKeys.ListAsync(workspace.Id, ct));
    }

    [Theory]
    [InlineData("api-key create write CRM sync", "An API key is for you alone")]
    [InlineData("export this month", "An export link is for you alone")]
    public async Task ShowsNoSecret_WhenAskedWhereOthersReadAlong(string text, string told)
    {
        var workspace = await NewWorkspaceAsync();
        exportLinks.Link = new Uri("https://pulse.example.com/exports/token");

        var notice = Assert.IsType<NoticeView>(await Commands.HandleTextAsync(Context(workspace), text, ct));

        Assert.Equal("Ask me in a direct message", notice.Title);
        Assert.StartsWith(told, notice.Text);
        Assert.Contains("with the /pulse command", notice.Text);
        Assert.EndsWith("sending: " + text, notice.Text);
        Assert.Empty(await ApiKeys.ListAsync(workspace.Id, ct));
        Assert.Empty(exportLinks.Asked);
    }

    [Fact]
    public async Task StopsAKeyAtOnce_WhenItIsRevoked()
    {
        var workspace = await NewWorkspaceAsync();
        var created = Assert.IsType<ApiKeyCreatedView>(await Commands.HandleTextAsync(Private(workspace), "api-key create read Looker", ct));
        var other = Assert.IsType<ApiKeyCreatedView>(await Commands.HandleTextAsync(Private(workspace), "api-key create write", ct));

        var revoked = Assert.IsType<NoticeView>(await Commands.HandleTextAsync(Context(workspace), "api-key revoke looker", ct));
        var again = await Commands.HandleTextAsync(Context(workspace), "api-key revoke looker", ct);

        Assert.Equal("API key Looker revoked", revoked.Title);
        Assert.Contains($"The read key Looker (…{created.Secret[^4..]}) stopped working just now", revoked.Text);
        Assert.Null(await ApiKeys.AuthenticateAsync(created.Secret, ct));
        Assert.NotNull(await ApiKeys.AuthenticateAsync(other.Secret, ct));
        Assert.Equal([other.Key.Name], (await ApiKeys.ListAsync(workspace.Id, ct)).Select(k => k.Name));
        Assert.Contains("no working key here is called \"looker\"", Assert.IsType<NotUnderstoodView>(again).Problem);
    }

    [Fact]
    public async Task LinksTheThemesExport_AndCountsWhatItHolds_WhenAskedPrivately()
    {
        var workspace = await NewWorkspaceAsync();
        await AddAsync(NewSignal(workspace, "invoice PDF is blank", customer: "Hooli", themes: ["billing"]));
        await AddAsync(NewSignal(workspace, "billing page confuses", customer: "Acme", saidAt: Now.AddDays(-5), themes: ["billing"]));
        await AddAsync(NewSignal(workspace, "last month's invoice", customer: "Acme", saidAt: Now.AddDays(-40), themes: ["billing"]));
        await AddAsync(NewSignal(workspace, "exports time out", customer: "Acme", themes: ["export-timeouts"]));
        var (from, into) = (await Store.FindThemeAsync(workspace.Id, "export-timeouts", ct), await Store.FindThemeAsync(workspace.Id, "billing", ct));
        await Store.MergeThemesAsync(workspace.Id, from!, into!, ct); // both were just tagged
        exportLinks.Link = new Uri("https://pulse.example.com/exports/token");

        var view = Assert.IsType<ExportLinkView>(await Commands.HandleTextAsync(Private(workspace), "export this month #export-timeouts", ct));

        var asked = Assert.Single(exportLinks.Asked);
        var month = new Period(PeriodKind.ThisMonth).Resolve(Now, TimeZoneInfo.Utc, DayOfWeek.Monday);
        Assert.Equal((workspace.Id, Capturer.Id), (asked.Context.WorkspaceId, asked.Context.User.Id));
        Assert.Equal(new ExportRequest(month.Current, "billing"), asked.Request);
        Assert.Equal((exportLinks.Link, "this month", "billing", 3, IExportLinks.Lifetime), (view.Link, view.PeriodLabel, view.Theme, view.Signals, view.Lifetime));
    }

    [Fact]
    public async Task SaysWhatIsMissing_WhenTheThemeIsUnknownOrTheHostHasNoPublicAddress()
    {
        var workspace = await NewWorkspaceAsync();
        await AddAsync(NewSignal(workspace, "invoice PDF is blank", customer: "Hooli", themes: ["billing"]));

        var unknown = Assert.IsType<NotUnderstoodView>(await Commands.HandleTextAsync(Private(workspace), "export last week #bililng", ct));
        var noAddress = Assert.IsType<NoticeView>(await Commands.HandleTextAsync(Private(workspace), "export this week", ct));

        Assert.Equal(("there is no theme #bililng here (\"themes\" lists them)", "export last week #bililng"), (unknown.Problem, unknown.OriginalText));
        Assert.Contains("An admin must set Api:PublicUrl", noAddress.Text);
        Assert.Equal([new ExportRequest(new Period(PeriodKind.ThisWeek).Resolve(Now, TimeZoneInfo.Utc, DayOfWeek.Monday).Current, null)],
            exportLinks.Asked.Select(a => a.Request));
    }

    [Fact]
    public async Task ShowsACustomersProfileThemesAndNewestQuotes_WhenNamedByAnAlias()
    {
        var workspace = await NewWorkspaceAsync();
        await Customers.SaveCustomersAsync(workspace.Id, [new CustomerProfile("Acme Corp", ["Acme"], "enterprise", "Enterprise", 120_000m, "Ana")], ct);
        await AddAsync(NewSignal(workspace, "exports time out", customer: "Acme Corp", saidAt: Now.AddDays(-3), themes: ["export-timeouts"]));
        await AddAsync(NewSignal(workspace, "exports failed again", customer: "acme corp", saidAt: Now.AddDays(-2), themes: ["export-timeouts"]));
        await AddAsync(NewSignal(workspace, "the invoice is blank", customer: "Acme Corp", saidAt: Now.AddDays(-1), themes: ["billing"]));
        await AddAsync(NewSignal(workspace, "nothing tagged", customer: "Acme Corp", saidAt: Now.AddDays(-60)));
        await AddAsync(NewSignal(workspace, "someone else", customer: "Globex", themes: ["billing"]));

        var view = Assert.IsType<CustomerProfileView>(await Commands.HandleTextAsync(Context(workspace), "customer acme", ct));
        var unknown = Assert.IsType<NotUnderstoodView>(await Commands.HandleTextAsync(Context(workspace), "customer Initech", ct));

        Assert.Equal(("Acme Corp", "Enterprise", 120_000m, "Ana"), (view.Customer.Name, view.Customer.Plan, view.Customer.Arr, view.Customer.Owner));
        Assert.Equal(["Acme"], view.Customer.Aliases);
        Assert.Equal(4, view.Signals);
        Assert.Equal([("export-timeouts", 2), ("billing", 1), (null, 1)], view.Themes.Select(t => (t.Theme, t.Signals)));
        Assert.Equal(["the invoice is blank", "exports failed again", "exports time out"], view.Newest.Select(s => s.Quote));
        Assert.Equal(("no customer here is called \"Initech\" (customers lists them)", "customers"), (unknown.Problem, unknown.Example));
    }

    [Fact]
    public async Task ShowsTheProfile_WhenALowerCaseNameIsAKnownCustomer_AndCapturesOtherWords()
    {
        var workspace = await NewWorkspaceAsync();
        await Customers.SaveCustomersAsync(workspace.Id, [new CustomerProfile("Acme Corp", ["ACME"], Plan: "Enterprise")], ct);
        await AddAsync(NewSignal(workspace, "exports time out", customer: "Acme Corp", themes: ["export-timeouts"]));

        var byName = Assert.IsType<CustomerProfileView>(await Commands.HandleTextAsync(Context(workspace), "customer acme corp", ct));
        var byAlias = Assert.IsType<CustomerProfileView>(await Commands.HandleTextAsync(Context(workspace), "customer acme?", ct));
        var quote = Assert.IsType<CaptureConfirmedView>(await Commands.HandleTextAsync(Context(workspace), "customer wants sso", ct));

        Assert.Equal(("Acme Corp", "Acme Corp"), (byName.Customer.Name, byAlias.Customer.Name));
        Assert.Equal("customer wants sso", quote.Signal.Quote);
    }

    [Fact]
    public async Task RanksByTheRevenueBehindEachTheme_AndShowsItOnEveryRanking()
    {
        var workspace = await NewWorkspaceAsync();
        await Customers.SaveCustomersAsync(workspace.Id,
            [new CustomerProfile("Big Bank", [], Arr: 500_000m), new CustomerProfile("Small Shop", [], Arr: 10_000m), new CustomerProfile("Tiny Co", [], Arr: 2_500m)], ct);
        await AddAsync(NewSignal(workspace, "SSO setup failed", customer: "Big Bank", themes: ["sso-setup"]));
        foreach (var customer in new[] { "Small Shop", "Tiny Co", "Unknown One", "Unknown Two" })
        {
            await AddAsync(NewSignal(workspace, $"exports time out for {customer}", customer: customer, themes: ["export-timeouts"]));
            await AddAsync(NewSignal(workspace, $"and again for {customer}", customer: customer, saidAt: Now.AddHours(-3), themes: ["export-timeouts"]));
        }

        var usual = Assert.IsType<PainPointsView>(await RunAsync(workspace, new TopCommand(Period.ThisWeek, QueryFilters.None)));
        var byRevenue = Assert.IsType<PainPointsView>(await RunAsync(workspace, new TopCommand(Period.ThisWeek, QueryFilters.None, ByRevenue: true)));
        var asked = Assert.IsType<QuestionView>(await Commands.HandleTextAsync(Context(workspace), "which pain points cost us the most revenue this week?", ct));

        Assert.Equal(["export-timeouts", "sso-setup"], usual.Themes.Select(t => t.Theme));
        Assert.Equal(["sso-setup", "export-timeouts"], byRevenue.Themes.Select(t => t.Theme));
        Assert.Equal([(500_000m, 1), (12_500m, 2)], byRevenue.Themes.Select(t => (t.Revenue, t.RevenueCustomers)));
        Assert.Equal([(12_500m, 2), (500_000m, 1)], usual.Themes.Select(t => (t.Revenue, t.RevenueCustomers)));
        Assert.Equal(("Top customer pain points by revenue", "Top customer pain points"), (byRevenue.Title, usual.Title));
        Assert.Equal(byRevenue.Themes.Select(t => t.Theme), Assert.IsType<PainPointsView>(asked.Answer).Themes.Select(t => t.Theme));
    }

    private static ChatContext Private(Workspace workspace, ChatUser? user = null) => Context(workspace, user) with { Private = true };

    /// <summary>Stands in for the host's signed links (tested with the CSV download itself): records what was asked, answers <see cref="Link"/>.</summary>
    private sealed class RecordedExportLinks : IExportLinks
    {
        public Uri? Link { get; set; }

        public List<(ChatContext Context, ExportRequest Request)> Asked { get; } = [];

        public Uri? Create(ChatContext context, ExportRequest request)
        {
            Asked.Add((context, request));
            return Link;
        }
    }
}
