using System.Text;
using CustomerPulseBot.Core.Commands;

namespace CustomerPulseBot.Core.Tests.Commands;

/// <summary>Whatever arrives, the parser answers with a command and keeps the text.</summary>
public sealed class CommandParserRobustnessTests
{
    private static readonly string[] Fragments =
    [
        "top", "trends", "search", "theme", "themes", "merge", "ship", "digest", "daily", "weekly", "help", "capture",
        "since", "between", "and", "from", "to", "last", "past", "this", "in", "may", "3", "Nov", "2026", "2026-02-30",
        "11/3", "0", "99999999999", "days", "weeks", "months", "segment:", "segment:whale", "customer:\"", "said:",
        "said:3", "#", "#a", "##", "C#", "https://", "<https://x|", "<", ">", "\"", "“", "”", "'", "?", ":", "/pulse",
        "\u0000", "\u0007", "\u200B", "\t", "\n", "  ", "9am", "25:00", "Europe/Berlin", "Nowhere/City", "mon", "é", "😀",
        "undo", "delete", "edit", "customer", "merge", "into", "what", "how", "many", "who", "which", "customers", "Q3", "q9",
        "recently", "right", "now", "wk", "#1", "#0", "top-3", "three", "biggest", "excluding", "not", "non-internal", "from",
        "Acme's", "Acme", "did", "say", "since", "we", "shipped", "—", "–", "-", "summarize", "journey", "where", "said:3",
        "said:last", "ago", "days", "0193f2a1", "abcdef", "12ab", "\"Acme Corp\"",
    ];

    public static TheoryData<string> NastyInputs => new()
    {
        "",
        " \t\r\n ",
        new string('x', 10_000),
        string.Join(' ', Enumerable.Repeat("top", 5_000)),
        "top " + string.Join(' ', Enumerable.Repeat("since", 3_000)),
        "\u0000\u0001top\u0007 since \u001b[31m",
        "\"unbalanced quote",
        "customer:\"Acme Corp",
        "segment:",
        "top segment:",
        "segment: enterprise",
        "#",
        "<https://no-end",
        "theme ship \"",
        "search \"",
        "digest weekly 9 am",
        "/pulse /pulse",
        "\u200B",
        "since 29 Feb",
        "top since 9999-12-31",
        "top last 99999999999 days",
        "trends between 2100-12-31 and 2100-12-31",
        "said:",
        "said:3 Nov 2026 said:4 Nov 2026",
    };

    [Theory]
    [MemberData(nameof(NastyInputs))]
    public void AnswersWithACommand_WhenTheInputIsNasty(string text)
    {
        var command = CommandParser.Parse(text, CommandParserTests.Today, DayOfWeek.Monday);

        Assert.NotNull(command);
        if (command is NotUnderstoodCommand notUnderstood)
        {
            Assert.Equal(text, notUnderstood.Text);
        }
    }

    [Fact]
    public void OpensTheForm_WhenTheTextIsNull()
    {
        var command = CommandParser.Parse(null!, CommandParserTests.Today, DayOfWeek.Monday);

        Assert.IsType<OpenCaptureFormCommand>(command);
    }

    [Fact]
    public void NeverThrows_WhenFragmentsAreShuffledTogether()
    {
        var random = new Random(20261123);
        var inputs = Enumerable.Range(0, 3_000).Select(_ =>
        {
            var text = new StringBuilder();
            for (var i = random.Next(1, 9); i > 0; i--)
            {
                text.Append(Fragments[random.Next(Fragments.Length)]).Append(random.Next(4) == 0 ? "" : " ");
            }

            return text.ToString();
        }).ToList();

        var failures = inputs
            .Select(text => (text, error: Record.Exception(() => CommandParser.Parse(text, CommandParserTests.Today, DayOfWeek.Monday))))
            .Where(r => r.error is not null)
            .Select(r => $"{r.text}: {r.error!.GetType().Name} {r.error.Message}")
            .ToList();

        Assert.Empty(failures);
    }
}
