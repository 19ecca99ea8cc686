using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Storage.Tests;

/// <summary>Full-text search (PostgreSQL tsvector, SQLite FTS5): the same signals on both databases.</summary>
public abstract partial class PulseStoreContractTests
{
    /// <summary>What a text finds among the quotes <see cref="SeedSearchSignalsAsync"/> stores, by key.</summary>
    public static readonly TheoryData<string, string, string[]> SearchCases = new()
    {
        { "a word finds its other forms", "export", ["timed", "button", "timeouts", "syntax"] },
        { "a plural finds the singular", "exports", ["timed", "button", "timeouts", "syntax"] },
        { "a past tense finds the present", "timing", ["timed", "time"] },
        { "every word must match", "export timeout", ["timeouts"] },
        { "words in any order and case", "HIDDEN Export", ["button"] },
        { "a stop word typed on purpose counts", "the export", ["button", "syntax"] },
        { "the customer's name", "initech", ["time"] },
        { "no signal has every word", "export dashboards", [] },
        { "punctuation alone", "%", [] },
        { "punctuation and spaces", " ?! -- ... ", [] },
        { "a double quote", "\"export", ["timed", "button", "timeouts", "syntax"] },
        { "an unbalanced quote in a word", "exp\"ort", [] },
        { "a prefix star is a letter, not a wildcard", "exp*", [] },
        { "a trailing star", "export*", ["timed", "button", "timeouts", "syntax"] },
        { "a column filter", "body:export", [] },
        { "a colon between words", "export:button", ["button"] },
        { "a minus", "-export", ["timed", "button", "timeouts", "syntax"] },
        { "NEAR", "NEAR(export hidden)", [] },
        { "OR is a word", "export OR", ["syntax"] },
        { "OR between words", "dashboards OR hidden", [] },
        { "AND and NOT", "export AND NOT button", [] },
        { "parentheses and carets", "(^export)", ["timed", "button", "timeouts", "syntax"] },
        { "a tsquery operator", "export & !button | time", [] },
        { "backslashes and single quotes", @"'export\'", ["timed", "button", "timeouts", "syntax"] },
    };

    [Theory]
    [MemberData(nameof(SearchCases))]
    public async Task FindsEverySignalWithEveryWord_ForEachSearch(string why, string text, string[] expected)
    {
        var workspace = await NewWorkspaceAsync();
        var keys = await SeedSearchSignalsAsync(workspace);
        var filter = new SignalFilter(Text: text);

        var found = await Store.FindSignalsAsync(workspace.Id, filter, 100, ct);
        var count = await Store.CountSignalsAsync(workspace.Id, filter, ct);
        var ranked = await Store.GetThemeStatsAsync(workspace.Id, filter, ct);

        Assert.True(expected.Order().SequenceEqual(found.Select(s => keys[s.Id]).Order()),
            $"{why}: expected [{string.Join(", ", expected)}], found [{string.Join(", ", found.Select(s => keys[s.Id]))}]");
        Assert.Equal(expected.Length, count);
        Assert.Equal(expected.Length, ranked.Sum(s => s.Signals));
    }

    [Fact]
    public async Task OrdersMatchesByRelevance_ThenNewestFirst()
    {
        const string twice = "export fails, export hangs";
        const string once = "Export fails, upload hangs";
        const string rambling = "Once a month, after the finance team closes the books, the export of the ledger to our warehouse fails";
        var workspace = await NewWorkspaceAsync();
        await AddAsync(workspace,
            NewSignal(workspace, twice, Now.AddDays(-30)),
            NewSignal(workspace, rambling, Now.AddDays(-1)),
            NewSignal(workspace, once, Now.AddDays(-5)),
            NewSignal(workspace, once, Now.AddDays(-3)),
            NewSignal(workspace, "Dashboards are slow", Now));

        var found = await Store.FindSignalsAsync(workspace.Id, new SignalFilter(Text: "exports"), 10, ct);
        var firstTwo = await Store.FindSignalsAsync(workspace.Id, new SignalFilter(Text: "export"), 2, ct);
        var plain = await Store.FindSignalsAsync(workspace.Id, Everything, 2, ct);

        Assert.Equal([(twice, -30), (once, -3), (once, -5), (rambling, -1)], found.Select(s => (s.Quote, (int)Math.Round((s.SaidAt - Now).TotalDays))));
        Assert.Equal(found.Take(2).Select(s => s.Id), firstTwo.Select(s => s.Id));
        Assert.Equal(["Dashboards are slow", rambling], plain.Select(s => s.Quote));
    }

    [Fact]
    public async Task NarrowsRankingsAndTellingSignalsByTheWords()
    {
        var workspace = await NewWorkspaceAsync();
        await AddAsync(workspace,
            NewSignal(workspace, "SSO login loops forever", severity: Severity.Critical, themes: ["sso"]),
            NewSignal(workspace, "Logging in with SSO takes minutes", themes: ["sso", "slow"]),
            NewSignal(workspace, "SAML setup is confusing", themes: ["sso"]),
            NewSignal(workspace, "Cannot log in on mobile"));
        var filter = new SignalFilter(Text: "login");

        var ranked = await Store.GetThemeStatsAsync(workspace.Id, filter, ct);
        var telling = await Store.GetTellingSignalsAsync(workspace.Id, filter, ["sso", "slow", null], 5, ct);

        Assert.Equal([("sso", 1)], ranked.Select(s => (s.Theme, s.Signals)));
        Assert.Equal(["SSO login loops forever"], telling.Select(s => s.Quote));
        Assert.Equal(2, await Store.CountSignalsAsync(workspace.Id, new SignalFilter(Text: "sso"), ct));
        Assert.Equal(["Logging in with SSO takes minutes"], (await Store.FindSignalsAsync(workspace.Id, new SignalFilter(Text: "logging minutes"), 5, ct)).Select(s => s.Quote));
    }

    /// <summary>The quotes <see cref="SearchCases"/> run over, by key.</summary>
    private async Task<Dictionary<Guid, string>> SeedSearchSignalsAsync(Workspace workspace)
    {
        var signals = new Dictionary<string, Signal>
        {
            ["timed"] = NewSignal(workspace, "Exports timed out again", Now.AddDays(-1), themes: ["exports"]),
            ["button"] = NewSignal(workspace, "The export button is hidden", Now.AddDays(-2), themes: ["exports"]),
            ["timeouts"] = NewSignal(workspace, "Timeouts on every export", Now.AddDays(-3)),
            ["dashboards"] = NewSignal(workspace, "Slow dashboards", Now.AddDays(-4), themes: ["slow-dashboard"]),
            ["time"] = NewSignal(workspace, "It takes time to set up", Now.AddDays(-5), "Initech"),
            ["syntax"] = NewSignal(workspace, "Export OR import, near the top: \"the\" worst", Now.AddDays(-6)),
        };
        await AddAsync(workspace, signals.Values.ToArray());
        return signals.ToDictionary(p => p.Value.Id, p => p.Key);
    }
}
