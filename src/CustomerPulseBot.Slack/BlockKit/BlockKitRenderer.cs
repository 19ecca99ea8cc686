using System.Globalization;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Themes;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Slack.BlockKit;

/// <summary>
/// Every Core view as a Block Kit message. User text (quotes, customers, notes, typed commands) passes
/// through <see cref="SlackText.Escape"/> exactly once, here; the strings Core writes itself are escaped too,
/// because they quote the person's words ("there is no theme #x").
/// </summary>
internal static partial class BlockKitRenderer
{
    // A quote repeated inside a sentence ("Acme’s “…” is shipped") is cut here, so the sentence still reads as one.
    private const int MaxToldQuote = 200;

    public const string SaveQuoteLabel = "Save it as a customer quote instead";

    public static SlackMessage Render(View view, params IReadOnlyList<JsonObject> buttons)
    {
        var layout = Compose(view);
        IReadOnlyList<JsonObject> actions = [.. layout.Buttons, .. buttons];
        var budget = Block.MaxMessageBlocks - layout.Head.Count - layout.Tail.Count - (actions.Count > 0 ? 1 : 0);
        var blocks = new List<JsonObject>(layout.Head);
        blocks.AddRange(Fit(layout.Items, budget, layout.More, layout.LeftOut));
        blocks.AddRange(layout.Tail);
        if (actions.Count > 0)
        {
            blocks.Add(Block.Actions(actions));
        }

        return new SlackMessage(layout.Text, blocks);
    }

    /// <summary>
    /// Takes whole items while they fit in <paramref name="budget"/> blocks; what is left, with the
    /// <paramref name="leftOut"/> items the view only counted, is counted in one closing line ("and 12 more
    /// themes") rather than cut off mid-item or refused by Slack.
    /// </summary>
    private static List<JsonObject> Fit(IReadOnlyList<IReadOnlyList<JsonObject>> items, int budget, string more, int leftOut)
    {
        var blocks = new List<JsonObject>();
        var taken = 0;
        foreach (var item in items)
        {
            var room = taken == items.Count - 1 && leftOut == 0 ? budget : budget - 1;
            if (blocks.Count + item.Count > room)
            {
                break;
            }

            blocks.AddRange(item);
            taken++;
        }

        if (items.Count - taken + leftOut > 0)
        {
            blocks.Add(Block.Context($"and {items.Count - taken + leftOut} more {more}"));
        }

        return blocks;
    }

    private static Layout Compose(View view) => view switch
    {
        CaptureConfirmedView v => Confirmed(v),
        CaptureRejectedView v => Rejected(v),
        CaptureFormView v => FormAsMessage(v),
        PainPointsView v => PainPoints(v, $"{v.Title} {v.PeriodLabel}"),
        TrendsView v => Trends(v, $"Friction trends {v.PeriodLabel}"),
        SearchResultsView v => Search(v),
        ThemeListView v => ThemeList(v),
        HelpView v => Help(v),
        NotUnderstoodView v => NotUnderstood(v),
        NoticeView v => new($"{v.Title}: {v.Text}", [Block.Header(v.Title), Block.Section(SlackText.Escape(v.Text))]),
        DigestStatusView v => DigestStatus(v),
        ErrorView v => Error(v),
        DigestView v => Digest(v),
        BriefView v => Brief(v),
        ShippedNoticeView v => ShippedNotice(v),
        QuestionView v => Question(v),
        CountView v => CountOf(v),
        CustomersView v => Customers(v),
        ShippedView v => ShippedSince(v),
        JourneyView v => Journey(v),
        SignalDeletedView v => Deleted(v),
        SettingsView v => Settings(v),
        ConfirmForgetView v => ConfirmForget(v),
        NewThemesView v => NewThemes(v, $"New themes {v.PeriodLabel}"),
        AdminsView v => Admins(v),
        AdminOnlyView v => AdminOnly(v),
        ApiKeyCreatedView v => ApiKeyCreated(v),
        ApiKeysView v => ApiKeyList(v),
        ExportLinkView v => ExportLink(v),
        CustomerProfileView v => Profile(v),
        _ => throw new InvalidOperationException($"No Block Kit rendering for {view.GetType().Name}"),
    };

