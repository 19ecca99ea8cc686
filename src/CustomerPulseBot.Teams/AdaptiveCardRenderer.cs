using System.Globalization;
using CustomerPulseBot.Core.Commands;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Themes;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;
using CustomerPulseBot.Teams.AdaptiveCards;

namespace CustomerPulseBot.Teams;

// Turns a Core view into the Adaptive Card that Teams shows and the playground page renders. Each view has
// one layout, which takes some room: how many list items, or how many characters of its longest text.
// Render gives a layout the most room that keeps the card under CardJson.MaxBytes.
internal static partial class AdaptiveCardRenderer
{
    // Quotes in lists are cut here so that more of them fit; a confirmation shows the whole quote.
    private const int ListQuoteLength = 280;

    // Names and typed words repeated in a list's header or in a quote's byline.
    private const int ListNameLength = 80;

    private const int KnownThemesShown = 25;

    public static string RenderJson(View view) => Fit(view).Json;

    public static AdaptiveCard Render(View view) => Fit(view).Card;

    // The same card for a dialog (message extension task module), where Teams does not run Universal Actions:
    // each Action.Execute becomes an Action.Submit with the same data, which the dialog submits to the bot.
    public static string RenderDialogJson(View view)
    {
        var card = Render(view);
        var actions = card.Actions?.Select(a => a is ExecuteAction execute ? new SubmitAction(execute.Title) { Data = execute.Data } : a).ToList();
        return CardJson.Serialize(card with { Actions = actions });
    }

    private static (int FullRoom, Func<int, AdaptiveCard> Layout) Plan(View view) => view switch
    {
        CaptureConfirmedView v => (Longest(v.Signal.Quote, v.Signal.Customer, v.Signal.CapturedBy.Name), room => CaptureConfirmed(v, room)),
        CaptureRejectedView v => (Longest(v.OriginalText), room => CaptureRejected(v, room)),
        CaptureFormView v => (Longest(v.Draft.Quote, v.Draft.Customer, v.Draft.EvidenceUrl, ThemesValue(v.Draft)), room => CaptureForm(v, room)),
        PainPointsView v => (FullRoom(v), room => Card(PainPoints(v, room, v.Title))),
        TrendsView v => (FullRoom(v), room => Card(Trends(v, room, "Friction trends"))),
        SearchResultsView v => (v.Signals.Count, room => SearchResults(v, room)),
        ThemeListView v => (v.Themes.Count, room => ThemeList(v, room)),
        HelpView v => (v.Entries.Count * 2, room => Help(v, room)),
        NoticeView v => (Longest(v.Title, v.Text), room => Notice(v, room)),
        DigestStatusView v => (Longest(v.Title, v.Text, v.LastFailure), room => DigestStatus(v, room)),
        NotUnderstoodView v => (Longest(v.Understood, v.Problem, v.Example, v.OriginalText), room => NotUnderstood(v, room)),
        ErrorView v => (Longest(v.Message, v.OriginalText, v.CorrelationId), room => Error(v, room)),
        DigestView v => (v.Fresh.Count + FullRoom(v.Trends) + v.Shipped.Count, room => Digest(v, room)),
        BriefView v => (FullRoom(v.Top) + FullRoom(v.Changes) + (v.NewThemes?.Themes.Count ?? 0), room => Brief(v, room)),
        ShippedNoticeView v => (v.Quotes.Count, room => ShippedNotice(v, room)),
        QuestionView v => Question(v),
        CountView v => (v.ByTheme.Count + v.ByCustomer.Count, room => Count(v, room)),
        CustomersView v => (v.Customers.Customers.Count, room => Customers(v, room)),
        ShippedView v => (v.Themes.Count, room => ShippedSince(v, room)),
        JourneyView v => (v.Stages.Count, room => Journey(v, room)),
        SignalDeletedView v => (Longest(v.Signal.Quote), room => Deleted(v, room)),
        SettingsView v => (0, _ => Settings(v)),
        ConfirmForgetView v => (Longest(v.Customer), room => ConfirmForget(v, room)),
        NewThemesView v => (v.Themes.Count, room => Card(NewThemes(v, room, "New themes"))),
        AdminOnlyView v => (Longest(v.Text(p => p.Name), v.OriginalText), room => AdminOnly(v, room)),
        AdminsView v => (v.Lines(p => p.Name).Count, room => Admins(v, room)),
        ApiKeyCreatedView v => (Longest(v.Key.Name, v.Key.CreatedBy), room => ApiKeyCreated(v, room)),
        ApiKeysView v => (v.Keys.Count, room => ApiKeyList(v, room)),
        ExportLinkView v => (0, _ => ExportLink(v)),
        CustomerProfileView v => (v.Newest.Count, room => Profile(v, room)),
        _ => throw new ArgumentOutOfRangeException(nameof(view), view.GetType().Name, "This view has no Adaptive Card layout."),
    };

    // The layout with the most room that fits. Nearly every card fits whole, so that is tried first; more
    // room never makes a card smaller, so otherwise a binary search finds the most room in a few tries.
    private static (AdaptiveCard Card, string Json) Fit(View view)
    {
        var (fullRoom, layout) = Plan(view);
        var whole = Sized(layout(fullRoom));
        if (CardJson.Fits(whole.Json))
        {
            return whole;
        }

        (AdaptiveCard, string)? best = null;
        var (low, high) = (0, fullRoom - 1);
        while (low <= high)
        {
            var room = low + (high - low) / 2;
            var candidate = Sized(layout(room));
            if (CardJson.Fits(candidate.Json))
            {
                best = candidate;
                low = room + 1;
            }
            else
            {
                high = room - 1;
            }
        }

        return best ?? throw new InvalidOperationException($"The {view.GetType().Name} card is over the size limit even without lists or long text.");
    }

    private static (AdaptiveCard Card, string Json) Sized(AdaptiveCard card) => (card, CardJson.Serialize(card));

