using System.Globalization;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;
using CustomerPulseBot.Teams.AdaptiveCards;

namespace CustomerPulseBot.Teams;

// API keys, export links and customer profiles as cards. The secret and the curl line are code runs, so Teams shows
// them verbatim and they copy whole.
internal static partial class AdaptiveCardRenderer
{
    // Room is the characters kept of the key's name and its creator's.
    private static AdaptiveCard ApiKeyCreated(ApiKeyCreatedView view, int room) =>
        Card(
            Heading("API key created"),
            Line(Bold(CardText.Shorten(view.Key.Name, room)), Plain($" · {Word(view.Key.Scope)} · shown this once, copy it now:")),
            Line(Code(view.Secret)),
            Line(Subtle("Try it ($PULSE_URL is the bot's public address):")),
            Line(Code(view.Curl)) with { Spacing = Spacing.None },
            Line(Subtle("Stored hashed: nobody can show it again. "), Code($"api-key revoke {CardText.Shorten(view.Key.Name, room)}"), Subtle(" stops it.")));

    // Room is the keys listed.
    private static AdaptiveCard ApiKeyList(ApiKeysView view, int room) =>
        Card(
        [
            Heading("API keys"),
            Line(Subtle(view.Keys.Count == 0 ? "No key works here yet: " : $"{Count(view.Keys.Count, "working key")} · "),
                Code(view.Keys.Count == 0 ? "api-key create" : "api-key revoke <name>"),
                Subtle(view.Keys.Count == 0 ? " makes one, shown to you alone." : " stops one")),
            .. view.Keys.Take(room).Select(k => Line(
                Bold(CardText.Shorten(k.Name, ListNameLength)),
                Plain($" · {Word(k.Scope)} · …{k.Hint} · created by {CardText.Shorten(k.CreatedBy, ListNameLength)} on "
                    + Zones.DayOf(k.CreatedAt, view.Zone).ToString("d MMM yyyy", CultureInfo.InvariantCulture))) with { Separator = true }),
            More(view.Keys.Count - Math.Min(room, view.Keys.Count)),
        ]);

    private static AdaptiveCard ExportLink(ExportLinkView view)
    {
        var what = $"{Count(view.Signals, "signal")} {view.PeriodLabel}{(view.Theme is { } theme ? " in #" + theme : "")}";
        return Card(
            Heading("CSV export ready"),
            Line(Link("Download the CSV", view.Link.AbsoluteUri), Plain($" · {what}")),
            Line(Subtle($"For you alone: the link works once, within {view.Lifetime.TotalMinutes:0} minutes{(view.Dates is { } dates ? " · " + dates : "")}")));
    }

    // Room is the newest quotes shown.
    private static AdaptiveCard Profile(CustomerProfileView view, int room)
    {
        var customer = view.Customer;
        (string Label, string? Value)[] facts =
        [
            ("Plan", customer.Plan),
            ("ARR", customer.Arr is { } arr ? RevenueText.Of(arr) : null),
            ("Owner", customer.Owner),
            ("Segment", customer.Segment),
            ("Also called", customer.Aliases.Count > 0 ? Listed(customer.Aliases, 10) : null),
        ];
        var known = facts.Where(f => f.Value is not null).ToList();
        var themes = string.Join(" · ", view.Themes.Select(t => $"{(t.Theme is null ? "untagged" : "#" + t.Theme)} {t.Signals}"));
        return Card(
        [
            Line(Bold(CardText.Shorten(customer.Name, ListNameLength)) with { Size = TextSize.Medium }),
            .. known.Select(f => Line(Bold(f.Label + ": "), Plain(CardText.Shorten(f.Value!, ListNameLength))) with { Spacing = Spacing.None }), // known: not null
            Line(Subtle(known.Count == 0 ? "No plan, revenue or owner known yet: the API's /api/v1/customers or a customers CSV adds them." : "")),
            Line(Bold(Count(view.Signals, "signal")), Plain(themes.Length == 0 ? "" : " · " + themes)) with { Separator = true },
            .. view.Newest.Take(room).SelectMany(q => QuoteBlock(q, separated: true)),
        ]);
    }
}
