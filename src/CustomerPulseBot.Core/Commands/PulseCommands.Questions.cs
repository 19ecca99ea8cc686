using CustomerPulseBot.Core.Meaning;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Themes;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Core.Commands;

// The answers to questions: each resolves its period and its topic, then reads the store.
public sealed partial class PulseCommands
{
    /// <summary>"Top 50" is a list nobody reads in chat; more is counted, not shown.</summary>
    public const int MaxTopThemes = 10;

    /// <summary>How many customers a count splits by; the rest are in its total.</summary>
    public const int CountCustomers = 5;

    /// <summary>How many customers "which customers" lists; the rest are in its total.</summary>
    public const int CustomersShown = 10;

    /// <summary>A search without a period looks this far back, and says so.</summary>
    public static readonly Period SearchPeriod = Period.LastDays(90);

    /// <summary>A question in the person's own words is answered together with how it was read.</summary>
    private static View Answer(View answer, Asked? asked) => asked is null ? answer : new QuestionView(answer, asked);

    private async Task<View> TopAsync(ChatContext context, TopCommand top, CancellationToken ct)
    {
        var window = Resolve(context, top.Period);
        var filters = await ResolveTopicAsync(context, top.Filters, ct);
        return await insights.TopAsync(
            context.WorkspaceId, window, filters, top.Count is { } n ? Math.Clamp(n, 1, MaxTopThemes) : null, context.TimeZone, top.ByRevenue, ct);
    }

    private async Task<View> TrendsAsync(ChatContext context, TrendsCommand trends, CancellationToken ct) =>
        await insights.TrendsAsync(context.WorkspaceId, Resolve(context, trends.Period), await ResolveTopicAsync(context, trends.Filters, ct), ct);

    /// <summary>
    /// Quotes matching the words and every filter, most relevant then newest; with no words (<c>search #theme</c>,
    /// what "all N quotes" runs) the filters' quotes, newest first. Without a period: <see cref="SearchPeriod"/>.
    /// </summary>
    private async Task<View> SearchAsync(ChatContext context, SearchCommand search, CancellationToken ct)
    {
        var window = Resolve(context, search.Period ?? SearchPeriod);
        var filters = await ResolveTopicAsync(context, search.Filters, ct);
        var words = string.Join(' ', new[] { search.Words.Trim(), filters.Topic ?? "" }.Where(w => w.Length > 0));
        var shown = filters with { Topic = null };
        var filter = SignalFilter.Of(window.Current, shown with { Topic = words.Length == 0 ? null : words });
        var found = await store.FindSignalsAsync(context.WorkspaceId, filter, SearchResults, ct);
        var total = found.Count < SearchResults ? found.Count : await store.CountSignalsAsync(context.WorkspaceId, filter, ct);
        if (meaning is not null && words.Length > 0)
        {
            found = await WithMeaningAsync(context, words, filter, found, ct);
            total = Math.Max(total, found.Count);
        }

        return new SearchResultsView(words, window.Label, found, total, window.Dates, shown);
    }

    /// <summary>
    /// The full-text results blended with the quotes closest in meaning to the words (<see cref="SearchBlend"/>), so
    /// that "export timeout" finds "the report download dies after a minute" too.
    /// </summary>
    private async Task<IReadOnlyList<Signal>> WithMeaningAsync(
        ChatContext context, string words, SignalFilter filter, IReadOnlyList<Signal> fullText, CancellationToken ct)
    {
        var near = await meaning!.SearchAsync(context.WorkspaceId, words, filter with { Text = null }, SearchResults, ct); // the caller checked
        var known = fullText.ToDictionary(s => s.Id);
        var blended = new List<Signal>();
        foreach (var id in SearchBlend.Fuse(fullText.Select(s => s.Id).ToList(), near.Select(n => n.SignalId).ToList(), SearchResults))
        {
            if ((known.GetValueOrDefault(id) ?? await store.GetSignalAsync(context.WorkspaceId, id, ct)) is { } signal)
            {
                blended.Add(signal);
            }
        }

        return blended;
    }

    /// <summary>"How many …": every kind of signal unless a kind was named.</summary>
    private async Task<View> CountAsync(ChatContext context, CountCommand count, CancellationToken ct)
    {
        var window = Resolve(context, count.Period);
        var filters = await ResolveTopicAsync(context, count.Filters, ct);
        var filter = SignalFilter.Of(window.Current, filters);
        var signals = await store.CountSignalsAsync(context.WorkspaceId, filter, ct);
        var byTheme = (await store.GetThemeStatsAsync(context.WorkspaceId, filter, ct))
            .OrderByDescending(s => s.Signals)
            .ThenBy(s => s.Theme is null) // untagged after the themes it ties with
            .ThenBy(s => s.Theme, StringComparer.Ordinal)
            .ToList();
        var customers = await store.GetCustomerStatsAsync(context.WorkspaceId, filter, CountCustomers, ct);
        return new CountView(window.Label, DatesOf(window), filters, filters.Topic, signals, customers.Total, byTheme, customers.Customers);
    }

    private async Task<View> CustomersAsync(ChatContext context, CustomersCommand customers, CancellationToken ct)
    {
        var window = Resolve(context, customers.Period);
        var filters = await ResolveTopicAsync(context, customers.Filters, ct);
        var list = await store.GetCustomerStatsAsync(context.WorkspaceId, SignalFilter.Of(window.Current, filters), CustomersShown, ct);
        return new CustomersView(window.Label, DatesOf(window), filters, filters.Topic, list);
    }