    // Room is the characters kept of the quote, the customer and the capturer's name.
    private static AdaptiveCard CaptureConfirmed(CaptureConfirmedView view, int room)
    {
        var signal = view.Signal;
        var themes = signal.Themes.Select(t => $"#{t}{(view.NewThemes.Contains(t) ? " (new)" : "")}{(signal.SuggestedThemes.Contains(t) ? " (suggested)" : "")}");
        var leftOut = view.LeftOut ?? [];
        var id = signal.Id.ToString("N");
        var card = Card(
        [
            Heading(view.Edited ? "Signal updated" : view.AlreadySaved ? "Signal already saved" : "Signal captured"),
            Line(Plain(Quoted(signal.Quote, room))),
            Byline(signal, room, themes: false),
            Line(Bold("Themes: "), Plain(signal.Themes.Count > 0 ? string.Join(", ", themes) : "none (add #theme-name next time to group it)")),
            // Each message says what was left out and how to fix it (with Edit), in Core's words.
            Line(Bold(leftOut.Count > 0 ? "Left out: " : ""), Alert(string.Join(" ", leftOut.Select(e => CardText.Shorten(e.Message, ListQuoteLength))))),
            Line(Subtle(view.Masked is { } masked ? $"Masked before saving: {masked.Describe()}" : "")),
            .. Meaning(view, room),
            // The short id is what "edit" and "delete" take later, when this card is long gone.
            Line(Subtle($"id {signal.ShortId} · later: edit {signal.ShortId} or delete {signal.ShortId}")),
        ]);
        return card with
        {
            Actions =
            [
                Execute("Undo", TeamsIds.UndoCapture, (TeamsIds.SignalKey, id)),
                Execute("Edit", TeamsIds.EditCapture, (TeamsIds.SignalKey, id)),
            ],
        };
    }

    // What meaning found for a new capture, each offer with its own buttons: the suggested theme (Add, Another theme,
    // or a new name typed in the box for New theme), the tag it made itself (Remove), or the earlier quote it nearly
    // repeats (Keep both, Merge). Room is the characters kept of that quote.
    private static IEnumerable<CardElement> Meaning(CaptureConfirmedView view, int room)
    {
        var signal = view.Signal;
        var id = signal.Id;
        var found = view.Meaning;
        if (found?.AutoTagged is { } tagged)
        {
            yield return Line(Plain("Tagged "), Bold($"#{tagged}"), Subtle(" (suggested)"), Plain(": it looked like its other quotes.")) with { Separator = true };
            yield return Buttons(Execute("Remove", TeamsIds.RemoveTheme, (TeamsIds.ValueKey, ThemeButtons.SignalAndTheme(id, tagged))));
        }
        else if (found?.Suggestion is { } guess && !signal.Themes.Contains(guess.Theme))
        {
            yield return Line(Plain("Looks like "), Bold($"#{guess.Theme}")) with { Separator = true };
            yield return new TextInput(TeamsIds.NewThemeKey, "Or name a new theme") { Placeholder = "theme-name", MaxLength = ThemeName.MaxLength };
            yield return Buttons(
                Execute("Add", TeamsIds.AddTheme, (TeamsIds.ValueKey, ThemeButtons.SignalAndTheme(id, guess.Theme))),
                Execute("Another theme", TeamsIds.EditCapture, (TeamsIds.SignalKey, id.ToString("N"))),
                Execute("New theme", TeamsIds.NewTheme, (TeamsIds.ValueKey, ThemeButtons.Signal(id))));
        }

        if (found?.NearDuplicate is { } earlier)
        {
            yield return Line(Plain($"Similar to a quote{(signal.Customer is null ? "" : " from the same customer")} captured on {earlier.CapturedAt.ToString("d MMM", CultureInfo.InvariantCulture)}:"))
                with { Separator = true };
            yield return Line(Subtle(Quoted(earlier.Quote, Math.Min(room, ListQuoteLength)))) with { Spacing = Spacing.None };
            yield return Buttons(
                Execute("Keep both", TeamsIds.KeepBoth, (TeamsIds.ValueKey, ThemeButtons.Signal(id))),
                Execute("Merge", TeamsIds.MergeDuplicate, (TeamsIds.ValueKey, ThemeButtons.Duplicate(id, earlier.SignalId))));
        }
    }

    private static ActionSet Buttons(params CardAction[] actions) => new(actions) { Spacing = Spacing.Small };

    // Room is the candidates shown; each shows its size, customers, two quotes and Create theme.
    private static List<CardElement> NewThemes(NewThemesView view, int room, string heading)
    {
        var body = new List<CardElement>
        {
            Heading(heading),
            Line(Subtle($"Among the untagged quotes of {Dated(view.PeriodLabel, view.Dates)} · Create theme tags all of a theme's quotes")),
            Line(Plain(view.Themes.Count == 0 ? $"No new themes: the untagged quotes of {view.PeriodLabel} do not group into one yet." : "")),
        };
        foreach (var candidate in view.Themes.Take(room))
        {
            body.Add(Line(
                Bold($"#{candidate.Name}"),
                Plain($" · {Count(candidate.Size, "quote")} from {Count(candidate.Customers, "customer")}")) with { Separator = true });
            body.AddRange(candidate.Examples.Take(2).Select(e => Line(
                Subtle(Quoted(e.Quote, ListQuoteLength)),
                Subtle(e.Customer is { } who ? " — " + CardText.Shorten(who, ListNameLength) : "")) with { Spacing = Spacing.None }));
            body.Add(Buttons(Execute("Create theme", TeamsIds.CreateTheme, (TeamsIds.ValueKey, ThemeButtons.Create(candidate, view.Period)))));
        }

        body.Add(More(view.Themes.Count - Math.Min(room, view.Themes.Count)));
        return body;
    }

    // Room is the characters kept of the quote.
    private static AdaptiveCard Deleted(SignalDeletedView view, int room) =>
        Card(
            Heading("Removed"),
            Line(Plain("It no longer counts in any answer, count or digest:")),
            Line(Subtle(Quoted(view.Signal.Quote, Math.Min(room, ListQuoteLength)))));

