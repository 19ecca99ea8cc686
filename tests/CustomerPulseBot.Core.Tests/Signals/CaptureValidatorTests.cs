using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Core.Tests.Signals;

public sealed class CaptureValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 15, 30, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static ChatContext Context() => new(
        new Workspace(WorkspaceId.New(), Platform.Playground, "demo", "Demo", DayOfWeek.Monday, "Europe/Berlin", Now),
        new ChatUser("U1", "Ada"),
        "C1",
        Berlin,
        "https://chat.example/archives/C1/p1");

    [Fact]
    public void BuildsTheSignal_WhenEveryFieldIsValid()
    {
        var context = Context();
        var draft = new CaptureDraft(
            "  Exporting the Q3 report timed out twice  ", " Acme Corp ", "Buyer", "CALL", "request", "renew",
            ["#Export Timeouts", "export-timeouts", "reporting"], "high", "https://tickets.example/T-1", "2026-11-20");

        var errors = CaptureValidator.Validate(draft, context, Now, out var signal, out _);

        Assert.Empty(errors);
        Assert.NotNull(signal);
        Assert.Equal("Exporting the Q3 report timed out twice", signal.Quote);
        Assert.Equal("Acme Corp", signal.Customer);
        Assert.Equal("buyer", signal.Segment);
        Assert.Equal("call", signal.Source);
        Assert.Equal(SignalKind.Request, signal.Kind);
        Assert.Equal(JourneyStage.Renew, signal.Stage);
        Assert.Equal(["export-timeouts", "reporting"], signal.Themes);
        Assert.Equal(Severity.High, signal.Severity);
        Assert.Equal("https://tickets.example/T-1", signal.EvidenceUrl);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.FromHours(1)), signal.SaidAt);
        Assert.Equal(Now, signal.CapturedAt);
        Assert.Equal(context.WorkspaceId, signal.WorkspaceId);
        Assert.Equal("C1", signal.CapturedIn);
        Assert.Equal(context.User, signal.CapturedBy);
        Assert.Equal("https://chat.example/archives/C1/p1", signal.SourcePermalink);
    }

    [Fact]
    public void UsesDefaults_WhenOnlyTheQuoteIsGiven()
    {
        var errors = CaptureValidator.Validate(new CaptureDraft("The dashboard is slow"), Context(), Now, out var signal, out _);

        Assert.Empty(errors);
        Assert.Equal(SignalKind.Pain, signal!.Kind);
        Assert.Equal(Severity.Medium, signal.Severity);
        Assert.Null(signal.Stage);
        Assert.Null(signal.Segment);
        Assert.Empty(signal.Themes);
        Assert.Equal(Now, signal.SaidAt);
    }

    [Theory]
    [InlineData("", null, null, null, null, null, CaptureField.Quote, "The quote is empty")]
    [InlineData("   \n ", null, null, null, null, null, CaptureField.Quote, "The quote is empty")]
    [InlineData("bell \u0007 inside", null, null, null, null, null, CaptureField.Quote, "control character (U+0007)")]
    [InlineData("ok", "Acme\u0000", null, null, null, null, CaptureField.Customer, "control character (U+0000)")]
    [InlineData("ok", null, "whale", null, null, null, CaptureField.Segment, "\"whale\" is not a segment I know. Use one of: buyer, user,")]
    [InlineData("ok", null, null, "pigeon", null, null, CaptureField.Source, "\"pigeon\" is not a source I know")]
    [InlineData("ok", null, null, null, "rant", null, CaptureField.Kind, "\"rant\" is not a kind I know. Use one of: pain, request, praise, question.")]
    [InlineData("ok", null, null, null, "7", null, CaptureField.Kind, "\"7\" is not a kind I know")]
    [InlineData("ok", null, null, null, null, "2026-02-30", CaptureField.SaidOn, "2026-02-30 is not a real date.")]
    [InlineData("ok", null, null, null, null, "31 April 2026", CaptureField.SaidOn, "31 April 2026 is not a real date.")]
    [InlineData("ok", null, null, null, null, "11/3", CaptureField.SaidOn, "ambiguous")]
    [InlineData("ok", null, null, null, null, "2026-12-01", CaptureField.SaidOn, "in the future")]
    public void RefusesWithAFieldError_WhenAFieldIsInvalid(
        string quote, string? customer, string? segment, string? source, string? kind, string? said, string field, string message)
    {
        var draft = new CaptureDraft(quote, customer, segment, source, kind, SaidOn: said);

        var errors = CaptureValidator.Validate(draft, Context(), Now, out var signal, out _);

        Assert.Null(signal);
        var error = Assert.Single(errors);
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void RefusesAQuoteOver4000Characters_SayingHowLongItIs()
    {
        var errors = CaptureValidator.Validate(new CaptureDraft(new string('a', 4001)), Context(), Now, out var signal, out _);

        Assert.Null(signal);
        Assert.Equal("The quote is 4,001 characters long; the limit is 4,000. Keep the part that matters and link the rest as evidence.",
            Assert.Single(errors).Message);
    }

    [Fact]
    public void AcceptsAQuoteOfExactly4000Characters()
    {
        var errors = CaptureValidator.Validate(new CaptureDraft(new string('a', 4000)), Context(), Now, out var signal, out _);

        Assert.Empty(errors);
        Assert.Equal(4000, signal!.Quote.Length);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://files.example/x")]
    [InlineData("not a link")]
    public void RefusesEvidenceThatIsNotAWebLink(string link)
    {
        var errors = CaptureValidator.Validate(new CaptureDraft("ok", EvidenceUrl: link), Context(), Now, out _, out _);

        Assert.Equal(CaptureField.EvidenceUrl, Assert.Single(errors).Field);
    }

    [Fact]
    public void ReportsEveryBadField_WhenSeveralAreWrong()
    {
        var draft = new CaptureDraft("", Segment: "whale", Severity: "apocalyptic", Themes: ["###"]);

        var errors = CaptureValidator.Validate(draft, Context(), Now, out _, out _);

        Assert.Equal([CaptureField.Quote, CaptureField.Segment, CaptureField.Severity, CaptureField.Themes], errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData("1", Severity.Low)]
    [InlineData("4", Severity.Critical)]
    [InlineData("Critical", Severity.Critical)]
    public void ReadsSeverity_AsWordOrNumber(string raw, Severity expected)
    {
        CaptureValidator.Validate(new CaptureDraft("ok", Severity: raw), Context(), Now, out var signal, out _);

        Assert.Equal(expected, signal!.Severity);
    }

    [Theory]
    [InlineData("whale", null, null, null, null, null, CaptureField.Segment, "Saved without it; use Edit to add it.")]
    [InlineData(null, "pigeon", null, null, null, null, CaptureField.Source, "Saved without it; use Edit to add it.")]
    [InlineData(null, null, "rant", null, null, null, CaptureField.Kind, "Saved as a pain; use Edit to change it.")]
    [InlineData(null, null, null, "afterlife", null, null, CaptureField.Stage, "Saved without it; use Edit to add it.")]
    [InlineData(null, null, null, null, "apocalyptic", null, CaptureField.Severity, "Saved as medium; use Edit to change it.")]
    [InlineData(null, null, null, null, null, "2026-02-30", CaptureField.SaidOn, "Saved as said today; use Edit to set the day.")]
    [InlineData(null, null, null, null, null, "2026-12-01", CaptureField.SaidOn, "Saved as said today; use Edit to set the day.")]
    public void KeepsAOneLineCaptureWithoutTheField_WhenAFieldThatCanBeDroppedIsUnreadable(
        string? segment, string? source, string? kind, string? stage, string? severity, string? said, string field, string fix)
    {
        var draft = new CaptureDraft("Exports time out", "Acme", segment, source, kind, stage, ["exports"], severity, SaidOn: said);

        var errors = CaptureValidator.ValidateLine(draft, Context(), Now, out var signal, out var leftOut, out _);

        Assert.Empty(errors);
        Assert.NotNull(signal);
        Assert.Equal(("Exports time out", "Acme"), (signal.Quote, signal.Customer));
        Assert.Equal(["exports"], signal.Themes);
        Assert.Equal((null, null, SignalKind.Pain, null, Severity.Medium, Now),
            (signal.Segment, signal.Source, signal.Kind, signal.Stage, signal.Severity, signal.SaidAt));
        var left = Assert.Single(leftOut);
        Assert.Equal(field, left.Field);
        Assert.EndsWith(fix, left.Message);
    }

    [Fact]
    public void KeepsTheReadableFields_WhenOnlySomeFieldsOfAOneLineCaptureAreUnreadable()
    {
        var draft = new CaptureDraft("SSO broke", Segment: "whale", Source: "call", Stage: "onboard", Severity: "4");

        CaptureValidator.ValidateLine(draft, Context(), Now, out var signal, out var leftOut, out _);

        Assert.Equal((null, "call", JourneyStage.Onboard, Severity.Critical), (signal!.Segment, signal.Source, signal.Stage, signal.Severity));
        Assert.Equal([CaptureField.Segment], leftOut.Select(e => e.Field));
    }

    [Theory]
    [InlineData("", null, null, CaptureField.Quote)]
    [InlineData("ok", "###", null, CaptureField.Themes)]
    [InlineData("ok", null, "not a link", CaptureField.EvidenceUrl)]
    public void RefusesAOneLineCapture_WhenTheQuoteThemesOrLinkAreWrong_ListingEveryError(string quote, string? theme, string? link, string field)
    {
        var draft = new CaptureDraft(quote, Segment: "whale", Themes: theme is null ? null : [theme], EvidenceUrl: link);

        var errors = CaptureValidator.ValidateLine(draft, Context(), Now, out var signal, out var leftOut, out _);

        Assert.Null(signal);
        Assert.Empty(leftOut);
        Assert.Equal(new[] { field, CaptureField.Segment }.Order(), errors.Select(e => e.Field).Order());
    }

    [Fact]
    public void RefusesAFormWithAnUnknownSegment_SoThePersonFixesItInPlace()
    {
        var errors = CaptureValidator.Validate(new CaptureDraft("ok", Segment: "whale"), Context(), Now, out var signal, out _);

        Assert.Null(signal);
        Assert.Equal(CaptureField.Segment, Assert.Single(errors).Field);
    }

    [Fact]
    public void NamesTheSeverityWordsAndNumbers_WhenTheSeverityIsUnknown()
    {
        var errors = CaptureValidator.Validate(new CaptureDraft("ok", Severity: "7"), Context(), Now, out _, out _);

        Assert.Equal(
            "\"7\" is not a severity I know. Use one of: low, medium, high, critical, or 1 to 4 (1 low, 4 critical).",
            Assert.Single(errors).Message);
    }

    [Fact]
    public void MasksPersonalData_InTheQuoteCustomerAndEvidenceLink_WhenTheWorkspaceMasks()
    {
        var draft = new CaptureDraft(
            "Refund to DE23 7969 6836 1394 5563 88, call +49 30 1234567", "Jo <jo@shop.example.de>",
            EvidenceUrl: "https://files.example.com/x?token=ghp_c2jDmt9qrnRBBtGaprBPhLERW0CbvaQqrpxC");

        var errors = CaptureValidator.Validate(draft, Context(), Now, out var signal, out var masked);

        Assert.Empty(errors);
        Assert.Equal(("Refund to [iban], call [phone]", "Jo <[email]>"), (signal!.Quote, signal.Customer));
        Assert.Equal("https://files.example.com/x?token=[secret]", signal.EvidenceUrl);
        Assert.Equal(new PersonalDataFound(Emails: 1, Phones: 1, Ibans: 1, Secrets: 1), masked);
    }

    [Fact]
    public void MasksTheOneLineCapture_AsItMasksAForm()
    {
        var draft = new CaptureDraft("Card 4847 7326 4415 8229 charged twice", Kind: "rant");

        CaptureValidator.ValidateLine(draft, Context(), Now, out var signal, out var leftOut, out var masked);

        Assert.Equal("Card [card] charged twice", signal!.Quote);
        Assert.Single(leftOut);
        Assert.Equal(new PersonalDataFound(Cards: 1), masked);
    }

    [Fact]
    public void KeepsTheTextAsTyped_WhenTheWorkspaceDoesNotMask()
    {
        var context = Context();
        context = context with { Workspace = context.Workspace with { Redact = false } };

        CaptureValidator.Validate(new CaptureDraft("Mail jo@shop.example.de", "jo@shop.example.de"), context, Now, out var signal, out var masked);

        Assert.Equal(("Mail jo@shop.example.de", "jo@shop.example.de"), (signal!.Quote, signal.Customer));
        Assert.Equal(PersonalDataFound.None, masked);
    }
}
