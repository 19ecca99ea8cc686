using System.Globalization;
using System.Text.Json.Nodes;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Slack.BlockKit;

// API keys, export links and customer profiles. A secret goes into blocks only, never into the message's text, which
// Slack shows in notifications.
internal static partial class BlockKitRenderer
{
    private static Layout ApiKeyCreated(ApiKeyCreatedView v)
    {
        var key = v.Key;
        var name = SlackText.Escape(key.Name);
        return new($"API key {key.Name} created ({Word(key.Scope)}): copy it from this message now",
            [
                Block.Header("API key created"),
                Block.Section($"*{name}* · {Word(key.Scope)} · shown this once, copy it now:\n```{SlackText.Escape(v.Secret)}```"),
                Block.Section($"Try it (`$PULSE_URL` is the bot's public address):\n```{SlackText.Escape(v.Curl)}```"),
                Block.Context($"Stored hashed: nobody can show it again. `/pulse api-key revoke {name}` stops it."),
            ]);
    }

    private static Layout ApiKeyList(ApiKeysView v)
    {
        const string title = "API keys";
        if (v.Keys.Count == 0)
        {
            return new($"{title}: none", [Block.Header(title), Block.Section("No key works here yet. `/pulse api-key create` makes one, shown to you alone.")]);
        }

        var items = v.Keys
            .Select(k => (IReadOnlyList<JsonObject>)
            [
                Block.Section($"*{SlackText.Escape(k.Name)}* · {Word(k.Scope)} · …{SlackText.Escape(k.Hint)} · created by {SlackText.Escape(k.CreatedBy)} on "
                    + Zones.DayOf(k.CreatedAt, v.Zone).ToString("d MMM yyyy", CultureInfo.InvariantCulture)),
            ])
            .ToList();
        return new($"{title}: {string.Join(", ", v.Keys.Select(k => $"{k.Name} ({Word(k.Scope)})"))}",
            [Block.Header(title), Block.Context($"{Count(v.Keys.Count, "working key")} · `/pulse api-key revoke <name>` stops one")], items, "keys");
    }

    private static Layout ExportLink(ExportLinkView v)
    {
        var what = $"{Count(v.Signals, "signal")} {SlackText.Escape(v.PeriodLabel)}{(v.Theme is { } theme ? " in #" + SlackText.Escape(theme) : "")}";
        return new($"CSV export ready: {Count(v.Signals, "signal")} {v.PeriodLabel}",
            [
                Block.Header("CSV export ready"),
                Block.Section($"{Link(v.Link.AbsoluteUri, "Download the CSV")} · {what}"),
                Block.Context($"For you alone: the link works once, within {v.Lifetime.TotalMinutes:0} minutes{(v.Dates is { } dates ? " · " + SlackText.Escape(dates) : "")}"),
            ]);
    }

    private static Layout Profile(CustomerProfileView v)
    {
        var customer = v.Customer;
        var facts = new List<string>();
        Add("Plan", customer.Plan);
        Add("ARR", customer.Arr is { } arr ? RevenueText.Of(arr) : null);
        Add("Owner", customer.Owner);
        Add("Segment", customer.Segment);
        Add("Also called", customer.Aliases.Count > 0 ? string.Join(", ", customer.Aliases) : null);
        // A header is plain text, which escaping cannot make inert: the name, typed by anyone, goes in a section.
        var head = new List<JsonObject> { Block.Header("Customer"), Block.Section($"*{SlackText.Escape(customer.Name)}*") };
        head.Add(facts.Count > 0
            ? Block.Fields(facts)
            : Block.Context("No plan, revenue or owner known yet: the API's /api/v1/customers or a customers CSV adds them."));
        var themes = v.Themes.Select(t => $"{(t.Theme is null ? "untagged" : "#" + SlackText.Escape(t.Theme))} {t.Signals}");
        head.Add(Block.Section($"*{Count(v.Signals, "signal")}*{(v.Themes.Count > 0 ? " · " + string.Join(" · ", themes) : "")}"));
        var items = v.Newest.Select(s => (IReadOnlyList<JsonObject>)[.. Quote(s)]).ToList();
        return new($"{customer.Name}: {Count(v.Signals, "signal")}", head, items, "quotes");

        void Add(string label, string? value)
        {
            if (value is not null)
            {
                facts.Add($"*{label}:* {SlackText.Escape(value)}");
            }
        }
    }

    private static string Word<TEnum>(TEnum value) where TEnum : struct, Enum => value.ToString().ToLowerInvariant();
}