    // The answer as it is shown on its own, then how the words were read, what was not understood, and the offer to
    // store the words as a quote after all. Words longer than a quote may be cannot be one: they get a hint instead.
    private static (int FullRoom, Func<int, AdaptiveCard> Layout) Question(QuestionView view)
    {
        var (fullRoom, answer) = Plan(view.Answer);
        var asked = view.Asked;
        var offer = asked.Text.Trim().Length is > 0 and <= SignalVocabulary.MaxQuoteLength;
        return (fullRoom, room =>
        {
            var card = answer(room);
            List<CardElement> reading =
            [
                Line(Subtle("Read as: "), Subtle(CardText.Shorten(asked.Reading, ListQuoteLength))) with { Separator = true },
                Line(
                    Subtle(asked.FullyUnderstood ? "" : "Not understood: "),
                    Subtle(string.Join(", ", asked.NotUnderstood.Select(w => $"“{CardText.Shorten(w, ListNameLength)}”")))),
                .. asked.Notes.Select(n => Line(Subtle(CardText.Shorten(n, ListQuoteLength)))),
                Line(Subtle(offer || asked.Text.Trim().Length == 0 ? "" : "Was it a customer quote? Send it again in quotation marks to save it.")),
            ];
            CardAction[] save = offer ? [Execute(SaveQuoteLabel, TeamsIds.SaveQuote, (TeamsIds.TextKey, asked.Text))] : [];
            return card with
            {
                Body = [.. card.Body, .. reading.Where(e => e is not RichTextBlock { Inlines.Count: 0 })],
                Actions = [.. card.Actions ?? [], .. save],
            };
        });
    }

    public const string SaveQuoteLabel = "Save it as a customer quote instead";