    private static Layout Confirmed(CaptureConfirmedView v)
    {
        var saved = v.Edited ? "Saved your changes to the customer signal."
            : v.AlreadySaved ? "Already saved as a customer signal: you sent it a moment ago, so it was not saved twice."
            : "Saved as a customer signal.";
        List<JsonObject> head = [Block.Section($":white_check_mark: *{saved}* Only you can see this."), .. Quote(v.Signal)];
        if (v.NewThemes.Count > 0)
        {
            head.Add(Block.Context($"New theme{(v.NewThemes.Count == 1 ? "" : "s")}: {Tags(v.NewThemes)}"));
        }

        if (v.LeftOut is { Count: > 0 } leftOut)
        {
            // Each message says what was left out and how to fix it (with Edit), in Core's words.
            head.Add(Block.Section("*Left out:* " + string.Join(" ", leftOut.Select(e => SlackText.Escape(e.Message)))));
        }

        if (v.Masked is { } masked)
        {
            head.Add(Block.Context($":lock: Masked before saving: {masked.Describe()}"));
        }

        head.AddRange(Meaning(v));

        // The short id is what `edit` and `delete` take later, when this message is long gone.
        var shortId = v.Signal.ShortId;
        head.Add(Block.Context($"id `{shortId}` · later: `edit {shortId}` or `delete {shortId}`"));
        var id = v.Signal.Id.ToString("N");
        return new($"{saved[..^1]}: {v.Signal.Quote}", head)
        {
            Buttons = [Block.Button(SlackIds.UndoCapture, "Undo", id), Block.Button(SlackIds.EditCapture, "Edit", id)],
        };
    }

    /// <summary>
    /// What meaning found for a new capture, each offer with its own buttons: the suggested theme (Add, Another theme,
    /// or a new name typed beside New theme), the tag it made itself (Remove), or the earlier quote it nearly repeats.
    /// </summary>
    private static IEnumerable<JsonObject> Meaning(CaptureConfirmedView v)
    {
        var signal = v.Signal;
        var id = signal.Id;
        if (v.Meaning?.AutoTagged is { } tagged)
        {
            yield return Block.Section($":label: Tagged *#{SlackText.Escape(tagged)}* _(suggested)_: it looked like its other quotes.");
            yield return Block.Actions(Block.Button(SlackIds.RemoveTheme, "Remove", ThemeButtons.SignalAndTheme(id, tagged)));
        }
        else if (v.Meaning?.Suggestion is { } guess && !signal.Themes.Contains(guess.Theme))
        {
            yield return Block.Section($":label: Looks like *#{SlackText.Escape(guess.Theme)}*");
            yield return Block.TextInput(SlackIds.NewThemeBlock, SlackIds.NewThemeInput, "Or name a new theme", "theme-name", ThemeName.MaxLength);
            yield return Block.Actions(
                Block.Button(SlackIds.AddTheme, "Add", ThemeButtons.SignalAndTheme(id, guess.Theme), primary: true),
                Block.Button(SlackIds.AnotherTheme, "Another theme", ThemeButtons.Signal(id)),
                Block.Button(SlackIds.NewTheme, "New theme", ThemeButtons.Signal(id)));
        }

        if (v.Meaning?.NearDuplicate is { } earlier)
        {
            var customer = signal.Customer is null ? "" : " from the same customer";
            yield return Block.Section(
                $":twisted_rightwards_arrows: Similar to a quote{customer} captured on {earlier.CapturedAt.ToString("d MMM", CultureInfo.InvariantCulture)}:\n"
                + SlackText.Quote(SlackText.Shorten(earlier.Quote, MaxToldQuote)));
            yield return Block.Actions(
                Block.Button(SlackIds.KeepBoth, "Keep both", ThemeButtons.Signal(id)),
                Block.Button(SlackIds.MergeDuplicate, "Merge", ThemeButtons.Duplicate(id, earlier.SignalId)));
        }
    }

