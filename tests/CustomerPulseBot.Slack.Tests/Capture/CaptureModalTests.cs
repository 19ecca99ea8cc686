using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Views;
using CustomerPulseBot.Slack.Capture;
using CustomerPulseBot.Slack.Payloads;

namespace CustomerPulseBot.Slack.Tests.Capture;

public sealed class CaptureModalTests
{
    [Fact]
    public void GivesEveryCaptureFieldAnInputBlockNamedAfterIt_WhenRendered()
    {
        var form = new CaptureFormView(new CaptureDraft(""), ["slow-dashboard"], []);

        var view = CaptureModal.Render(form, new CaptureOrigin("C1"));

        var blockIds = view["blocks"]!.AsArray().Select(b => (string?)b!["block_id"]).OfType<string>().ToList();
        var fields = typeof(CaptureField).GetFields().Select(f => (string)f.GetValue(null)!);
        Assert.All(fields, f => Assert.Contains(f, blockIds));
        Assert.Contains(SlackIds.KnownThemes, blockIds);
        Assert.Equal(SlackIds.CaptureModal, (string?)view["callback_id"]);
        Assert.True(((string?)view["title"]!["text"])!.Length <= 24);
    }

    [Fact]
    public void PrefillsTheDraftAndCutsTheQuoteToTheInputLimit_WhenAMessageIsLong()
    {
        var draft = new CaptureDraft(new string('q', 3500), "Acme", "Buyer", Themes: ["slow-dashboard", "new-one"]);
        var form = new CaptureFormView(draft, ["slow-dashboard"], [], "https://example.slack.com/archives/C1/p1");

        var view = CaptureModal.Render(form, new CaptureOrigin("C1", "https://example.slack.com/archives/C1/p1", "Jane <Doe>"));

        var blocks = view["blocks"]!.AsArray();
        JsonNode Element(string id) => blocks.Single(b => (string?)b!["block_id"] == id)!["element"]!;
        Assert.Equal(3000, ((string?)Element(CaptureField.Quote)["initial_value"])!.Length);
        Assert.Equal("Acme", (string?)Element(CaptureField.Customer)["initial_value"]);
        Assert.Equal("buyer", (string?)Element(CaptureField.Segment)["initial_option"]!["value"]);
        Assert.Equal("slow-dashboard", (string?)Element(SlackIds.KnownThemes)["initial_options"]![0]!["value"]);
        Assert.Equal("new-one", (string?)Element(CaptureField.Themes)["initial_value"]);
        Assert.Contains("Jane &lt;Doe&gt;", blocks[0]!.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Equal(new CaptureOrigin("C1", "https://example.slack.com/archives/C1/p1", "Jane <Doe>"),
            CaptureOrigin.FromMetadata((string?)view["private_metadata"]));
    }

    [Fact]
    public void ReadsEveryInput_WhenTheModalIsSubmitted()
    {
        var state = JsonSerializer.Deserialize<ViewState>("""
            {"values": {
              "quote": {"quote": {"type": "plain_text_input", "value": "Exports time out"}},
              "customer": {"customer": {"type": "plain_text_input", "value": "Acme"}},
              "segment": {"segment": {"type": "static_select", "selected_option": {"value": "buyer"}}},
              "source": {"source": {"type": "static_select", "selected_option": null}},
              "kind": {"kind": {"type": "static_select", "selected_option": {"value": "request"}}},
              "known_themes": {"known_themes": {"type": "multi_static_select", "selected_options": [{"value": "slow-dashboard"}]}},
              "themes": {"themes": {"type": "plain_text_input", "value": "export-timeouts, sso"}},
              "severity": {"severity": {"type": "static_select", "selected_option": {"value": "critical"}}},
              "evidence": {"evidence": {"type": "plain_text_input", "value": "https://t.example/1"}},
              "said": {"said": {"type": "plain_text_input", "value": null}}
            }}
            """, SlackJson.Options)!;

        var draft = CaptureModal.Read(state);

        Assert.Equal(
            new CaptureDraft("Exports time out", "Acme", "buyer", null, "request", null, draft.Themes, "critical", "https://t.example/1", null),
            draft);
        Assert.Equal(["slow-dashboard", "export-timeouts", "sso"], draft.Themes);
    }

    [Fact]
    public void KeysEachErrorByItsInputBlock_WhenValidationFails()
    {
        var errors = new[]
        {
            new FieldError(CaptureField.Quote, "The quote is empty."),
            new FieldError(CaptureField.Themes, "\"a b\" cannot be a theme name."),
            new FieldError(CaptureField.Themes, "At most 10 themes."),
        };

        var answer = CaptureModal.Errors(errors);

        Assert.Equal("errors", (string?)answer["response_action"]);
        Assert.Equal("The quote is empty.", (string?)answer["errors"]![CaptureField.Quote]);
        Assert.Equal("\"a b\" cannot be a theme name. At most 10 themes.", (string?)answer["errors"]![CaptureField.Themes]);
    }
}
