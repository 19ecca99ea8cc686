using System.Globalization;
using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;
using Microsoft.AspNetCore.Mvc;

namespace CustomerPulseBot.Web.Api;

/// <summary>
/// Themes, top pain points and trends: each asked of Core as chat asks (the same command through
/// <see cref="PulseCommands"/>, so the same figures), with the period read by the chat's <see cref="PeriodParser"/>.
/// </summary>
internal static class InsightsApi
{
    public const string DefaultPeriod = "this week";

    public static RouteGroupBuilder MapThemes(this RouteGroupBuilder api)
    {
        api.MapGet("/themes", ThemesAsync)
            .Produces<ThemeListOutput>()
            .WithName("ListThemes")
            .WithSummary("Every theme, with its signals in the last 30 days");
        return api;
    }

    public static RouteGroupBuilder MapInsights(this RouteGroupBuilder api)
    {
        api.MapGet("/insights/top", TopAsync)
            .Produces<TopOutput>()
            .ProducesValidationProblem()
            .WithName("TopPainPoints")
            .WithSummary("Top pain points of a period, as chat's `top` answers");
        api.MapGet("/insights/trends", TrendsAsync)
            .Produces<TrendsOutput>()
            .ProducesValidationProblem()
            .WithName("Trends")
            .WithSummary("New, rising and falling themes of a period, as chat's `trends` answers");
        return api;
    }

    private static async Task<IResult> ThemesAsync(ApiCaller caller, PulseCommands commands, CancellationToken ct)
    {
        var view = await RunAsync<ThemeListView>(commands, caller, new ThemesCommand(), ct);
        return TypedResults.Ok(new ThemeListOutput(
            view.Themes.Select(s => new ThemeOutput(s.Theme.Name, s.Theme.Aliases, s.Theme.Status, s.Theme.StatusAt, s.Theme.StatusNote, s.RecentSignals)).ToList(),
            view.RecentLabel));
    }

    private static async Task<IResult> TopAsync(
        ApiCaller caller, PulseCommands commands, TimeProvider clock, CancellationToken ct,
        [FromQuery] string? period = null, [FromQuery] string? segment = null, [FromQuery] string? n = null, [FromQuery] string? by = null)
    {
        var errors = new List<(string, string)>();
        var read = ApiQuery.Period(period ?? DefaultPeriod, caller.Context, clock, errors);
        var filters = FiltersOf(segment, errors);
        int? count = null;
        if (n is not null)
        {
            if (int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= PulseCommands.MaxTopThemes)
            {
                count = number;
            }
            else
            {
                errors.Add(("n", $"n must be a whole number from 1 to {PulseCommands.MaxTopThemes}."));
            }
        }

        if (by is not null && !by.Equals("revenue", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(("by", "by can only be revenue (rank by the annual revenue of the customers behind each theme); leave it out to rank by reach."));
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Fields(ApiProblems.Keyed(errors));
        }

        // Without errors, the period (given or the default) was read.
        var view = await RunAsync<PainPointsView>(commands, caller, new TopCommand(read!, filters, count, ByRevenue: by is not null), ct);
        return TypedResults.Ok(TopOutput.From(view));
    }

    private static async Task<IResult> TrendsAsync(
        ApiCaller caller, PulseCommands commands, TimeProvider clock, CancellationToken ct,
        [FromQuery] string? period = null, [FromQuery] string? segment = null)
    {
        var errors = new List<(string, string)>();
        var read = ApiQuery.Period(period ?? DefaultPeriod, caller.Context, clock, errors);
        var filters = FiltersOf(segment, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Fields(ApiProblems.Keyed(errors));
        }

        // Without errors, the period (given or the default) was read.
        var view = await RunAsync<TrendsView>(commands, caller, new TrendsCommand(read!, filters), ct);
        return TypedResults.Ok(TrendsOutput.From(view));
    }

    private static async Task<TView> RunAsync<TView>(PulseCommands commands, ApiCaller caller, Command command, CancellationToken ct) where TView : View =>
        await commands.ExecuteAsync(caller.Context, command, "", ct) as TView
            ?? throw new InvalidOperationException($"{command.GetType().Name} did not answer with a {typeof(TView).Name}.");

    private static QueryFilters FiltersOf(string? segment, List<(string, string)> errors) =>
        ApiQuery.Segment(segment, errors) is { } word ? new QueryFilters(Segment: word) : QueryFilters.None;
}
