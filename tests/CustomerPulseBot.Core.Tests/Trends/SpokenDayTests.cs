using CustomerPulseBot.Core.Trends;

namespace CustomerPulseBot.Core.Tests.Trends;

/// <summary>The day a customer said something, as people write it, seen from Monday 23 Nov 2026.</summary>
public sealed class SpokenDayTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("today", 2026, 11, 23)]
    [InlineData("Yesterday", 2026, 11, 22)]
    [InlineData("friday", 2026, 11, 20)]
    [InlineData("Monday", 2026, 11, 23)]
    [InlineData("on Tuesday", 2026, 11, 17)]
    [InlineData("last Friday", 2026, 11, 20)]
    [InlineData("last monday", 2026, 11, 16)]
    [InlineData("Last Fri.", 2026, 11, 20)]
    [InlineData("3 days ago", 2026, 11, 20)]
    [InlineData("a day ago", 2026, 11, 22)]
    [InlineData("two weeks ago", 2026, 11, 9)]
    [InlineData("a week ago", 2026, 11, 16)]
    [InlineData("a month ago", 2026, 10, 23)]
    [InlineData("3 months ago", 2026, 8, 23)]
    [InlineData("3 Nov", 2026, 11, 3)]
    [InlineData("24 Nov", 2025, 11, 24)]
    [InlineData("2026-11-03", 2026, 11, 3)]
    public void ReadsTheDay_WhenTheTextNamesOneRelativeToToday(string text, int year, int month, int day)
    {
        var read = SpokenDay.Read(text, Today);

        Assert.Equal(new DateOnly(year, month, day), read);
    }

    [Theory]
    [InlineData("someday")]
    [InlineData("next friday")]
    [InlineData("3 days")]
    [InlineData("ago")]
    [InlineData("0 days ago")]
    [InlineData("last week")]
    [InlineData("friday afternoon")]
    [InlineData("")]
    public void ReadsNoDay_WhenTheTextNamesNone(string text)
    {
        var read = SpokenDay.Read(text, Today);

        Assert.Null(read);
    }

    [Theory]
    [InlineData("someday", "\"someday\" is not a date I can read: write it as 2026-11-03 or 3 Nov 2026, or say yesterday, last Friday or 3 days ago.")]
    [InlineData("2026-02-30", "2026-02-30 is not a real date.")]
    [InlineData("11/3", "\"11/3\" is ambiguous: write it as 2026-11-03 or 3 Nov 2026.")]
    public void SaysWhatIsWrong_WhenTheTextNamesNoDay(string text, string problem)
    {
        var ok = SpokenDay.TryRead(text, Today, out _, out var said);

        Assert.False(ok);
        Assert.Equal(problem, said);
    }
}
