using System.Reflection;
using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Views;

namespace CustomerPulseBot.Teams.Tests;

// The capture form, its confirmation and its refusal.
public sealed class CaptureCardTests
{
    private static readonly RenderedCard Prefilled = RenderedCard.Of(CardSamples.Typical["form: prefilled with errors"]);

    [Fact]
    public void NamesInputsWithTheCaptureFields()
    {
        var fields = typeof(CaptureField).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!);

        var card = RenderedCard.Of(CaptureFormView.Empty([]));

        var ids = card.Objects.Where(o => RenderedCard.TypeOf(o)?.StartsWith("Input.", StringComparison.Ordinal) == true).Select(o => (string)o["id"]!);
        Assert.Equal(fields.Order(), ids.Order());
    }

    [Fact]
    public void AsksForTheQuoteFirst_AsARequiredLabelledMultilineText()
    {
        var card = RenderedCard.Of(CaptureFormView.Empty([]));

        var quote = card.Objects.First(o => RenderedCard.TypeOf(o)?.StartsWith("Input.", StringComparison.Ordinal) == true);
        Assert.Equal(CaptureField.Quote, (string?)quote["id"]);
        Assert.Equal("Input.Text", RenderedCard.TypeOf(quote));
        Assert.True((bool?)quote["isRequired"]);
        Assert.True((bool?)quote["isMultiline"]);
        Assert.Equal(SignalVocabulary.MaxQuoteLength, (int?)quote["maxLength"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)quote["label"]));
        Assert.False(string.IsNullOrWhiteSpace((string?)quote["errorMessage"]));
    }

    [Theory]
    [InlineData(CaptureField.Quote, "Exports time out")]
    [InlineData(CaptureField.Customer, "Acme")]
    [InlineData(CaptureField.Segment, null)]
    [InlineData(CaptureField.Source, "call")]
    [InlineData(CaptureField.Kind, "request")]
    [InlineData(CaptureField.Stage, "onboard")]
    [InlineData(CaptureField.Themes, "export-timeouts, reporting")]
    [InlineData(CaptureField.Severity, "high")]
    [InlineData(CaptureField.EvidenceUrl, "ftp://x")]
    [InlineData(CaptureField.SaidOn, "2026-11-03")]
    public void PrefillsEachInputFromTheDraft(string field, string? expected)
    {
        var input = Prefilled.Input(field);

        Assert.Equal(expected, (string?)input["value"]);
    }

    [Theory]
    [InlineData(CaptureField.Kind, "pain")]
    [InlineData(CaptureField.Severity, "medium")]
    [InlineData(CaptureField.Segment, null)]
    [InlineData(CaptureField.Quote, null)]
    [InlineData(CaptureField.SaidOn, null)]
    public void PresetsTheDefaults_WhenTheDraftIsEmpty(string field, string? expected)
    {
        var card = RenderedCard.Of(CaptureFormView.Empty([]));

        Assert.Equal(expected, (string?)card.Input(field)["value"]);
    }

    [Theory]
    [InlineData("critical", "critical")]
    [InlineData("4", "critical")]
    [InlineData(" Low ", "low")]
    [InlineData("extreme", "medium")]
    public void PresetsSeverity_AsTheValidatorReadsIt(string typed, string expected)
    {
        var view = new CaptureFormView(new CaptureDraft("q", Severity: typed), [], []);

        var card = RenderedCard.Of(view);

        Assert.Equal(expected, (string?)card.Input(CaptureField.Severity)["value"]);
    }

    [Theory]
    [InlineData(CaptureField.Segment)]
    [InlineData(CaptureField.Source)]
    [InlineData(CaptureField.Kind)]
    [InlineData(CaptureField.Stage)]
    [InlineData(CaptureField.Severity)]
    public void OffersTheVocabularyAsChoices(string field)
    {
        var expected = field switch
        {
            CaptureField.Segment => SignalVocabulary.Segments,
            CaptureField.Source => SignalVocabulary.Sources,
            CaptureField.Kind => ["pain", "request", "praise", "question"],
            CaptureField.Stage => ["discover", "evaluate", "buy", "onboard", "use", "support", "renew"],
            _ => ["low", "medium", "high", "critical"],
        };

        var input = Prefilled.Input(field);

        Assert.Equal("Input.ChoiceSet", RenderedCard.TypeOf(input));
        Assert.Equal(expected, input["choices"]!.AsArray().Select(c => (string)c!["value"]!));
    }

    [Theory]
    [InlineData(CaptureField.Segment, "\"galaxy\" is not a segment I know.")]
    [InlineData(CaptureField.EvidenceUrl, "\"ftp://x\" is not a web link.")]
    public void ShowsEachFieldErrorInRedUnderItsInput(string field, string message)
    {
        var note = Prefilled.After(field);

        Assert.Equal("RichTextBlock", RenderedCard.TypeOf(note));
        Assert.Equal(message, RenderedCard.LineText(note));
        Assert.All(note["inlines"]!.AsArray(), run => Assert.Equal("Attention", (string?)run!["color"]));
    }

    [Fact]
    public void SaysNothingWasSaved_WhenTheFormHasErrors()
    {
        var withErrors = Prefilled.Lines.ToList();

        var clean = RenderedCard.Of(CaptureFormView.Empty([])).Lines.ToList();

        Assert.Contains("Nothing was saved yet: see the notes under the fields.", withErrors);
        Assert.DoesNotContain(clean, l => l.StartsWith("Nothing was saved", StringComparison.Ordinal));
    }

    [Fact]
    public void ListsKnownThemesUnderTheThemesInput_WhileAllowingNewOnes()
    {
        var themes = Prefilled.Input(CaptureField.Themes);

        var note = Prefilled.After(CaptureField.Themes);

        Assert.Equal("Input.Text", RenderedCard.TypeOf(themes));
        Assert.Equal("Known themes: export-timeouts, slow-dashboard", RenderedCard.LineText(note));
    }

    [Fact]
    public void SubmitsWithTheCaptureVerb_AndTheSameNameInItsData()
    {
        var action = Prefilled.Root["actions"]!.AsArray().Single()!.AsObject();

        Assert.Equal("Action.Execute", RenderedCard.TypeOf(action));
        Assert.Equal("captureSignal", (string?)action["verb"]);
        Assert.Equal("captureSignal", (string?)action["data"]?["action"]);
        Assert.Equal("https://teams.example/l/message/19:abc/1700000000000", (string?)action["data"]?["permalink"]);
    }

    [Fact]
    public void SendsNoPermalink_WhenTheFormWasNotStartedFromAMessage()
    {
        var card = RenderedCard.Of(CaptureFormView.Empty([]));

        var data = card.Root["actions"]![0]!["data"]!.AsObject();

        Assert.Equal(["action"], data.Select(p => p.Key));
    }

    [Theory]
    [MemberData(nameof(FullQuotes))]
    public void ShowsTheWholeQuote_WhenConfirmingACapture(string quote)
    {
        var view = new CaptureConfirmedView(CardSamples.Signal(quote), []);

        var card = RenderedCard.Of(view);

        Assert.Contains($"“{quote}”", card.RunTexts);
    }

    public static TheoryData<string> FullQuotes =>
    [
        CardSamples.Long(SignalVocabulary.MaxQuoteLength),
        new string('遅', SignalVocabulary.MaxQuoteLength),
        string.Concat(Enumerable.Repeat("Export 😀 fails. ", 300))[..SignalVocabulary.MaxQuoteLength],
        "Line one\nline two",
    ];

    [Fact]
    public void ConfirmsEveryFieldOfTheSignal_AndMarksNewThemes()
    {
        var card = RenderedCard.Of(CardSamples.Typical["confirmed"]);

        var lines = card.Lines.ToList();

        Assert.Contains("— Acme · buyer · call · pain · use · high severity · said 21 Nov 2026 · captured by Priya · evidence · recordings.example · message", lines);
        Assert.Contains("Themes: #export-timeouts (new), #reporting", lines);
    }

    [Fact]
    public void LinksTheEvidenceAndTheMessage()
    {
        var card = RenderedCard.Of(CardSamples.Typical["confirmed"]);

        var links = card.OfType("TextRun").Where(r => r["selectAction"] is not null).ToDictionary(r => (string)r["text"]!, r => r["selectAction"]!);

        Assert.Equal(["evidence · recordings.example", "message"], links.Keys);
        Assert.Equal("Action.OpenUrl", (string?)links["evidence · recordings.example"]["type"]);
        Assert.Equal("https://recordings.example/4881", (string?)links["evidence · recordings.example"]["url"]);
        Assert.Equal("https://teams.example/l/message/19:abc/1", (string?)links["message"]["url"]);
    }

    [Theory]
    [InlineData("https://bank.example@evil.example/login", "evidence · evil.example")]
    [InlineData("https://аpple.example/", "evidence · xn--pple-43d.example")]
    public void NamesWhereTheEvidenceLeads_InItsLinkText(string evidence, string text)
    {
        var view = new CaptureConfirmedView(CardSamples.Signal("q", evidence: evidence, permalink: null), []);

        var card = RenderedCard.Of(view);

        var link = Assert.Single(card.OfType("TextRun"), r => r["selectAction"] is not null);
        Assert.Equal(text, (string?)link["text"]);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("not a link")]
    public void LinksNothing_WhenTheEvidenceIsNotAWebAddress(string evidence)
    {
        var view = new CaptureConfirmedView(CardSamples.Signal("q", evidence: evidence, permalink: null), []);

        var card = RenderedCard.Of(view);

        Assert.DoesNotContain(card.Objects, o => o.ContainsKey("selectAction"));
        Assert.DoesNotContain(card.RunTexts, t => t.Contains(evidence, StringComparison.Ordinal));
    }

    [Fact]
    public void ListsTheErrorsInRed_AndCarriesTheTextBack_WhenACaptureIsRejected()
    {
        var view = (CaptureRejectedView)CardSamples.Typical["rejected"];

        var card = RenderedCard.Of(view);

        var runs = card.OfType("TextRun").ToList();
        Assert.Equal(view.Errors.Select(e => e.Message), runs.Where(r => (string?)r["color"] == "Attention").Select(r => (string?)r["text"]));
        var carried = Assert.Single(runs, r => (string?)r["fontType"] == "Monospace");
        Assert.Equal(view.OriginalText, (string?)carried["text"]);
    }
}
