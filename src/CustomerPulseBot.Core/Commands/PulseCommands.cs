using System.Globalization;
using CustomerPulseBot.Core.Customers;
using CustomerPulseBot.Core.Digests;
using CustomerPulseBot.Core.Exchange;
using CustomerPulseBot.Core.Meaning;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Themes;
using CustomerPulseBot.Core.Trends;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;
using Microsoft.Extensions.Logging;

namespace CustomerPulseBot.Core.Commands;

/// <summary>
/// Runs commands against the store and answers with a view: the one path every platform takes. A host without a
/// digest scheduler (the benchmark) passes no <paramref name="digests"/>, and digest commands and summaries say so.
/// Questions are answered in PulseCommands.Questions.cs, undo, edit and delete in PulseCommands.Edits.cs, themes by
/// meaning (without <paramref name="meaning"/> and <paramref name="meaningStore"/>, captures answer without them) in
/// PulseCommands.Themes.cs, who may run admin commands (<paramref name="admins"/>) in PulseCommands.Admins.cs, and API keys,
/// exports and customer profiles in PulseCommands.Exchange.cs (a host without <paramref name="apiKeys"/>,
/// <paramref name="exportLinks"/> or <paramref name="customers"/> says it cannot do those).
/// </summary>
public sealed partial class PulseCommands(
    IPulseStore store,
    Insights insights,
    TimeProvider clock,
    ILogger<PulseCommands> logger,
    WorkspaceAdmins admins,
    DigestCommands? digests = null,
    IMeaning? meaning = null,
    IMeaningStore? meaningStore = null,
    ApiKeys.ApiKeys? apiKeys = null,
    IExportLinks? exportLinks = null,
    ICustomerStore? customers = null)
{
    public const int SearchResults = 10;

    /// <summary>How long a capture sent again by the same person counts as the same capture.</summary>
    public static readonly TimeSpan SameCaptureWindow = TimeSpan.FromMinutes(5);
    private static readonly Period RecentThemeActivity = Period.LastDays(30);

    /// <summary>
    /// Parses the text and runs it: the path every chat message and slash command takes.
    /// </summary>
    public Task<View> HandleTextAsync(ChatContext context, string text, CancellationToken ct) =>
        ExecuteAsync(context, Parse(context, text), text, ct);

    /// <summary>
    /// The text as a command, read on the person's own date, which places dates typed without a year ("since 20 Dec"),
    /// and in the workspace's week ("since last week").
    /// </summary>
    public Command Parse(ChatContext context, string text) =>
        CommandParser.Parse(text, Zones.Today(clock, context.TimeZone), context.Workspace.WeekStart);

    public async Task<View> ExecuteAsync(ChatContext context, Command command, string originalText, CancellationToken ct)
    {
        logger.LogInformation("Running {Command} in workspace {WorkspaceId}", command.GetType().Name, context.WorkspaceId);
        if (await RefusedAsync(context, command, originalText, ct) is { } refused)
        {
            return refused;
        }

        command = await WithKnownCustomerAsync(context, await WithoutUnheardTopicAsync(context, command, ct), ct);
        return command switch
        {
            CaptureCommand c => await CaptureAsync(context, c.Draft, originalText, ct),
            OpenCaptureFormCommand => CaptureFormView.Empty(await ThemeNamesAsync(context, ct)),
            TopCommand t => Answer(await TopAsync(context, t, ct), t.Asked),
            TrendsCommand t => Answer(await TrendsAsync(context, t, ct), t.Asked),
            SearchCommand s => Answer(await SearchAsync(context, s, ct), s.Asked),
            CountCommand c => Answer(await CountAsync(context, c, ct), c.Asked),
            CustomersCommand c => Answer(await CustomersAsync(context, c, ct), c.Asked),
            ShippedCommand s => Answer(await ShippedAsync(context, s, ct), s.Asked),
            SummaryCommand s => Answer(await SummaryAsync(context, s, ct), s.Asked),
            JourneyCommand j => Answer(await JourneyAsync(context, j, ct), j.Asked),
            UndoCommand => await UndoAsync(context, ct),
            DeleteSignalCommand d => await DeleteAsync(context, d, originalText, ct),
            EditSignalCommand e => await EditAsync(context, e, originalText, ct),
            MergeCustomersCommand m => await MergeCustomersAsync(context, m, originalText, ct),
            ForgetCustomerCommand f => await ForgetAsync(context, f, ct),
            CustomerCommand c => await CustomerAsync(context, c, originalText, ct),
            ExportCommand e => await ExportAsync(context, e, originalText, ct),
            CreateApiKeyCommand c => await CreateApiKeyAsync(context, c, originalText, ct),
            ListApiKeysCommand => await ListApiKeysAsync(context, ct),
            RevokeApiKeyCommand r => await RevokeApiKeyAsync(context, r, originalText, ct),
            ThemesCommand => await ThemesAsync(context, ct),
            ThemesNewCommand t => Answer(await ThemesNewAsync(context, t, ct), t.Asked),
            MergeThemesCommand m => await MergeAsync(context, m, originalText, ct),
            RenameThemeCommand r => await RenameAsync(context, r, originalText, ct),
            ShipThemeCommand s => await ShipAsync(context, s, originalText, ct),
            DigestCommand d when digests is not null => await digests.ExecuteAsync(context, d.Kind, d.Request, ct),
            DigestCommand => DigestsOff("the digest request", "nothing was changed"),
            SettingsCommand s => await SettingsAsync(context, s, ct),
            AdminsCommand => await ListAdminsAsync(context, ct),
            AddAdminCommand a => await AddAdminAsync(context, a, originalText, ct),
            RemoveAdminCommand r => await RemoveAdminAsync(context, r, originalText, ct),
            HelpCommand h => new HelpView(CommandHelp.For(h.Topic)),
            NotUnderstoodCommand n => new NotUnderstoodView(n.Understood, n.Problem, n.Example, n.Text),
            _ => throw new InvalidOperationException($"No handler for {command.GetType().Name}"),
        };
    }

    /// <summary>
    /// A capture form was submitted: stores it and confirms, or returns the form again with the typed
    /// values kept and the errors beside their fields.
    /// </summary>
    public Task<View> SubmitCaptureAsync(ChatContext context, CaptureDraft draft, CancellationToken ct) =>
        SubmitCaptureAsync(context, draft, null, ct);

    /// <summary>
    /// As <see cref="SubmitCaptureAsync(ChatContext, CaptureDraft, CancellationToken)"/>; with <paramref name="editing"/>,
    /// the form was Edit's and saves that signal in place, for the person who captured it only.
    /// </summary>
    public async Task<View> SubmitCaptureAsync(ChatContext context, CaptureDraft draft, Guid? editing, CancellationToken ct)
    {
        // A form keeps every error inline: the person is right there to fix it, so nothing is dropped.
        var errors = CaptureValidator.Validate(draft, context, clock.GetUtcNow(), out var signal, out var masked);
        if (signal is null)
        {
            return new CaptureFormView(draft, await ThemeNamesAsync(context, ct), errors, context.MessagePermalink, editing);
        }

        return editing is { } id ? await SaveEditAsync(context, id, signal, masked, ct) : await StoreAsync(context, signal, null, masked, ct);
    }

    private async Task<View> CaptureAsync(ChatContext context, CaptureDraft draft, string originalText, CancellationToken ct)
    {
        // One line has no form to fix a field in: a field that can be dropped is, and the reply says so.
        var errors = CaptureValidator.ValidateLine(draft, context, clock.GetUtcNow(), out var signal, out var leftOut, out var masked);
        return signal is null ? new CaptureRejectedView(errors, originalText) : await StoreAsync(context, signal, leftOut, masked, ct);
    }

    /// <summary>
    /// Stores the signal, unless the person captured the same quote for the same customer in the last
    /// <see cref="SameCaptureWindow"/>: that is the same capture sent again (after an apology that could not tell
    /// whether it was saved, or a second press of send), and the one stored first is confirmed instead. The signal comes
    /// masked from <see cref="CaptureValidator"/>, so the comparison is between masked quotes.
    /// </summary>
    private async Task<View> StoreAsync(
        ChatContext context, Signal signal, IReadOnlyList<FieldError>? leftOut, PersonalDataFound masked, CancellationToken ct)
    {
        leftOut = leftOut is { Count: > 0 } ? leftOut : null;
        var told = MaskedShown(masked);
        var earlier = await store.FindSameCaptureAsync(
            context.WorkspaceId, signal.CapturedBy.Id, signal.Quote, signal.Customer, signal.CapturedAt - SameCaptureWindow, ct);
        if (earlier is not null)
        {
            logger.LogInformation("Signal {SignalId} in workspace {WorkspaceId} was captured again; not stored twice", earlier.Id, context.WorkspaceId);
            return new CaptureConfirmedView(earlier, [], leftOut, AlreadySaved: true, Masked: told);
        }

        var created = await store.AddSignalAsync(context.WorkspaceId, signal, ct);
        logger.LogInformation("Captured signal {SignalId} in workspace {WorkspaceId}", signal.Id, context.WorkspaceId);
        var (shown, found) = await AfterCaptureAsync(context, signal, ct);
        return new CaptureConfirmedView(shown, created, leftOut, Meaning: found, Masked: told);
    }

    /// <summary>What a confirmation says was masked: nothing when nothing was.</summary>
    private static PersonalDataFound? MaskedShown(PersonalDataFound masked) => masked.Total > 0 ? masked : null;

    private async Task<View> ThemesAsync(ChatContext context, CancellationToken ct)
    {
        var window = Resolve(context, RecentThemeActivity);
        var themes = await store.GetThemesAsync(context.WorkspaceId, ct);
        var stats = (await store.GetThemeStatsAsync(context.WorkspaceId, new SignalFilter(window.Current), ct))
            .Where(s => s.Theme is not null)
            .ToDictionary(s => s.Theme!, s => s.Signals); // filtered to named themes
        var summaries = themes
            .Select(t => new ThemeSummary(t, stats.GetValueOrDefault(t.Name)))
            .OrderByDescending(s => s.RecentSignals)
            .ThenBy(s => s.Theme.Name, StringComparer.Ordinal)
            .ToList();
        return new ThemeListView(summaries, window.Label);
    }

    private async Task<View> MergeAsync(ChatContext context, MergeThemesCommand merge, string originalText, CancellationToken ct)
    {
        const string example = "theme merge slow-dash slow-dashboard";
        var understood = $"merge #{merge.From} into #{merge.Into}";
        var from = await store.FindThemeAsync(context.WorkspaceId, merge.From, ct);
        var into = await store.FindThemeAsync(context.WorkspaceId, merge.Into, ct);
        if (from is null || into is null)
        {
            return new NotUnderstoodView(understood, $"there is no theme #{(from is null ? merge.From : merge.Into)} here (\"themes\" lists them)", example, originalText);
        }

        if (from.Id == into.Id)
        {
            return new NotUnderstoodView(understood, $"#{merge.From} and #{merge.Into} are already the same theme", example, originalText);
        }

        var merged = await store.MergeThemesAsync(context.WorkspaceId, from, into, ct);
        return new NoticeView(
            $"Merged #{from.Name} into #{merged.Name}",
            $"Signals tagged #{from.Name} now count for #{merged.Name}, and new captures tagged #{from.Name} land there too.");
    }

    private async Task<View> RenameAsync(ChatContext context, RenameThemeCommand rename, string originalText, CancellationToken ct)
    {
        const string example = "theme rename slow-dash to slow-dashboard";
        var understood = $"rename #{rename.From} to #{rename.To}";
        var theme = await store.FindThemeAsync(context.WorkspaceId, rename.From, ct);
        if (theme is null)
        {
            return new NotUnderstoodView(understood, $"there is no theme #{rename.From} here (\"themes\" lists them)", example, originalText);
        }

        if (await store.FindThemeAsync(context.WorkspaceId, rename.To, ct) is { } taken && taken.Id != theme.Id)
        {
            return new NotUnderstoodView(understood,
                $"#{rename.To} is another theme already: theme merge {theme.Name} {taken.Name} folds one into the other", example, originalText);
        }

        if (theme.Name == rename.To)
        {
            return new NoticeView($"#{theme.Name} is already called that", "Nothing was changed.");
        }

        var renamed = await store.RenameThemeAsync(context.WorkspaceId, theme, rename.To, ct);
        if (renamed is null)
        {
            return new NotUnderstoodView(understood, $"#{rename.To} became another theme a moment ago: try theme merge instead", example, originalText);
        }

        logger.LogInformation("Workspace {WorkspaceId}: theme {ThemeId} renamed by {UserId}", context.WorkspaceId, theme.Id, context.User.Id);
        return new NoticeView(
            $"Renamed #{theme.Name} to #{renamed.Name}",
            $"Its signals count for #{renamed.Name} now, and #{theme.Name} still finds it: in captures, filters and digests.");
    }

    private async Task<View> ShipAsync(ChatContext context, ShipThemeCommand ship, string originalText, CancellationToken ct)
    {
        var theme = await store.FindThemeAsync(context.WorkspaceId, ship.Theme, ct);
        if (theme is null)
        {
            return new NotUnderstoodView(
                $"mark #{ship.Theme} as shipped", $"there is no theme #{ship.Theme} here (\"themes\" lists them)",
                "theme ship export-timeouts streaming exports in 4.2", originalText);
        }

        var now = clock.GetUtcNow();
        var shipped = await store.SetThemeStatusAsync(context.WorkspaceId, theme, ThemeStatus.Shipped, now, ship.Note, ct);
        var day = Zones.DayOf(now, context.TimeZone).ToString("d MMM yyyy", CultureInfo.InvariantCulture);
        digests?.AnnounceShipped(context.WorkspaceId, shipped.Name);
        var told = digests is null ? "" : " Everyone who captured a signal for it gets a direct message to tell their customers.";
        return new NoticeView(
            $"#{shipped.Name} marked shipped",
            $"Shipped on {day}{(ship.Note is null ? "" : $": {ship.Note}")}. New signals for it from now on show whether the fix landed.{told}");
    }

    /// <summary>
    /// Shows or changes the workspace's time zone, first day of the week, auto-tagging and masking of personal data (a
    /// change is an admin's: see RefusedAsync).
    /// </summary>
    private async Task<View> SettingsAsync(ChatContext context, SettingsCommand settings, CancellationToken ct)
    {
        var workspace = context.Workspace;
        WorkspaceSetting? changed = settings switch
        {
            { TimeZone: not null } => WorkspaceSetting.TimeZone,
            { WeekStart: not null } => WorkspaceSetting.WeekStart,
            { AutoTag: not null } => WorkspaceSetting.AutoTag,
            { Redact: not null } => WorkspaceSetting.Redact,
            _ => null,
        };
        if (changed is not null)
        {
            workspace = await store.SaveWorkspaceSettingsAsync(context.WorkspaceId, settings.TimeZone, settings.WeekStart, settings.AutoTag, settings.Redact, ct);
            logger.LogInformation("Workspace {WorkspaceId}: {Setting} changed by {UserId}", context.WorkspaceId, changed, context.User.Id);
        }

        // A person whose platform sends their zone (the context's differs from the workspace's) keeps it whatever
        // the workspace's is; the answer says so.
        var personal = context.TimeZone.Id == Zones.For(context.Workspace.TimeZone).Id ? null : context.TimeZone.Id;
        return new SettingsView(workspace.TimeZone, workspace.WeekStart, changed, personal == workspace.TimeZone ? null : personal, workspace.AutoTag, workspace.Redact);
    }

    private static NoticeView DigestsOff(string what, string outcome) => new(
        "Digests are not switched on yet",
        $"I understood {what}, but this version cannot schedule digests yet, so {outcome}.");

    private PeriodWindow Resolve(ChatContext context, Period period) =>
        period.Resolve(clock.GetUtcNow(), context.TimeZone, context.Workspace.WeekStart);

    private async Task<IReadOnlyList<string>> ThemeNamesAsync(ChatContext context, CancellationToken ct) =>
        (await store.GetThemesAsync(context.WorkspaceId, ct)).Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
}