    // Room is the theme rows, then the customer rows shown.
    private static AdaptiveCard Count(CountView view, int room)
    {
        var shown = Share(room, [view.ByTheme.Count, view.ByCustomer.Count]);
        var about = view.Searched is null ? "" : $" mentioning “{CardText.Shorten(view.Searched, ListNameLength)}”";
        return Card(
        [
            Heading("How many"),
            Scope(Dated(view.PeriodLabel, view.Dates), view.Filters, ""),
            Line(Bold(Count(view.Signals, "signal")), Plain($"{about} from "), Bold(Count(view.Customers, "named customer"))),
            Line(Bold(view.ByTheme.Count > 0 ? "By theme" : "")) with { Separator = true },
            .. view.ByTheme.Take(shown[0]).Select(t => Line(Plain($"{(t.Theme is null ? "untagged" : "#" + t.Theme)}: {Count(t.Signals, "signal")}"))),
            More(view.ByTheme.Count - shown[0]),
            Line(Bold(view.ByCustomer.Count > 0 ? "By customer" : "")) with { Separator = true },
            .. view.ByCustomer.Take(shown[1]).Select(c => Line(Plain($"{CardText.Shorten(c.Name, ListNameLength)}: {Count(c.Signals, "signal")}"))),
            More(view.ByCustomer.Count - shown[1]),
        ]);
    }

    // Room is the customers shown.
    private static AdaptiveCard Customers(CustomersView view, int room)
    {
        var list = view.Customers;
        var about = view.Searched is null ? "" : $"mentioning “{CardText.Shorten(view.Searched, ListNameLength)}”";
        return Card(
        [
            Heading("Which customers"),
            Scope(Dated(view.PeriodLabel, view.Dates), view.Filters, string.Join(" · ", new[] { Count(list.Total, "named customer"), about }.Where(p => p.Length > 0))),
            Line(Plain(list.Total == 0 ? "No named customer said anything that matches in this period." : "")),
            .. list.Customers.Take(room).SelectMany(c => (CardElement[])
            [
                Line(Bold(CardText.Shorten(c.Name, ListNameLength)), Plain($" · {Count(c.Signals, "signal")}, the latest:")) with { Separator = true },
                .. QuoteBlock(c.Latest, separated: false),
            ]),
            More(list.Total - Math.Min(room, list.Customers.Count)),
        ]);
    }

    // Room is the shipped themes shown.
    private static AdaptiveCard ShippedSince(ShippedView view, int room)
    {
        const string title = "Since we shipped";
        if (view.Themes.Count == 0)
        {
            var none = view.Theme is null ? "No theme is marked shipped yet." : $"#{view.Theme} is not marked shipped.";
            return Card(Heading(title), Line(Plain(none + " "), Code("theme ship <theme>"), Plain(" marks one.")));
        }

        return Card(
        [
            Heading(title),
            Line(Bold(view.Theme is null ? "" : $"#{view.Theme}")),
            Line(Subtle("Friction signals before → after the ship date, over the same number of days")),
            .. view.Themes.Take(room).Select(Shipped),
            More(view.Themes.Count - room),
        ]);
    }

    // Room is the stages shown.
    private static AdaptiveCard Journey(JourneyView view, int room) =>
        Card(
        [
            Heading("Where customers struggle"),
            Scope(Dated(view.PeriodLabel, view.Dates), view.Filters, "friction per journey stage, worst first"),
            Line(Plain(view.Stages.Count == 0 ? "Nothing to show: no pain or request was captured in this period." : "")),
            .. view.Stages.Take(room).SelectMany((s, i) => (CardElement[])
            [
                Line(
                    Bold($"{i + 1}. {StageNames.Title(s.Stage)}"),
                    Plain($" · {Count(s.Signals, "signal")} from {Count(s.Customers, "customer")} · "),
                    Plain(string.Create(CultureInfo.InvariantCulture, $"severity {s.AverageSeverity:0.0} of 4 on average"))) with { Separator = true },
                .. s.Quote is { } quote ? QuoteBlock(quote, separated: false) : [],
            ]),
            More(view.Stages.Count - room),
        ]);

    // Room is the characters kept of the original text.
    private static AdaptiveCard CaptureRejected(CaptureRejectedView view, int room) =>
        Card(
        [
            Heading("Nothing was saved"),
            .. view.Errors.Select(e => Line(Alert(e.Message))),
            .. OriginalText("Your text, to fix and send again:", view.OriginalText, room),
        ]);

    // Room is the characters kept of each prefilled text. Choice sets are preset only with a value they
    // offer; what was typed wrongly is quoted in the error shown under its field.
    private static AdaptiveCard CaptureForm(CaptureFormView view, int room)
    {
        var draft = view.Draft;
        CardInput[] inputs =
        [
            new TextInput(CaptureField.Quote, "What the customer said, in their words")
            {
                IsRequired = true,
                IsMultiline = true,
                MaxLength = SignalVocabulary.MaxQuoteLength,
                Value = Prefill(draft.Quote, room),
                // Shown by the client only when the quote is left empty; our own checks are shown as text below.
                ErrorMessage = "Type what the customer said.",
            },
            new TextInput(CaptureField.Customer, "Customer (account name)")
            {
                MaxLength = SignalVocabulary.MaxCustomerLength,
                Placeholder = "Acme",
                Value = Prefill(draft.Customer, room),
            },
            Pick(CaptureField.Segment, "Segment: who is this customer?", SignalVocabulary.Segments, Offered(draft.Segment, SignalVocabulary.Segments)),
            Pick(CaptureField.Source, "Source", SignalVocabulary.Sources, Offered(draft.Source, SignalVocabulary.Sources)),
            Pick(CaptureField.Kind, "Kind", Words<SignalKind>(), Preset<SignalKind>(draft.Kind) ?? Word(SignalKind.Pain)),
            Pick(CaptureField.Stage, "Journey stage", Words<JourneyStage>(), Preset<JourneyStage>(draft.Stage)),
            // Free text, not a multi-select: a capture may start a theme, and a choice set cannot take a new value.
            new TextInput(CaptureField.Themes, "Themes, separated by commas (a new name starts a theme)")
            {
                Placeholder = "slow-dashboard, export-timeouts",
                Value = Prefill(ThemesValue(draft), room),
            },
            Pick(CaptureField.Severity, "Severity", Words<Severity>(), Preset<Severity>(draft.Severity) ?? Word(Severity.Medium)),
            new TextInput(CaptureField.EvidenceUrl, "Evidence link (recording, ticket, clip)")
            {
                Style = TextInputStyle.Url,
                MaxLength = SignalVocabulary.MaxUrlLength,
                Placeholder = "https://",
                Value = Prefill(draft.EvidenceUrl, room),
            },
            new DateInput(CaptureField.SaidOn, "Said on (empty means today)") { Value = IsoDate(draft.SaidOn) },
        ];

        var body = new List<CardElement> { Heading(view.Editing is null ? "Capture a customer signal" : "Edit the customer signal") };
        if (view.Errors.Count > 0)
        {
            body.Add(Line(Alert("Nothing was saved yet: see the notes under the fields.")));
            body.AddRange(view.Errors.Where(e => !inputs.Any(i => i.Id == e.Field)).Select(e => Line(Alert(e.Message))));
        }

        foreach (var input in inputs)
        {
            body.Add(input);
            body.AddRange(view.Errors.Where(e => e.Field == input.Id).Select(e => Line(Alert(e.Message)) with { Spacing = Spacing.Small }));
            if (input.Id == CaptureField.Themes && view.KnownThemes.Count > 0)
            {
                body.Add(Line(Subtle("Known themes: " + Listed(view.KnownThemes, KnownThemesShown))) with { Spacing = Spacing.Small });
            }
        }

        var data = new Dictionary<string, string> { [TeamsIds.ActionKey] = TeamsIds.CaptureSignal };
        if (view.SourcePermalink is { } permalink)
        {
            data[TeamsIds.PermalinkKey] = permalink;
        }

        if (view.Editing is { } editing)
        {
            data[TeamsIds.EditingKey] = editing.ToString("N");
        }

        return new AdaptiveCard(body, [new ExecuteAction(view.Editing is null ? "Save signal" : "Save changes", TeamsIds.CaptureSignal) { Data = data }]);
    }

    private static int FullRoom(PainPointsView view) => view.Themes.Count + view.Themes.Sum(t => t.Quotes.Count) + view.Untagged.Quotes.Count;

    private static int FullRoom(TrendsView view) => view.New.Count + view.Rising.Count + view.Falling.Count;

    // Room is the themes shown, then the quotes shown: each theme, and then the untagged friction, gets its
    // first quote before any gets a second.
    private static List<CardElement> PainPoints(PainPointsView view, int room, string heading)
    {
        var shownThemes = Math.Min(room, view.Themes.Count);
        var themes = view.Themes.Take(shownThemes).ToList();
        var quotes = Share(room - shownThemes, [.. themes.Select(t => t.Quotes.Count), view.Untagged.Quotes.Count]);

        var body = new List<CardElement>
        {
            Heading(heading),
            Scope(Dated(view.PeriodLabel, view.Dates), view.Filters, Count(view.TotalSignals, "friction signal")),
            Line(Subtle(view.Comparison ?? "")) with { Spacing = Spacing.None },
        };
        if (view.Themes.Count == 0 && view.Untagged.Count == 0)
        {
            body.Add(Line(Plain("Nothing to rank: no pain or request was captured in this period.")));
        }

        foreach (var (theme, i) in themes.Select((t, i) => (t, i)))
        {
            body.Add(Line(
                Bold($"{theme.Rank}. #{theme.Theme}"),
                Plain($" · {Word(theme.Status)} · {Count(theme.Signals, "signal")} from {Count(theme.Customers, "customer")} · "),
                Trend(theme.Trend, theme.PreviousSignals),
                Plain(theme.Revenue is { } revenue ? $" · {RevenueText.Affected(revenue, theme.RevenueCustomers)}" : "")) with { Separator = true });
            body.AddRange(theme.Quotes.Take(quotes[i]).SelectMany(q => QuoteBlock(q, separated: false, themes: false)));
            if (view.Scope is { } scope)
            {
                body.Add(new ActionSet([Execute($"All {theme.Signals:N0} quotes", TeamsIds.AllQuotes, (TeamsIds.TextKey, $"search #{theme.Theme} {scope}"))])
                {
                    Spacing = Spacing.Small,
                });
            }
        }

        var more = view.MoreThemes + view.Themes.Count - shownThemes;
        if (more > 0)
        {
            body.Add(Line(Subtle($"and {Count(more, "more theme")}")));
        }

        if (view.Untagged.Count > 0)
        {
            body.Add(Line(
                Bold("Untagged"),
                Plain($": {Count(view.Untagged.Count, "signal")} from {Count(view.Untagged.Customers, "customer")}, in no theme yet")) with { Separator = true });
            body.AddRange(view.Untagged.Quotes.Take(quotes[^1]).SelectMany(q => QuoteBlock(q, separated: false)));
        }

        return body;
    }

    // Room is the rows shown, shared out across the three sections one row at a time.
    private static List<CardElement> Trends(TrendsView view, int room, string heading)
    {
        (string Title, IReadOnlyList<ThemeTrend> Rows)[] sections = [("New", view.New), ("Rising", view.Rising), ("Falling", view.Falling)];
        var shown = Share(room, [.. sections.Select(s => s.Rows.Count)]);

        var body = new List<CardElement>
        {
            Heading(heading),
            Scope(Dated(view.PeriodLabel, view.Dates), view.Filters, view.Comparison ?? "against the period before"),
        };
        if (sections.All(s => s.Rows.Count == 0))
        {
            body.Add(Line(Plain("Nothing to compare: no theme gained or lost friction signals in this period.")));
            return body;
        }

        foreach (var ((title, rows), i) in sections.Select((s, i) => (s, i)))
        {
            body.Add(Line(Bold($"{title} ({rows.Count})")) with { Separator = true });
            body.AddRange(rows.Take(shown[i]).SelectMany(t => new[]
            {
                Line(
                    Bold($"#{t.Theme}"),
                    Plain($": {Count(t.Signals, "signal")} (was {t.PreviousSignals}) from {Count(t.Customers, "customer")} (was {t.PreviousCustomers})")),
                Line(Subtle(t.Quote is { } quote ? $"{Quoted(quote.Quote, ListQuoteLength)}{(quote.Customer is { } c ? " — " + CardText.Shorten(c, ListNameLength) : "")}" : ""))
                    with { Spacing = Spacing.None },
            }));
            body.Add(rows.Count == 0 ? Line(Subtle("none")) : More(rows.Count - shown[i]));
        }

        return body;
    }

    // Room is the quotes, trend rows and shipped themes shown, shared out one at a time in that order.
    private static AdaptiveCard Digest(DigestView view, int room)
    {
        if (view.IsQuiet)
        {
            return Card(Line(Bold("Customer pulse"), Subtle(Filtered(view.Filters, " · ")), Plain($": nothing new {view.PeriodLabel}; no friction rising.")));
        }

        var trends = view.Trends;
        var shown = Share(room, [view.Fresh.Count, FullRoom(trends), view.Shipped.Count]);
        var heard = view.Fresh.Count + view.MoreFresh;
        var body = new List<CardElement>
        {
            Heading("Customer pulse"),
            Scope(view.PeriodLabel, view.Filters, Count(heard, "new quote")),
            Line(Plain(heard == 0 ? $"No new quotes {view.PeriodLabel}." : "")),
        };
        // Quotes under their (first) theme, in the order each theme's first quote comes, untagged last.
        foreach (var group in view.Fresh.Take(shown[0]).GroupBy(q => q.Themes.FirstOrDefault()).OrderBy(g => g.Key is null))
        {
            body.Add(Line(Bold(group.Key is null ? "Untagged" : $"#{group.Key}")) with { Separator = true });
            body.AddRange(group.SelectMany(q => QuoteBlock(q, separated: false)));
        }

        var more = heard - shown[0];
        if (more > 0)
        {
            // Both commands take the digest's first day and filters, so they find every quote it counted.
            body.Add(Line(
                Subtle($"and {Count(more, "more quote")}: ask me "), Code($"top {view.Scope}"), Subtle(" to rank them or "),
                Code($"search <words> {view.Scope}"), Subtle(" to find them")));
        }

        body.AddRange(Trends(trends, shown[1], "Friction trends"));
        if (view.Shipped.Count > 0)
        {
            body.Add(Line(Bold("Shipped"), Subtle(": friction signals before → after, over the same number of days")) with { Separator = true });
            body.AddRange(view.Shipped.Take(shown[2]).Select(Shipped));
            body.Add(More(view.Shipped.Count - shown[2]));
        }

        return Card(body);
    }

    private static RichTextBlock Shipped(ShippedThemeRate rate) =>
        Line(
            Bold($"#{rate.Theme}: "),
            Plain($"{rate.Before} → {rate.After}") with { Color = rate.After < rate.Before ? TextColor.Good : TextColor.Attention },
            Plain($" since shipped on {Day(rate.ShippedOn)}"),
            Subtle($" ({Count(rate.Days, "day")} before and after)"));

    // Room is shared out between the ranking and the trends as each would use it alone.
    private static AdaptiveCard Brief(BriefView view, int room)
    {
        const string title = "Your weekly brief";
        if (view.IsQuiet)
        {
            return Card(Line(Bold(title), Plain($": a quiet week, no pains or requests were captured in {view.Top.PeriodLabel}.")));
        }

        var shown = Share(room, [FullRoom(view.Top), FullRoom(view.Changes), view.NewThemes?.Themes.Count ?? 0]);
        return Card(
        [
            .. PainPoints(view.Top, shown[0], title),
            .. Trends(view.Changes, shown[1], "What changed against the week before"),
            .. view.NewThemes is { } found ? NewThemes(found, shown[2], "Possible new themes") : [],
        ]);
    }

    // Room is the quotes shown.
    private static AdaptiveCard ShippedNotice(ShippedNoticeView view, int room) =>
        Card(
        [
            Heading("Shipped: tell your customers"),
            Line(
                Bold($"#{view.Theme} is shipped"),
                Plain($" ({Day(view.ShippedOn)})"),
                Plain(view.Note is { } note ? ": " + CardText.Shorten(note, ListQuoteLength) : "")),
            Line(Subtle("You captured these quotes for it: the customers will want to hear.")),
            .. view.Quotes.Take(room).SelectMany(q => new[]
            {
                Line(Plain(TellThem(q))) with { Separator = true },
                Byline(q, ListNameLength) with { Spacing = Spacing.None },
            }),
            More(view.Quotes.Count - room + view.MoreQuotes),
        ]);

    // "Acme’s “export times out” is shipped — tell them."
    private static string TellThem(Signal signal) =>
        signal.Customer is { } customer
            ? $"{CardText.Shorten(customer, ListNameLength)}’s {Quoted(signal.Quote, ListQuoteLength)} is shipped — tell them."
            : $"{Quoted(signal.Quote, ListQuoteLength)} is shipped — tell the customer.";

    // Room is the quotes shown.
    private static AdaptiveCard SearchResults(SearchResultsView view, int room)
    {
        var shown = view.Signals.Take(room).ToList();
        var words = view.Words.Length > 0;
        var found = view.Total == 0 ? (words ? "No quotes match" : "No quotes found") : $"{Count(view.Total, "quote")}{(words ? view.Total == 1 ? " matches" : " match" : "")}";
        var what = words ? $" “{CardText.Shorten(view.Words, ListNameLength)}”" : "";
        var order = view.Total > 1 ? words ? ", most relevant first" : ", newest first" : "";
        return Card(
        [
            Heading("Search results"),
            Line(Plain($"{found}{what}{order}")),
            Scope(Dated(view.PeriodLabel ?? "", view.Dates), view.Filters ?? QueryFilters.None, ""),
            .. shown.SelectMany(s => QuoteBlock(s, separated: true)),
            More(view.Total - shown.Count),
        ]);
    }

    // Room is the themes shown.
    private static AdaptiveCard ThemeList(ThemeListView view, int room) =>
        Card(
        [
            Heading("Themes"),
            Line(Plain(view.Themes.Count == 0 ? "No themes yet: add #a-theme-name to a capture to start one." : "")),
            .. view.Themes.Take(room).Select(s => Line(
                Bold($"#{s.Theme.Name}"),
                Plain($" · {ThemeStatusText(s.Theme)} · {Count(s.RecentSignals, "signal")} ({view.RecentLabel})"),
                Subtle(s.Theme.Aliases.Count > 0 ? " · also " + string.Join(", ", s.Theme.Aliases.Select(a => $"#{a}")) : ""))),
            More(view.Themes.Count - room),
        ]);

    // Room is the entries shown.
    // Room counts entries, then examples: every entry's usage and use are shown before any is cut, and the examples
    // go first when the whole catalogue would not fit with them (room above the entry count is how many keep theirs).
    private static AdaptiveCard Help(HelpView view, int room)
    {
        var entries = Math.Min(room, view.Entries.Count);
        var examples = Math.Max(0, room - view.Entries.Count);
        return Card(
        [
            Heading("Customer pulse: what you can say"),
            // One block per entry: the catalogue is long, and a block's wrapper costs as much as a short line.
            .. view.Entries.Take(entries).Select((e, i) => Line(
                Code(e.Usage) with { Weight = TextWeight.Bolder },
                Plain($" \u2014 {e.Does}"),
                Subtle(i < examples && e.Example.Length > 0 ? "  e.g. " : ""),
                Code(i < examples ? e.Example : "")) with { Separator = true }),
            More(view.Entries.Count - entries),
        ]);
    }

    // Room is the characters kept of the title and the text.
    // Room is the characters kept of the text and of the words sent back; names are cut as in lists.
    private static AdaptiveCard AdminOnly(AdminOnlyView view, int room) =>
        Card(
        [
            Line(Bold(view.Title) with { Size = TextSize.Medium }),
            Line(Plain(CardText.Shorten(view.Text(p => CardText.Shorten(p.Name, ListNameLength)), room))),
            .. OriginalText("Your text, to send again:", view.OriginalText, room),
        ]);

    // Room is how many lines are listed.
    private static AdaptiveCard Admins(AdminsView view, int room) =>
        Card(
        [
            Line(Bold(view.Title(p => CardText.Shorten(p.Name, ListNameLength))) with { Size = TextSize.Medium }),
            .. view.Lines(p => CardText.Shorten(p.Name, ListNameLength)).Take(room).Select(line => Line(Plain("• " + line))),
            More(Math.Max(0, view.Lines(p => p.Name).Count - room)),
            Line(Subtle(AdminsView.Explained + " admins add @name adds someone.")),
        ]);

    private static AdaptiveCard Notice(NoticeView view, int room) =>
        Card(
            Line(Bold(CardText.Shorten(view.Title, room)) with { Size = TextSize.Medium }),
            Line(Plain(CardText.Shorten(view.Text, room))));

    // Erase only on purpose: the customer's name as typed (in a text run, so it stays plain), what goes, and the two
    // buttons. Room is the characters kept of the name.
    private static AdaptiveCard ConfirmForget(ConfirmForgetView view, int room) =>
        Card(
            Line(Bold($"Erase {Count(view.Signals, "signal")} of “{CardText.Shorten(view.Customer, room)}”?") with { Size = TextSize.Medium }),
            Line(Plain("This cannot be undone: their quotes, theme links and vectors, and the customer's spellings and merged names, go for good."))) with
        {
            Actions =
            [
                Execute("Erase", TeamsIds.ForgetCustomer, (TeamsIds.ValueKey, view.Value)),
                Execute("Cancel", TeamsIds.KeepCustomer),
            ],
        };

    // Zone ids and day names are short: the card always fits whole.
    private static AdaptiveCard Settings(SettingsView view) =>
        Card(
        [
            Heading(view.Changed switch
            {
                WorkspaceSetting.TimeZone => "Time zone changed",
                WorkspaceSetting.WeekStart => "First day of the week changed",
                WorkspaceSetting.AutoTag => view.AutoTag ? "Auto-tagging switched on" : "Auto-tagging switched off",
                WorkspaceSetting.Redact => view.Redact ? "Masking of personal data switched on" : "Masking of personal data switched off",
                _ => "Workspace settings",
            }),
            Line(Bold("Time zone: "), Plain(view.TimeZone), Subtle(" · today, dates and new digests, for anyone whose own zone is not known")),
            Line(Bold("Weeks start on: "), Plain(view.WeekStart.ToString()), Subtle(" · this week, last week, since last week")),
            Line(
                Bold("Auto-tagging: "),
                Plain(view.AutoTag ? "on" : "off"),
                Subtle(view.AutoTag ? " · confident theme suggestions tag captures by themselves, marked as suggested" : " · theme suggestions are only offered")),
            Line(
                Bold("Masking personal data: "),
                Plain(view.Redact ? "on" : "off"),
                Subtle(view.Redact ? " · e-mail addresses, phone and card numbers, IBANs and secrets in captures are masked before saving" : " · captures are saved as typed")),
            Line(Plain(view.YourZone is { } yours ? $"Your own time zone, {yours}, is used for your answers." : "")),
            Line(view.Changed == WorkspaceSetting.TimeZone
                ? [Plain("Digests already scheduled keep the zone they were scheduled in; "), Code("digest status"), Plain(" shows it.")]
                : []),
            Line(
                Subtle("Anyone in the workspace can change these: "), Code("settings timezone Europe/Berlin"), Subtle(" · "), Code("settings week-start sunday"),
                Subtle(" · "), Code($"settings auto-tag {(view.AutoTag ? "off" : "on")}"), Subtle(" · "), Code($"settings redact {(view.Redact ? "off" : "on")}")),
        ]);

    // Room is the characters kept of each text; the last failure, if any, stands out as a warning.
    private static AdaptiveCard DigestStatus(DigestStatusView view, int room) =>
        Card(
            Line(Bold(CardText.Shorten(view.Title, room)) with { Size = TextSize.Medium }),
            Line(Plain(CardText.Shorten(view.Text, room))),
            Line(Alert(CardText.Shorten(view.LastFailure ?? "", room))));

    // Room is the characters kept of each text.
    private static AdaptiveCard NotUnderstood(NotUnderstoodView view, int room) =>
        Card(
        [
            Heading("I did not understand all of that"),
            Line(Bold(view.Understood.Length > 0 ? "Understood: " : ""), Plain(CardText.Shorten(view.Understood, room))),
            Line(Bold("Not understood: "), Plain(CardText.Shorten(view.Problem, room))),
            Line(Bold(view.Example.Length > 0 ? "Try: " : ""), Code(CardText.Shorten(view.Example, room))),
            .. OriginalText("Your text, to edit and send again:", view.OriginalText, room),
        ]);

    // Room is the characters kept of each text.
    private static AdaptiveCard Error(ErrorView view, int room) =>
        Card(
        [
            Heading("Something went wrong"),
            Line(Plain(CardText.Shorten(view.Message, room))),
            Line(Subtle("Reference for your admin: "), Code(CardText.Shorten(view.CorrelationId, room))),
            .. OriginalText("Your text, to send again:", view.OriginalText, room),
        ]);

    // Leaves out empty runs and paragraphs, so a layout can write optional parts inline (a TextRun or a
    // RichTextBlock without text is invalid).
    private static AdaptiveCard Card(params IEnumerable<CardElement> body) =>
        new([.. body.Where(e => e is not RichTextBlock { Inlines.Count: 0 })]);

    // The only TextBlock: it holds the renderer's own words, never a view's (see CardText).
    private static TextBlock Heading(string text) =>
        new(text) { Style = TextBlockStyle.Heading, Size = TextSize.Medium, Weight = TextWeight.Bolder };

    private static RichTextBlock Line(params IEnumerable<TextRun> runs) => new([.. runs.Where(r => r.Text.Length > 0)]);

    private static TextRun Plain(string text) => CardText.Run(text);

    private static TextRun Bold(string text) => CardText.Run(text) with { Weight = TextWeight.Bolder };

    private static TextRun Subtle(string text) => CardText.Run(text) with { IsSubtle = true };

    private static TextRun Code(string text) => CardText.Run(text) with { FontType = FontType.Monospace };

    private static TextRun Alert(string text) => CardText.Run(text) with { Color = TextColor.Attention };

    // A link only to a web page: a javascript: or file: address never becomes clickable.
    private static TextRun Link(string text, string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? CardText.Run(text) with { SelectAction = new OpenUrlAction(text, uri.AbsoluteUri) }
            : CardText.Run("");

    private static RichTextBlock More(int count) => Line(Subtle(count > 0 ? $"and {count:N0} more" : ""));

    private static RichTextBlock Scope(string periodLabel, QueryFilters filters, string detail) =>
        Line(Subtle(string.Join(" · ", new[] { periodLabel, Filtered(filters, ""), detail }.Where(p => p.Length > 0))));

    // "this week (Mon 30 Nov – Sun 6 Dec)": the period as asked and as dates, when the view spells them out.
    private static string Dated(string periodLabel, string? dates) =>
        dates is null ? periodLabel : periodLabel.Length == 0 ? dates : $"{periodLabel} ({dates})";

    // The filters a view was narrowed by, after lead when there are any.
    private static string Filtered(QueryFilters filters, string lead) =>
        filters.IsEmpty ? "" : lead + string.Join(" · ", FilterWords.Of(filters, name: typed => CardText.Shorten(typed, ListNameLength)));

    // A Universal Action whose data names its verb too, for clients that send it as Action.Submit (and the playground).
    private static ExecuteAction Execute(string title, string verb, params (string Key, string Value)[] data) =>
        new(title, verb) { Data = new Dictionary<string, string>(data.Select(d => KeyValuePair.Create(d.Key, d.Value))) { [TeamsIds.ActionKey] = verb } };

    // A quote and its byline; themes: false under a line that names the theme already.
    private static IEnumerable<CardElement> QuoteBlock(Signal signal, bool separated, bool themes = true) =>
    [
        Line(Plain(Quoted(signal.Quote, ListQuoteLength))) with { Separator = separated ? true : null },
        Byline(signal, ListNameLength, themes) with { Spacing = Spacing.None },
    ];

    // Who said it and where, its themes (unless the card lists them itself), then links to the evidence and to the
    // chat message it was captured from.
    private static RichTextBlock Byline(Signal signal, int nameLength, bool themes = true)
    {
        string?[] facts =
        [
            signal.Customer is { } customer ? CardText.Shorten(customer, nameLength) : "unnamed customer",
            signal.Segment,
            signal.Source,
            Word(signal.Kind),
            signal.Stage is { } stage ? Word(stage) : null,
            $"{Word(signal.Severity)} severity",
            themes && signal.Themes.Count > 0 ? string.Join(" ", signal.Themes.Select(t => "#" + t + (signal.SuggestedThemes.Contains(t) ? " (suggested)" : ""))) : null,
            "said " + signal.SaidAt.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
            "captured by " + CardText.Shorten(signal.CapturedBy.Name, nameLength),
        ];
        return Line(
            Subtle("— " + string.Join(" · ", facts.Where(f => f is not null))),
            Subtle(signal.EvidenceUrl is null ? "" : " · "),
            // The evidence is a link someone typed: its text names the host, so it cannot pass for another site.
            Link(WebLink.Host(signal.EvidenceUrl) is { } host ? $"evidence · {host}" : "evidence", signal.EvidenceUrl),
            Subtle(signal.SourcePermalink is null ? "" : " · "),
            Link("message", signal.SourcePermalink));
    }

    private static IEnumerable<CardElement> OriginalText(string intro, string text, int room) =>
        text.Length == 0 ? [] : [Line(Subtle(intro)), Line(Code(CardText.Shorten(text, room))) with { Spacing = Spacing.None }];

    private static TextRun Trend(TrendDirection trend, int previous) => trend switch
    {
        TrendDirection.New => Plain("new") with { Color = TextColor.Accent },
        TrendDirection.Rising => Plain($"↑ rising (was {previous})") with { Color = TextColor.Attention },
        TrendDirection.Steady => Plain($"→ steady (was {previous})"),
        TrendDirection.Falling => Plain($"↓ falling (was {previous})") with { Color = TextColor.Good },
        _ => throw new ArgumentOutOfRangeException(nameof(trend), trend, null),
    };

    private static string ThemeStatusText(Theme theme)
    {
        var status = Word(theme.Status);
        var when = theme.StatusAt is { } at ? " " + at.ToString("d MMM yyyy", CultureInfo.InvariantCulture) : "";
        var note = theme.StatusNote is { Length: > 0 } text ? ": " + CardText.Shorten(text, ListQuoteLength) : "";
        return status + when + note;
    }

    private static ChoiceSetInput Pick(string id, string label, IReadOnlyList<string> values, string? value) =>
        new(id, label, [.. values.Select(v => new Choice(v, v))]) { Value = value, Placeholder = "Not set" };

    private static string? Offered(string? typed, IReadOnlyList<string> values) =>
        typed?.Trim().ToLowerInvariant() is { } word && values.Contains(word) ? word : null;

    // Reads a word the way CaptureValidator does ("won't-fix", "High", a severity of 3).
    private static string? Preset<TEnum>(string? typed) where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(typed?.Trim().Replace("-", ""), ignoreCase: true, out var value) && Enum.IsDefined(value) ? Word(value) : null;

    private static string[] Words<TEnum>() where TEnum : struct, Enum => [.. Enum.GetValues<TEnum>().Select(v => Word(v))];

    private static string Word<TEnum>(TEnum value) where TEnum : struct, Enum => value.ToString().ToLowerInvariant();

    private static string Word(ThemeStatus status) => status == ThemeStatus.WontFix ? "won't fix" : Word<ThemeStatus>(status);

    private static string? IsoDate(string? typed) =>
        DateOnly.TryParseExact(typed?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;

    private static string? Prefill(string? text, int room) => string.IsNullOrEmpty(text) ? null : CardText.Shorten(text, room);

    private static string? ThemesValue(CaptureDraft draft) => draft.Themes is { Count: > 0 } themes ? string.Join(", ", themes) : null;

    private static string Quoted(string quote, int length) => $"“{CardText.Shorten(quote, length)}”";

    private static string Listed(IReadOnlyList<string> names, int shown) =>
        string.Join(", ", names.Take(shown)) + (names.Count > shown ? $", and {names.Count - shown:N0} more" : "");

    private static string Day(DateOnly day) => day.ToString("d MMM", CultureInfo.InvariantCulture);

    private static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} {noun}{(count == 1 ? "" : "s")}");

    private static int Longest(params IEnumerable<string?> texts) => texts.Max(t => t?.Length ?? 0);

    // Deals room out to lists one item per list per round, so every list keeps its first items.
    private static int[] Share(int room, IReadOnlyList<int> sizes)
    {
        var shares = new int[sizes.Count];
        for (var round = 0; room > 0 && sizes.Any(size => size > round); round++)
        {
            for (var i = 0; i < sizes.Count && room > 0; i++)
            {
                if (sizes[i] > round)
                {
                    shares[i]++;
                    room--;
                }
            }
        }

        return shares;
    }
}
