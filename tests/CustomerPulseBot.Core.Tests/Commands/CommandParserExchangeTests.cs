using CustomerPulseBot.Core.ApiKeys;
using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Trends;

namespace CustomerPulseBot.Core.Tests.Commands;

/// <summary>Data in and out from chat: api-key, export, customer, and rankings by revenue, in commands and in people's own words.</summary>
public sealed class CommandParserExchangeTests
{
    private static readonly DateOnly Today = CommandParserTests.Today;

    private static Command Parse(string text) => CommandParser.Parse(text, Today, DayOfWeek.Monday);

    public static TheoryData<string, Command> Commands => new()
    {
        { "api-key create", new CreateApiKeyCommand(ApiKeyScope.Read, null) },
        { "/pulse api-key create write", new CreateApiKeyCommand(ApiKeyScope.Write, null) },
        { "api-key create read Looker dashboards", new CreateApiKeyCommand(ApiKeyScope.Read, "Looker dashboards") },
        { "api-key create write \"CRM sync\"", new CreateApiKeyCommand(ApiKeyScope.Write, "CRM sync") },
        { "api-key create Zendesk bridge", new CreateApiKeyCommand(ApiKeyScope.Read, "Zendesk bridge") },
        { "api-key create --scope write --name \"CRM sync\"", new CreateApiKeyCommand(ApiKeyScope.Write, "CRM sync") },
        { "api-key create --scope=read --name=nightly", new CreateApiKeyCommand(ApiKeyScope.Read, "nightly") },
        { "api-key create —scope write —name CRM", new CreateApiKeyCommand(ApiKeyScope.Write, "CRM") },
        { "API key create read-only", new CreateApiKeyCommand(ApiKeyScope.Read, null) },
        { "api-keys list", new ListApiKeysCommand() },
        { "api-key list", new ListApiKeysCommand() },
        { "api-key revoke CRM sync", new RevokeApiKeyCommand("CRM sync") },
        { "api-key revoke \"CRM sync\"", new RevokeApiKeyCommand("CRM sync") },
        { "export this month #billing", new ExportCommand(new Period(PeriodKind.ThisMonth), "billing") },
        { "export last week", new ExportCommand(new Period(PeriodKind.LastWeek), null) },
        { "/pulse export #Slow-Dashboards last 30 days", new ExportCommand(Period.LastDays(30), "slow-dashboards") },
        { "export all signals for this quarter", new ExportCommand(new Period(PeriodKind.ThisQuarter), null) },
        { "export the CSV for since 3 Nov", new ExportCommand(new Period(PeriodKind.Since, From: new(2026, 11, 3)), null) },
        { "customer Acme", new CustomerCommand("Acme") },
        { "customer \"Acme Corp\"", new CustomerCommand("Acme Corp") },
        { "customer Acme Corp", new CustomerCommand("Acme Corp") },
        { "customer initech?", new CustomerCommand("initech") },
        { "customer merge \"Acme Corp\" Acme", new MergeCustomersCommand("Acme Corp", "Acme") },
        { "customers", new CustomersCommand(Period.LastDays(CommandParser.LookBackDays), QueryFilters.None) },
        { "top this month by revenue", new TopCommand(new Period(PeriodKind.ThisMonth), QueryFilters.None, ByRevenue: true) },
        { "top 3 by ARR last quarter", new TopCommand(new Period(PeriodKind.LastQuarter), QueryFilters.None, 3, ByRevenue: true) },
        { "top this week weighted by revenue segment:enterprise", new TopCommand(Period.ThisWeek, new QueryFilters("enterprise"), ByRevenue: true) },
        { "top this month", new TopCommand(new Period(PeriodKind.ThisMonth), QueryFilters.None) },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void ParsesTheCommand_WhenTypedInAnyOfItsForms(string text, Command expected)
    {
        var command = Parse(text);

        Assert.Equal(expected, command);
    }

    [Theory]
    [InlineData("which pain points cost us the most revenue this quarter?", PeriodKind.ThisQuarter)]
    [InlineData("what are the most expensive problems this month?", PeriodKind.ThisMonth)]
    [InlineData("biggest complaints by ARR last month", PeriodKind.LastMonth)]
    [InlineData("which issues have the highest revenue impact this week?", PeriodKind.ThisWeek)]
    [InlineData("what's costing us the most this quarter?", PeriodKind.ThisQuarter)]
    [InlineData("rank pain points by revenue-weighted impact for last month", PeriodKind.LastMonth)]
    public void RanksByRevenue_WhenAQuestionAsksWhatCostsTheMost(string text, PeriodKind period)
    {
        var command = Assert.IsType<TopCommand>(Parse(text));

        Assert.True(command.ByRevenue);
        Assert.Equal(period, command.Period.Kind);
        Assert.Null(command.Filters.Topic);
        Assert.Contains("by revenue", command.Asked!.Reading);
    }

    [Theory]
    [InlineData("what are the top pain points this week?")]
    [InlineData("top complaints about revenue reports this month")]
    public void RanksAsUsual_WhenRevenueIsNotTheWeight(string text)
    {
        var command = Assert.IsType<TopCommand>(Parse(text));

        Assert.False(command.ByRevenue);
    }

    [Theory]
    [InlineData("api-key", "a request about API keys", "say what to do with API keys: create, list or revoke")]
    [InlineData("api-key crate write", "a request about API keys", "\"crate\" is not something I can do with API keys: use create, list or revoke")]
    [InlineData("api-key create --scope admin", "a request for a new API key", "\"admin\" is not a scope: use read or write")]
    [InlineData("api-key create --label CRM", "a request for a new API key", "\"--label\" is not an option of api-key create: use --scope read|write and --name")]
    [InlineData("api-key list all", "a request for the list of API keys", "\"api-key list\" takes no other words, so \"all\" is one too many")]
    [InlineData("api-key revoke", "a request to revoke an API key", "api-key revoke needs the key's name, as api-key list shows it")]
    [InlineData("api-kye create write", "a request that reads like api-key", "\"api-kye\" is not a command: did you mean api-key?")]
    [InlineData("exprot this month", "a request that reads like export", "\"exprot\" is not a command: did you mean export?")]
    [InlineData("export", "a request to export signals as CSV", "export needs a period, such as this month or last week")]
    [InlineData("export #billing", "a request to export signals as CSV", "export needs a period before the theme, such as this month")]
    [InlineData("export this mnth", "a request to export signals as CSV", "\"this mnth\" is not a period I know")]
    [InlineData("export last week #billing #sso", "a request to export signals as CSV", "an export takes one #theme at a time")]
    [InlineData("export last week segment:buyer", "a request to export signals as CSV", "\"segment:buyer\" cannot narrow an export: it takes a period and one #theme")]
    [InlineData("export this month please now", "a request to export signals as CSV", "\"please now\" is more than a period and a #theme")]
    [InlineData("customer", "a request for a customer's profile", "name the customer, as in customer Acme; customers lists them")]
    public void RepliesWithAnExample_WhenTheWordsCannotBeRead(string text, string understood, string problem)
    {
        var command = Assert.IsType<NotUnderstoodCommand>(Parse(text));

        Assert.Equal((understood, problem, text), (command.Understood, command.Problem, command.Text));
        Assert.IsNotType<NotUnderstoodCommand>(Parse(command.Example));
    }

    [Theory]
    [InlineData("export button is hidden behind the settings menu")]
    [InlineData("export takes forever for our finance team #export-timeouts")]
    [InlineData("customer says the export is slow")]
    [InlineData("customer wants SSO before renewal")]
    [InlineData("expert advice would help onboarding")]
    [InlineData("It costs too much money")]
    [InlineData("Pricing: the Acme plan costs too much")]
    public void KeepsWordsAsAQuote_WhenTheyOnlyStartLikeACommand(string text)
    {
        var command = Parse(text);

        Assert.IsType<CaptureCommand>(command);
    }
}