    /// <summary>
    /// Candidate themes, each with its size, customers, two quotes, and Create theme beside its name. A candidate's
    /// quotes are one item, so a cut leaves out whole candidates.
    /// </summary>
    private static Layout NewThemes(NewThemesView v, string title)
    {
        var head = new List<JsonObject>
        {
            Block.Header(title),
            Block.Context($"Among the untagged quotes{Dates(v.Dates, null)} · Create theme tags all of a theme's quotes"),
        };
        if (v.Themes.Count == 0)
        {
            head.Add(Block.Section($"No new themes: the untagged quotes {SlackText.Escape(v.PeriodLabel)} do not group into one yet."));
        }

        var items = v.Themes.Select(c => (IReadOnlyList<JsonObject>)
        [
            Block.Section(
                $"*#{SlackText.Escape(c.Name)}* · {Count(c.Size, "quote")} from {Count(c.Customers, "customer")}",
                Block.Button(SlackIds.CreateTheme, "Create theme", ThemeButtons.Create(c, v.Period), primary: true)),
            .. c.Examples.Take(2).Select(e => Block.Context(
                SlackText.Quote(SlackText.Shorten(e.Quote, MaxToldQuote)) + (e.Customer is { } who ? " — " + SlackText.Escape(who) : ""))),
        ]).ToList();
        return new($"{title}: {(v.Themes.Count == 0 ? "none" : string.Join(", ", v.Themes.Select(c => $"#{c.Name} ({c.Size})")))}", head, items, "themes");
    }

    private static Layout Deleted(SignalDeletedView v) =>
        new($"Removed: {SlackText.Shorten(v.Signal.Quote, MaxToldQuote)}",
            [
                Block.Section(":wastebasket: *Removed.* It no longer counts in any answer, count or digest."),
                Block.Context(SlackText.Quote(SlackText.Shorten(v.Signal.Quote, MaxToldQuote))),
            ]);

    /// <summary>
    /// The answer as it is shown on its own, then how the words were read and what was not understood, and the
    /// offer to store the words as a quote after all. A text too long for a button value (2,000 characters) gets
    /// the way to do it by hand instead: quotation marks always make a capture.
    /// </summary>
    private static Layout Question(QuestionView v)
    {
        var answer = Compose(v.Answer);
        var asked = v.Asked;
        var lines = new List<string> { "Read as: " + SlackText.Escape(asked.Reading) };
        if (!asked.FullyUnderstood)
        {
            lines.Add("Not understood: " + string.Join(", ", asked.NotUnderstood.Select(w => $"“{SlackText.Escape(w)}”")));
        }

        lines.AddRange(asked.Notes.Select(SlackText.Escape));
        List<JsonObject> tail = [.. answer.Tail, Block.Context(lines)];
        List<JsonObject> save = [];
        if (asked.Text.Length <= Block.MaxButtonValue && !string.IsNullOrWhiteSpace(asked.Text))
        {
            save.Add(Block.Button(SlackIds.SaveQuote, SaveQuoteLabel, asked.Text));
        }
        else if (!string.IsNullOrWhiteSpace(asked.Text))
        {
            tail.Add(Block.Context("Was it a customer quote? Send it again in quotation marks to save it."));
        }

        return answer with { Tail = tail, Buttons = [.. answer.Buttons, .. save] };
    }

    private static Layout CountOf(CountView v)
    {
        var title = $"How many {v.PeriodLabel}";
        var about = v.Searched is null ? "" : $" mentioning “{SlackText.Escape(v.Searched)}”";
        var head = new List<JsonObject>
        {
            Block.Header(title),
            Block.Context(Dated(v.Dates, null, v.Filters)),
            Block.Section($"*{Count(v.Signals, "signal")}*{about} from *{Count(v.Customers, "named customer")}*"),
        };
        if (v.ByTheme.Count > 0)
        {
            head.Add(Block.Fields([.. v.ByTheme.Select(t => $"{(t.Theme is null ? "untagged" : "#" + SlackText.Escape(t.Theme))}: {Count(t.Signals, "signal")}")]));
        }

        if (v.ByCustomer.Count > 0)
        {
            head.Add(Block.Section("*By customer:* " + string.Join(" · ", v.ByCustomer.Select(c => $"{SlackText.Escape(c.Name)} {c.Signals}"))));
        }

        return new($"{title}: {Count(v.Signals, "signal")} from {Count(v.Customers, "named customer")}", head);
    }

    private static Layout Customers(CustomersView v)
    {
        var title = $"Customers {v.PeriodLabel}";
        var about = v.Searched is null ? "" : $" · mentioning “{SlackText.Escape(v.Searched)}”";
        var head = new List<JsonObject>
        {
            Block.Header(title),
            Block.Context($"{Count(v.Customers.Total, "named customer")}{about} · {Dated(v.Dates, null, v.Filters)}"),
        };
        if (v.Customers.Total == 0)
        {
            head.Add(Block.Section($"No named customer said anything that matches {SlackText.Escape(v.PeriodLabel)}."));
        }

        var items = v.Customers.Customers
            .Select(c => (IReadOnlyList<JsonObject>)[Block.Section($"*{SlackText.Escape(c.Name)}* · {Count(c.Signals, "signal")}, the latest:"), .. Quote(c.Latest)])
            .ToList();
        var names = string.Join(", ", v.Customers.Customers.Take(10).Select(c => $"{c.Name} ({c.Signals})"));
        return new($"{title}: {(names.Length == 0 ? "none" : names)}", head, items, "customers")
        {
            LeftOut = v.Customers.Total - v.Customers.Customers.Count,
        };
    }

    private static Layout ShippedSince(ShippedView v)
    {
        var title = v.Theme is null ? "Since we shipped" : $"#{v.Theme} since it shipped";
        if (v.Themes.Count == 0)
        {
            var none = v.Theme is null ? "No theme is marked shipped yet" : $"#{v.Theme} is not marked shipped";
            return new($"{title}: {none}", [Block.Header(title), Block.Section($"{SlackText.Escape(none)}: `/pulse theme ship &lt;theme&gt;` marks one.")]);
        }

        return new($"{title}: {string.Join(", ", v.Themes.Select(r => $"#{r.Theme} {r.Before} → {r.After}"))}",
            [
                Block.Header(title),
                Block.Context("Friction signals before → after the ship date, over the same number of days"),
                Block.Fields([.. v.Themes.Select(Shipped)]),
            ]);
    }

    private static Layout Journey(JourneyView v)
    {
        var title = $"Where customers struggle {v.PeriodLabel}";
        var head = new List<JsonObject> { Block.Header(title), Block.Context($"Friction per journey stage, worst first · {Dated(v.Dates, null, v.Filters)}") };
        if (v.Stages.Count == 0)
        {
            head.Add(Block.Section($"No pains or requests were captured {SlackText.Escape(v.PeriodLabel)}."));
        }

        var items = v.Stages.Select((s, i) => (IReadOnlyList<JsonObject>)
        [
            Block.Section($"*{i + 1}. {StageNames.Title(s.Stage)}*: {Count(s.Signals, "signal")} from {Count(s.Customers, "customer")} · "
                + string.Create(CultureInfo.InvariantCulture, $"severity {s.AverageSeverity:0.0} of 4 on average")),
            .. s.Quote is { } quote ? Quote(quote) : [],
        ]).ToList();
        return new($"{title}: {string.Join(", ", v.Stages.Select(s => $"{StageNames.Title(s.Stage)} ({s.Signals})"))}", head, items, "stages");
    }

    private static Layout Rejected(CaptureRejectedView v) =>
        new($"Nothing was saved: {v.Errors.FirstOrDefault()?.Message}",
            [Block.Section("*Nothing was saved.*\n" + Errors(v.Errors)), .. Resend(v.OriginalText)]);

    private static Layout FormAsMessage(CaptureFormView v)
    {
        List<JsonObject> head = [Block.Section("Type `/pulse` with no words to open the capture form.")];
        if (v.Errors.Count > 0)
        {
            head.Add(Block.Section(Errors(v.Errors)));
        }

        return new("Type /pulse with no words to open the capture form.", head);
    }

    private static Layout PainPoints(PainPointsView v, string title)
    {
        var head = new List<JsonObject>
        {
            Block.Header(title),
            Block.Context($"{Count(v.TotalSignals, "friction signal")} {SlackText.Escape(v.PeriodLabel)}{Dates(v.Dates, v.Comparison)}{Filters(v.Filters)}"),
        };
        if (v.Themes.Count == 0 && v.Untagged.Count == 0)
        {
            head.Add(Block.Section($"No pains or requests were captured {SlackText.Escape(v.PeriodLabel)}. Capture one with `/pulse <quote>`."));
        }

        var items = new List<IReadOnlyList<JsonObject>>();
        foreach (var theme in v.Themes)
        {
            var line = $"*{theme.Rank}. #{SlackText.Escape(theme.Theme)}*{Status(theme.Status)}\n"
                + $"{Count(theme.Signals, "signal")} from {Count(theme.Customers, "customer")} on {Count(theme.Days, "day")} · "
                + $"{theme.MaxSeverity.ToString().ToLowerInvariant()} at worst · {Trend(theme.Trend, theme.PreviousSignals)}"
                + (theme.Revenue is { } revenue ? $" · {RevenueText.Affected(revenue, theme.RevenueCustomers)}" : "");
            items.Add([Block.Divider(), AllQuotes(line, theme, v.Scope), .. theme.Quotes.SelectMany(Quote)]);
        }

        if (v.Untagged.Count > 0)
        {
            var line = $"*Untagged:* {Count(v.Untagged.Count, "signal")} from {Count(v.Untagged.Customers, "customer")} without a theme";
            items.Add([Block.Divider(), Block.Section(line), .. v.Untagged.Quotes.SelectMany(Quote)]);
        }

        if (v.MoreThemes > 0)
        {
            head.Add(Block.Context($"Showing {v.Themes.Count} of {v.Themes.Count + v.MoreThemes} themes"));
        }

        var text = v.Themes.Count == 0
            ? $"{title}: nothing captured"
            : $"{title}: {string.Join(", ", v.Themes.Select(t => $"#{t.Theme} ({t.Signals})"))}";
        return new(text, head, items, "themes");
    }

    /// <summary>The theme's line with a button listing all its quotes: <c>search #theme</c> over the same period and filters.</summary>
    private static JsonObject AllQuotes(string line, RankedTheme theme, string? scope)
    {
        var search = $"search #{theme.Theme} {scope}";
        return scope is null || search.Length > Block.MaxButtonValue
            ? Block.Section(line)
            : Block.Section(line, Block.Button(SlackIds.AllQuotes, $"All {theme.Signals} quotes", search));
    }

    private static Layout Trends(TrendsView v, string title)
    {
        var against = v.Dates is null
            ? "Against the previous period of the same length"
            : $"{SlackText.Escape(v.Dates)} · {SlackText.Escape(v.Comparison ?? "against the previous period of the same length")}";
        var head = new List<JsonObject>
        {
            Block.Header(title),
            Block.Context($"{against}{Filters(v.Filters)}"),
        };
        var items = new List<IReadOnlyList<JsonObject>>();
        foreach (var (label, trends) in new[] { ("New", v.New), ("Rising", v.Rising), ("Falling", v.Falling) })
        {
            if (trends.Count > 0)
            {
                var lines = trends.Select(t =>
                    $"#{SlackText.Escape(t.Theme)}: {Count(t.Signals, "signal")} (was {t.PreviousSignals}), {Count(t.Customers, "customer")}{Told(t.Quote)}");
                items.Add([Block.Section($"*{label}*\n" + string.Join("\n", lines))]);
            }
        }

        if (items.Count == 0)
        {
            head.Add(Block.Section($"No friction themes changed {SlackText.Escape(v.PeriodLabel)}."));
        }

        var text = $"{title}: {v.New.Count} new, {v.Rising.Count} rising, {v.Falling.Count} falling";
        return new(text, head, items, "groups");
    }

    private static Layout Search(SearchResultsView v)
    {
        var title = v.Words.Length > 0 ? $"Quotes matching \"{v.Words}\"" : v.Filters?.Theme is { } theme ? $"Quotes for #{theme}" : "Quotes";
        var period = v.PeriodLabel is null ? "" : " " + SlackText.Escape(v.PeriodLabel);
        var order = v.Words.Length > 0 ? "most relevant first" : "newest first";
        var head = new List<JsonObject>
        {
            Block.Header(title),
            Block.Context($"{Count(v.Total, "match", "matches")}{period}{Dates(v.Dates, null)}{Filters(v.Filters ?? QueryFilters.None)}, {order}"),
        };
        if (v.Signals.Count == 0)
        {
            head.Add(Block.Section(v.Words.Length > 0 ? $"No quotes match \"{SlackText.Escape(v.Words)}\"." : $"No quotes found{period}."));
        }

        var items = v.Signals.Select(s => (IReadOnlyList<JsonObject>)Quote(s)).ToList();
        if (v.Total > v.Signals.Count)
        {
            items.Add([Block.Context($"and {v.Total - v.Signals.Count} more; narrow the words or add a period")]);
        }

        return new($"{title}: {Count(v.Total, "match", "matches")}", head, items, "quotes");
    }

    private static Layout ThemeList(ThemeListView v)
    {
        var head = new List<JsonObject>
        {
            Block.Header("Themes"),
            Block.Context($"{Count(v.Themes.Count, "theme")}, with signals over {SlackText.Escape(v.RecentLabel)}"),
        };
        if (v.Themes.Count == 0)
        {
            head.Add(Block.Section("No themes yet: tag a capture with `#theme-name` to start one."));
        }

        // Ten themes per section keeps each section far below its 3,000 characters (a name has at most 60).
        var items = v.Themes
            .Select(t => $"#{SlackText.Escape(t.Theme.Name)}: {Count(t.RecentSignals, "signal")}{Status(t.Theme.Status)}{Aliases(t.Theme)}")
            .Chunk(10)
            .Select(lines => (IReadOnlyList<JsonObject>)[Block.Section(string.Join("\n", lines))])
            .ToList();
        return new($"Themes: {string.Join(", ", v.Themes.Take(20).Select(t => "#" + t.Theme.Name))}", head, items, "groups of ten themes");
    }

    private static Layout Help(HelpView v)
    {
        var items = v.Entries
            .Select(e => (IReadOnlyList<JsonObject>)[Block.Section(
                $"*{SlackText.Escape(e.Usage)}*\n{SlackText.Escape(e.Does)}\nExample: `/pulse {SlackText.Escape(e.Example)}`")])
            .ToList();
        return new("CustomerPulseBot help: /pulse <quote> to capture, /pulse top to ask", [Block.Header("CustomerPulseBot help")], items, "commands");
    }

    /// <summary>Erase only on purpose: the customer's name as typed, what goes, and the two buttons.</summary>
    private static Layout ConfirmForget(ConfirmForgetView v)
    {
        var title = $"Erase {Count(v.Signals, "signal")} of “{SlackText.Shorten(v.Customer, MaxToldQuote)}”?";
        return new(title,
            [
                Block.Section($":warning: *{SlackText.Escape(title)}*\nThis cannot be undone: their quotes, theme links and vectors, and the customer's spellings and merged names, go for good."),
            ])
        {
            Buttons = [Block.Button(SlackIds.ForgetCustomer, "Erase", v.Value, danger: true), Block.Button(SlackIds.KeepCustomer, "Cancel", "keep")],
        };
    }

    private static Layout Settings(SettingsView v)
    {
        var title = v.Changed switch
        {
            WorkspaceSetting.TimeZone => "Time zone changed",
            WorkspaceSetting.WeekStart => "First day of the week changed",
            WorkspaceSetting.AutoTag => v.AutoTag ? "Auto-tagging switched on" : "Auto-tagging switched off",
            WorkspaceSetting.Redact => v.Redact ? "Masking of personal data switched on" : "Masking of personal data switched off",
            _ => "Workspace settings",
        };
        var zone = SlackText.Escape(v.TimeZone);
        var autoTag = v.AutoTag
            ? "on · confident theme suggestions tag captures by themselves, marked as suggested"
            : "off · theme suggestions are only offered";
        var redact = v.Redact
            ? "on · e-mail addresses, phone and card numbers, IBANs and secrets in captures are masked before saving"
            : "off · captures are saved as typed";
        List<JsonObject> head =
        [
            Block.Header(title),
            Block.Section(
                $"*Time zone:* {zone} · today, dates and new digests, for anyone whose own zone is not known\n"
                + $"*Weeks start on:* {v.WeekStart} · this week, last week, since last week\n"
                + $"*Auto-tagging:* {autoTag}\n"
                + $"*Masking personal data:* {redact}"),
        ];
        if (v.YourZone is { } yours)
        {
            head.Add(Block.Section($"Your own time zone, {SlackText.Escape(yours)}, is used for your answers."));
        }

        if (v.Changed == WorkspaceSetting.TimeZone)
        {
            head.Add(Block.Section("Digests already scheduled keep the zone they were scheduled in; `/pulse digest status` shows it."));
        }

        head.Add(Block.Context(
            "Anyone in the workspace can change these: `/pulse settings timezone Europe/Berlin` · `/pulse settings week-start sunday` · "
            + $"`/pulse settings auto-tag {(v.AutoTag ? "off" : "on")}` · `/pulse settings redact {(v.Redact ? "off" : "on")}`"));
        return new(
            $"{title}: time zone {v.TimeZone}, weeks start on {v.WeekStart}, auto-tagging {(v.AutoTag ? "on" : "off")}, masking {(v.Redact ? "on" : "off")}",
            head);
    }

    private static Layout NotUnderstood(NotUnderstoodView v) =>
        new($"I did not understand that: {v.Problem}",
            [
                Block.Section($"I understood: {SlackText.Escape(v.Understood)}\nBut {SlackText.Escape(v.Problem)}."),
                Block.Section($"For example: `/pulse {SlackText.Escape(v.Example)}`"),
                .. Resend(v.OriginalText),
            ]);

    private static Layout DigestStatus(DigestStatusView v) =>
        new($"{v.Title}: {v.Text}{(v.LastFailure is { } failure ? " " + failure : "")}",
            [
                Block.Header(v.Title),
                Block.Section(SlackText.Escape(v.Text)),
                .. v.LastFailure is { } last ? [Block.Section($":warning: {SlackText.Escape(last)}")] : Array.Empty<JsonObject>(),
            ]);

    private static Layout Error(ErrorView v) =>
        new($"Sorry, something went wrong: {v.Message}",
            [
                Block.Section($":warning: {SlackText.Escape(v.Message)}"),
                .. Resend(v.OriginalText),
                Block.Context($"Reference for an admin: {SlackText.Escape(v.CorrelationId)}"),
            ]);

    private static Layout Digest(DigestView v)
    {
        var title = $"Customer pulse {v.PeriodLabel}";
        if (v.IsQuiet)
        {
            var quiet = $"nothing new {v.PeriodLabel}; no friction rising.";
            return new($"Customer pulse: {quiet}", [Block.Section($"*Customer pulse*{Filters(v.Filters)}: {SlackText.Escape(quiet)}")]);
        }

        var heard = v.Fresh.Count + v.MoreFresh;
        var head = new List<JsonObject>
        {
            Block.Header(title),
            Block.Context($"{Count(heard, "new quote")}{Filters(v.Filters)}"),
        };
        if (heard == 0)
        {
            head.Add(Block.Section($"No new quotes {SlackText.Escape(v.PeriodLabel)}."));
        }

        var tail = new List<JsonObject> { Block.Divider() };
        tail.AddRange(Trends(v.Trends, "Friction trends").AllBlocks);
        if (v.Shipped.Count > 0)
        {
            tail.Add(Block.Section("*Shipped:* friction signals before → after, over the same number of days"));
            tail.Add(Block.Fields([.. v.Shipped.Select(Shipped)]));
        }

        // Both commands take the digest's first day and filters, so they find every quote it counted.
        var more = SlackText.Escape($"quotes — `/pulse top {v.Scope}` ranks them, `/pulse search <words> {v.Scope}` finds them");
        return new($"{title}: {Count(heard, "new quote")}, {v.New.Count} new and {v.Rising.Count} rising themes", head,
            [.. UnderThemes(v.Fresh)], more)
        {
            LeftOut = v.MoreFresh,
            Tail = tail,
        };
    }

    /// <summary>
    /// Quotes grouped under their (first) theme, themes in the order their first quote comes, untagged last. Each quote
    /// stays one item, so a cut leaves out whole quotes and "and N more quotes" counts them.
    /// </summary>
    private static IEnumerable<IReadOnlyList<JsonObject>> UnderThemes(IReadOnlyList<Signal> quotes) =>
        quotes.GroupBy(q => q.Themes.FirstOrDefault())
            .OrderBy(g => g.Key is null)
            .SelectMany(g => g.Select((q, i) => (IReadOnlyList<JsonObject>)(i > 0
                ? Quote(q)
                : [Block.Section(g.Key is null ? "*Untagged*" : $"*#{SlackText.Escape(g.Key)}*"), .. Quote(q)])));

    private static string Shipped(ShippedThemeRate rate) =>
        $"*#{SlackText.Escape(rate.Theme)}*\n{rate.Before} → {rate.After} since shipped on {Day(rate.ShippedOn)}\n"
        + $"({Count(rate.Days, "day")} before and after)";

    /// <summary>The ranking and the trends, each as it is shown on its own, under one header; a quiet week is one line.</summary>
    private static Layout Brief(BriefView v)
    {
        const string title = "Your weekly brief";
        if (v.IsQuiet)
        {
            var quiet = $"a quiet week, no pains or requests were captured in {v.Top.PeriodLabel}.";
            return new($"{title}: {quiet}", [Block.Section($"*{title}:* {SlackText.Escape(quiet)}")]);
        }

        var top = PainPoints(v.Top, title);
        var changes = Trends(v.Changes, "What changed against the week before");
        var found = v.NewThemes is { } candidates ? [Block.Divider(), .. NewThemes(candidates, "Possible new themes").AllBlocks] : Array.Empty<JsonObject>();
        return top with { Tail = [Block.Divider(), .. changes.AllBlocks, .. found] };
    }

    private static Layout ShippedNotice(ShippedNoticeView v)
    {
        var shipped = $"#{v.Theme} is shipped ({Day(v.ShippedOn)})";
        var note = v.Note is null ? "" : ": " + SlackText.Escape(v.Note);
        var items = v.Quotes.Select(q => (IReadOnlyList<JsonObject>)[Block.Section(TellThem(q)), Byline(q)]).ToList();
        return new($"{shipped}{(v.Note is null ? "" : ": " + v.Note)}",
            [Block.Section($"*{shipped}*{note}"), Block.Context("You captured these quotes for it: the customers will want to hear.")],
            items, "of your quotes")
        {
            LeftOut = v.MoreQuotes,
        };
    }

    /// <summary>"Acme’s “export times out” is shipped — tell them." The quote is cut short: it is shown in full where it was captured.</summary>
    private static string TellThem(Signal signal)
    {
        var quote = $"“{SlackText.Escape(SlackText.Shorten(signal.Quote, MaxToldQuote))}”";
        return signal.Customer is { } customer
            ? $"{SlackText.Escape(customer)}’s {quote} is shipped — tell them."
            : $"{quote} is shipped — tell the customer.";
    }

    /// <summary>One telling quote on the line after a trend, cut short: "> “Exports time out” — Acme".</summary>
    private static string Told(Signal? quote) =>
        quote is null
            ? ""
            : $"\n&gt; “{SlackText.Escape(SlackText.Shorten(quote.Quote, MaxToldQuote))}”{(quote.Customer is { } c ? " — " + SlackText.Escape(c) : "")}";

    /// <summary>A quote as its own block, with who said it and the evidence in a grey line under it.</summary>
    public static IReadOnlyList<JsonObject> Quote(Signal signal) => [Block.Section(SlackText.Quote(signal.Quote)), Byline(signal)];

    private static JsonObject Byline(Signal signal)
    {
        var facts = new List<string>();
        if (signal.Customer is not null)
        {
            facts.Add(SlackText.Escape(signal.Customer));
        }

        facts.AddRange(new[] { signal.Segment, signal.Source }.OfType<string>());
        facts.Add($"{signal.Kind.ToString().ToLowerInvariant()}, {signal.Severity.ToString().ToLowerInvariant()}");
        if (signal.Themes.Count > 0)
        {
            facts.Add(Tags(signal));
        }

        facts.Add(signal.SaidAt.ToString("d MMM yyyy", CultureInfo.InvariantCulture));
        facts.Add("captured by " + SlackText.Escape(signal.CapturedBy.Name));
        // The evidence is a link someone typed: its label names the host, so it cannot pass for another site.
        if (WebLink.Host(signal.EvidenceUrl) is { } host)
        {
            facts.Add(Link(signal.EvidenceUrl!, $"evidence · {host}")); // a host means a web address
        }

        if (signal.SourcePermalink is not null)
        {
            facts.Add(Link(signal.SourcePermalink, "message"));
        }

        return Block.Context(string.Join(" · ", facts));
    }

    /// <summary>A stored link as mrkdwn; a "|" in it would end the address early, so it is percent-encoded.</summary>
    private static string Link(string url, string label) => $"<{SlackText.Escape(url).Replace("|", "%7C")}|{label}>";

    private static Layout AdminOnly(AdminOnlyView v) =>
        new($"{v.Title}: {v.Text(p => p.Name)}",
            [
                Block.Header(v.Title),
                Block.Section(v.Text(Person)),
                .. Resend(v.OriginalText),
            ]);

    private static Layout Admins(AdminsView v) =>
        new($"{v.PlainTitle}: {string.Join("; ", v.Lines(p => p.Name))}",
            [
                Block.Section($"*{v.Title(Person)}*"),
                Block.Section(string.Join("\n", v.Lines(Person).Select(line => "• " + line))),
                Block.Context(SlackText.Escape(AdminsView.Explained) + " `@pulse admins add @name` adds someone."),
            ]);

    /// <summary>A person as Slack shows them: a mention of a Slack user id (Slack writes the name), else the name, escaped.</summary>
    private static string Person(ChatUser person) =>
        SlackUserId().IsMatch(person.Id) ? $"<@{person.Id}>" : SlackText.Escape(person.Name);

    private static IEnumerable<JsonObject> Resend(string originalText) =>
        string.IsNullOrWhiteSpace(originalText) ? [] : [Block.Section("Your text, to send again:\n" + SlackText.Quote(originalText))];

    private static string Errors(IReadOnlyList<FieldError> errors) =>
        string.Join("\n", errors.Select(e => "• " + SlackText.Escape(e.Message)));

    private static string Tags(IEnumerable<string> themes) => string.Join(" ", themes.Select(t => "#" + SlackText.Escape(t)));

    /// <summary>A signal's themes, a tag a confident suggestion made marked as such.</summary>
    private static string Tags(Signal signal) =>
        string.Join(" ", signal.Themes.Select(t => "#" + SlackText.Escape(t) + (signal.SuggestedThemes.Contains(t) ? " _(suggested)_" : "")));

    private static string Day(DateOnly day) => day.ToString("d MMM", CultureInfo.InvariantCulture);

    private static string Count(int n, string one, string? many = null) => $"{n} {(n == 1 ? one : many ?? one + "s")}";

    private static string Filters(QueryFilters filters) =>
        filters.IsEmpty ? "" : " · " + SlackText.Escape(string.Join(", ", FilterWords.Of(filters)));

    /// <summary>" · Mon 30 Nov – Sun 6 Dec · vs the same days of the week before", when the view spells its dates out.</summary>
    private static string Dates(string? dates, string? comparison) =>
        (dates is null ? "" : " · " + SlackText.Escape(dates)) + (comparison is null ? "" : " · " + SlackText.Escape(comparison));

    /// <summary>The dates and filters of an answer that has no other count in its grey line.</summary>
    private static string Dated(string? dates, string? comparison, QueryFilters filters) =>
        (Dates(dates, comparison) + Filters(filters)) is { Length: > 0 } line ? line[3..] : "all signals";

    private static string Status(ThemeStatus status) => status switch
    {
        ThemeStatus.Open => "",
        ThemeStatus.WontFix => " · won't fix",
        _ => $" · {status.ToString().ToLowerInvariant()}",
    };

    private static string Aliases(Theme theme) =>
        theme.Aliases.Count == 0 ? "" : $" (also {Tags(theme.Aliases)})";

    private static string Trend(TrendDirection trend, int previous) => trend switch
    {
        TrendDirection.New => "new",
        TrendDirection.Rising => $"rising (from {previous})",
        TrendDirection.Falling => $"falling (from {previous})",
        _ => "steady",
    };

    /// <summary>
    /// A view as blocks: <paramref name="Head"/> and <see cref="Tail"/> always, and between them as many whole
    /// <paramref name="Items"/> as fit, closed by "and N more <paramref name="More"/>" when any, or <see cref="LeftOut"/>, are left out.
    /// </summary>
    [GeneratedRegex("^[UW][A-Z0-9]+$")]
    private static partial Regex SlackUserId();

    private sealed record Layout(string Text, IReadOnlyList<JsonObject> Head, IReadOnlyList<IReadOnlyList<JsonObject>> Items, string More)
    {
        public Layout(string text, IReadOnlyList<JsonObject> head)
            : this(text, head, [], "")
        {
        }

        public IReadOnlyList<JsonObject> Tail { get; init; } = [];

        /// <summary>The view's own buttons (Undo, Save as a quote), shown before the caller's in the one actions block.</summary>
        public IReadOnlyList<JsonObject> Buttons { get; init; } = [];

        /// <summary>Items the view counted but did not carry.</summary>
        public int LeftOut { get; init; }

        /// <summary>Every block in order, no fitting: for a layout shown whole inside another one's tail.</summary>
        public IEnumerable<JsonObject> AllBlocks => [.. Head, .. Items.SelectMany(item => item), .. Tail];
    }
}