    /// <summary>
    /// Every shipped theme, latest ship first, or the one asked about: the digest's before/after figures as of now.
    /// A topic that names no theme gets an empty answer naming it, rather than every shipped theme narrowed by words.
    /// </summary>
    private async Task<View> ShippedAsync(ChatContext context, ShippedCommand shipped, CancellationToken ct)
    {
        var filters = await ResolveTopicAsync(context, shipped.Filters, ct);
        if (filters.Topic is { } unmatched)
        {
            return new ShippedView(unmatched, []);
        }

        var now = clock.GetUtcNow();
        var themes = (await store.GetThemesAsync(context.WorkspaceId, ct))
            .Where(t => t is { Status: ThemeStatus.Shipped, StatusAt: { } at } && at <= now
                && (filters.Theme is not { } asked || t.Name == asked || t.Aliases.Contains(asked)))
            .OrderByDescending(t => t.StatusAt)
            .ToList();
        var rates = new List<ShippedThemeRate>();
        foreach (var theme in themes)
        {
            rates.Add(await insights.ShippedRateAsync(context.WorkspaceId, theme, now, filters, context.TimeZone, ct));
        }

        return new ShippedView(filters.Theme is null ? null : themes.FirstOrDefault()?.Name ?? filters.Theme, rates);
    }

    private async Task<View> SummaryAsync(ChatContext context, SummaryCommand summary, CancellationToken ct)
    {
        if (digests is null)
        {
            return DigestsOff("the request for a summary", "there is no summary to show");
        }

        var filters = await ResolveTopicAsync(context, summary.Filters, ct);
        return await digests.SummarizeAsync(context, Resolve(context, summary.Period), filters, ct);
    }

    /// <summary>
    /// Friction per journey stage, worst first: most customers, then most signals, then highest average severity,
    /// then the journey's own order. Signals without a stage come last and carry no quote (there is no stage to
    /// quote); each stage carries its most telling quote.
    /// </summary>
    private async Task<View> JourneyAsync(ChatContext context, JourneyCommand journey, CancellationToken ct)
    {
        var window = Resolve(context, journey.Period);
        var filters = await ResolveTopicAsync(context, journey.Filters, ct);
        var friction = SignalFilter.Friction(window.Current, filters);
        var stages = (await store.GetStageStatsAsync(context.WorkspaceId, friction, ct))
            .OrderBy(s => s.Stage is null)
            .ThenByDescending(s => s.Customers)
            .ThenByDescending(s => s.Signals)
            .ThenByDescending(s => s.AverageSeverity)
            .ThenBy(s => s.Stage)
            .ToList();
        var themes = (await store.GetThemeStatsAsync(context.WorkspaceId, friction, ct)).Select(s => s.Theme).ToList();

        var rows = new List<StageFriction>();
        foreach (var stage in stages)
        {
            var quote = stage.Stage is null
                ? null
                : MostTelling(await store.GetTellingSignalsAsync(context.WorkspaceId, friction with { Stage = stage.Stage }, themes, 1, ct));
            rows.Add(new StageFriction(stage.Stage, stage.Signals, stage.Customers, stage.AverageSeverity, quote));
        }

        return new JourneyView(window.Label, DatesOf(window), filters, rows);
    }

    /// <summary>
    /// The store gives the most telling signal of each theme; of those, the most telling overall by the same
    /// order (<see cref="IPulseStore.GetTellingSignalsAsync"/>): severity, a named customer, evidence, newest.
    /// </summary>
    private static Signal? MostTelling(IEnumerable<Signal> signals) =>
        signals
            .OrderByDescending(s => s.Severity)
            .ThenByDescending(s => s.Customer is not null)
            .ThenByDescending(s => s.EvidenceUrl is not null)
            .ThenByDescending(s => s.SaidAt)
            .FirstOrDefault();

    /// <summary>
    /// A question's leftover words that name no theme and appear in no quote ("what's popping up this week") would
    /// narrow a ranking, trends, a summary or the journey to nothing: there they are left out, and the answer says so.
    /// Counts, customers and search keep them, since "nobody mentioned it" is their answer.
    /// </summary>
    private async Task<Command> WithoutUnheardTopicAsync(ChatContext context, Command command, CancellationToken ct)
    {
        var (filters, asked) = command switch
        {
            TopCommand c => (c.Filters, c.Asked),
            TrendsCommand c => (c.Filters, c.Asked),
            SummaryCommand c => (c.Filters, c.Asked),
            JourneyCommand c => (c.Filters, c.Asked),
            _ => (null, null),
        };
        if (asked is null || filters?.Topic is not { } topic)
        {
            return command;
        }

        // Resolved once here, so the answer's own ResolveTopicAsync finds nothing left to look up.
        var resolved = await ResolveTopicAsync(context, filters, ct);
        var heard = resolved.Topic is null || await store.CountSignalsAsync(context.WorkspaceId, new SignalFilter(Text: topic), ct) > 0;
        var broad = heard ? resolved : resolved with { Topic = null };
        var told = heard ? asked : asked with
        {
            NotUnderstood = [.. asked.NotUnderstood, topic],
            Notes = [.. asked.Notes, $"no quote mentions “{topic}”, so the answer leaves it out"],
        };
        return command switch
        {
            TopCommand c => c with { Filters = broad, Asked = told },
            TrendsCommand c => c with { Filters = broad, Asked = told },
            SummaryCommand c => c with { Filters = broad, Asked = told },
            JourneyCommand c => c with { Filters = broad, Asked = told },
            _ => command,
        };
    }

    private async Task<QueryFilters> ResolveTopicAsync(ChatContext context, QueryFilters filters, CancellationToken ct) =>
        filters.Topic is null ? filters : TopicResolver.Resolve(filters, await store.GetThemesAsync(context.WorkspaceId, ct));

    /// <summary>The period's dates as the person reads them; the label stands in where no dates were written.</summary>
    private static string DatesOf(PeriodWindow window) => window.Dates ?? window.Label;
}
