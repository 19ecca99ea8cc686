using System.Text.Json.Nodes;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Slack.BlockKit;
using CustomerPulseBot.Slack.Payloads;

namespace CustomerPulseBot.Slack.Capture;

/// <summary>
/// The capture form as a Slack modal, and back: each input's block id and action id is its
/// <see cref="CaptureField"/> name, so Core's field errors land under the right input (reference 3.4).
/// </summary>
internal static class CaptureModal
{
    /// <summary>plain_text_input holds at most 3,000 characters (reference section 7), below Core's quote limit.</summary>
    private const int MaxInput = 3000;
    private const int MaxOptions = 100;

    public static JsonObject Render(CaptureFormView form, CaptureOrigin origin)
    {
        var draft = form.Draft;
        var blocks = new List<JsonObject>();
        if (form.SourcePermalink is not null || origin.Author is not null)
        {
            var from = origin.Author is null ? "From a message" : $"From a message by {SlackText.Escape(origin.Author)}";
            blocks.Add(Block.Context(form.SourcePermalink is null ? from : $"{from} · <{SlackText.Escape(form.SourcePermalink)}|open it>"));
        }

        blocks.Add(Input(CaptureField.Quote, "Verbatim quote", TextInput(CaptureField.Quote, draft.Quote, multiline: true), optional: false,
            hint: "The customer's own words."));
        blocks.Add(Input(CaptureField.Customer, "Customer", TextInput(CaptureField.Customer, draft.Customer, placeholder: "Account name, e.g. Acme")));
        blocks.Add(Input(CaptureField.Segment, "Segment", Select(CaptureField.Segment, SignalVocabulary.Segments, draft.Segment)));
        blocks.Add(Input(CaptureField.Source, "Source", Select(CaptureField.Source, SignalVocabulary.Sources, draft.Source)));
        blocks.Add(Input(CaptureField.Kind, "Kind", Select(CaptureField.Kind, Names<SignalKind>(), draft.Kind ?? "pain")));
        blocks.Add(Input(CaptureField.Stage, "Journey stage", Select(CaptureField.Stage, Names<JourneyStage>(), draft.Stage)));
        var known = form.KnownThemes.Take(MaxOptions).ToList();
        var chosen = (draft.Themes ?? []).Where(known.Contains).ToList();
        if (known.Count > 0)
        {
            blocks.Add(Input(SlackIds.KnownThemes, "Themes", MultiSelect(SlackIds.KnownThemes, known, chosen)));
        }

        var typed = string.Join(" ", (draft.Themes ?? []).Except(chosen));
        blocks.Add(Input(CaptureField.Themes, known.Count > 0 ? "New themes" : "Themes",
            TextInput(CaptureField.Themes, typed, placeholder: "slow-dashboard export-timeouts"), hint: "Separate names with spaces or commas."));
        blocks.Add(Input(CaptureField.Severity, "Severity", Select(CaptureField.Severity, Names<Severity>(), draft.Severity ?? "medium")));
        blocks.Add(Input(CaptureField.EvidenceUrl, "Evidence link", TextInput(CaptureField.EvidenceUrl, draft.EvidenceUrl, placeholder: "https://…")));
        blocks.Add(Input(CaptureField.SaidOn, "Said on", TextInput(CaptureField.SaidOn, draft.SaidOn, placeholder: "today, or e.g. 3 Nov")));

        return new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = SlackIds.CaptureModal,
            ["title"] = Block.Plain(form.Editing is null ? "Save customer signal" : "Edit customer signal"),
            ["submit"] = Block.Plain("Save"),
            ["close"] = Block.Plain("Cancel"),
            ["private_metadata"] = (origin with { Editing = form.Editing }).ToMetadata(),
            ["blocks"] = new JsonArray([.. blocks]),
        };
    }

    public static CaptureDraft Read(ViewState state)
    {
        string? Text(string field) => Value(state, field)?.Value;
        string? Choice(string field) => Value(state, field)?.SelectedOption?.Value;
        var themes = (Value(state, SlackIds.KnownThemes)?.SelectedOptions ?? []).Select(o => o.Value)
            .Concat((Text(CaptureField.Themes) ?? "").Split([' ', ',', '\n'], StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        return new CaptureDraft(
            Text(CaptureField.Quote) ?? "",
            Text(CaptureField.Customer),
            Choice(CaptureField.Segment),
            Choice(CaptureField.Source),
            Choice(CaptureField.Kind),
            Choice(CaptureField.Stage),
            themes,
            Choice(CaptureField.Severity),
            Text(CaptureField.EvidenceUrl),
            Text(CaptureField.SaidOn));
    }

    /// <summary>The view_submission answer that keeps the modal open with each message under its input.</summary>
    public static JsonObject Errors(IReadOnlyList<FieldError> errors) => new()
    {
        ["response_action"] = "errors",
        ["errors"] = new JsonObject(errors
            .GroupBy(e => e.Field)
            .Select(g => KeyValuePair.Create(g.Key, (JsonNode?)string.Join(" ", g.Select(e => e.Message))))),
    };

    private static InputValue? Value(ViewState state, string field) =>
        state.Values.TryGetValue(field, out var actions) && actions.TryGetValue(field, out var value) ? value : null;

    private static JsonObject Input(string field, string label, JsonObject element, bool optional = true, string? hint = null)
    {
        var block = new JsonObject
        {
            ["type"] = "input",
            ["block_id"] = field,
            ["optional"] = optional,
            ["label"] = Block.Plain(label),
            ["element"] = element,
        };
        if (hint is not null)
        {
            block["hint"] = Block.Plain(hint);
        }

        return block;
    }

    private static JsonObject TextInput(string field, string? value, bool multiline = false, string? placeholder = null)
    {
        var element = new JsonObject { ["type"] = "plain_text_input", ["action_id"] = field, ["multiline"] = multiline, ["max_length"] = MaxInput };
        if (!string.IsNullOrEmpty(value))
        {
            element["initial_value"] = value.Length <= MaxInput ? value : value[..MaxInput];
        }

        if (placeholder is not null)
        {
            element["placeholder"] = Block.Plain(placeholder);
        }

        return element;
    }

    private static JsonObject Select(string field, IReadOnlyList<string> values, string? initial)
    {
        var element = new JsonObject { ["type"] = "static_select", ["action_id"] = field, ["options"] = Options(values) };
        var match = values.FirstOrDefault(v => string.Equals(v, initial?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (match is not null)
        {
            element["initial_option"] = Option(match);
        }

        return element;
    }

    private static JsonObject MultiSelect(string field, IReadOnlyList<string> values, IReadOnlyList<string> chosen)
    {
        var element = new JsonObject { ["type"] = "multi_static_select", ["action_id"] = field, ["options"] = Options(values) };
        if (chosen.Count > 0)
        {
            element["initial_options"] = Options(chosen);
        }

        return element;
    }

    private static JsonArray Options(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)Option(v))]);

    /// <summary>Option text and value hold at most 75 characters; ours are vocabulary words and theme names (at most 60).</summary>
    private static JsonObject Option(string value) => new() { ["text"] = Block.Plain(value), ["value"] = value };

    private static IReadOnlyList<string> Names<TEnum>() where TEnum : struct, Enum =>
        Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()).ToList();
}
