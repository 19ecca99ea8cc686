using CustomerPulseBot.Core.Signals;
using CustomerPulseBot.Core.Workspaces;

namespace CustomerPulseBot.Core.Tests.Signals;

/// <summary>"said:" as people write it, and the severity reply, on Monday 23 Nov 2026 in Berlin.</summary>
public sealed class CaptureSaidOnTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 15, 30, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);

    private static ChatContext Context() => new(
        new Workspace(WorkspaceId.New(), Platform.Playground, "demo", "Demo", DayOfWeek.Monday, "Europe/Berlin", Now),
        new ChatUser("U1", "Ada"),
        "C1",
        Berlin,
        null);

    [Theory]
    [InlineData("yesterday", 22)]
    [InlineData("last Friday", 20)]
    [InlineData("3 days ago", 20)]
    [InlineData("wednesday", 18)]
    [InlineData("a week ago", 16)]
    public void DatesTheSignalAtThatDaysStart_WhenSaidIsRelativeToToday(string said, int day)
    {
        var errors = CaptureValidator.Validate(new CaptureDraft("The export failed", SaidOn: said), Context(), Now, out var signal, out _);

        Assert.Empty(errors);
        Assert.Equal(new DateTimeOffset(2026, 11, day, 0, 0, 0, Winter), signal!.SaidAt);
    }

    [Fact]
    public void DatesTheSignalNow_WhenSaidIsToday()
    {
        var errors = CaptureValidator.Validate(new CaptureDraft("The export failed", SaidOn: "today"), Context(), Now, out var signal, out _);

        Assert.Empty(errors);
        Assert.Equal(Now, signal!.SaidAt);
    }

    [Fact]
    public void SaysWhichWordsItReads_WhenSaidIsUnreadable()
    {
        var errors = CaptureValidator.Validate(new CaptureDraft("The export failed", SaidOn: "the other day"), Context(), Now, out _, out _);

        var error = Assert.Single(errors, e => e.Field == CaptureField.SaidOn);
        Assert.Equal("\"the other day\" is not a date I can read: write it as 2026-11-03 or 3 Nov 2026, or say yesterday, last Friday or 3 days ago.", error.Message);
    }

    [Theory]
    [InlineData("apocalyptic")]
    [InlineData("5")]
    [InlineData("0")]
    public void NamesBothTheWordsAndTheNumbers_WhenSeverityIsUnknown(string severity)
    {
        var errors = CaptureValidator.Validate(new CaptureDraft("The export failed", Severity: severity), Context(), Now, out _, out _);

        var error = Assert.Single(errors, e => e.Field == CaptureField.Severity);
        Assert.Equal($"\"{severity}\" is not a severity I know. Use one of: low, medium, high, critical, or 1 to 4 (1 low, 4 critical).", error.Message);
    }
}
