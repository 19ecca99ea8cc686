using CustomerPulseBot.Core.Commands;

namespace CustomerPulseBot.Core.Tests.Commands;

public sealed class CommandHelpTests
{
    public static TheoryData<string, string> Examples
    {
        get
        {
            var examples = new TheoryData<string, string>();
            foreach (var usage in CommandHelp.Usages)
            {
                examples.Add(usage.Help.Example, usage.Command.Name);
            }

            return examples;
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void ParsesToTheCommandItDocuments_ForEveryHelpExample(string example, string command)
    {
        var parsed = CommandParser.Parse(example, CommandParserTests.Today, DayOfWeek.Monday);

        Assert.Equal(command, parsed.GetType().Name);
    }

    [Fact]
    public void DocumentsEveryCommandTheParserProduces()
    {
        var commands = typeof(Command).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Command)) && t != typeof(NotUnderstoodCommand))
            .Select(t => t.Name)
            .Order();

        var documented = CommandHelp.Usages.Select(u => u.Command.Name).Distinct().Order();

        Assert.Equal(commands, documented);
    }

    [Theory]
    [InlineData("trends", "trends [period] [segment:…] [#theme] [customer:…]")]
    [InlineData("export", "export <period> [#theme]")]
    [InlineData("theme merge", "theme merge <from> <into>")]
    public void ShowsOneTopic_WhenHelpNamesIt(string topic, string usage)
    {
        var entries = CommandHelp.For(topic);

        Assert.Equal(usage, Assert.Single(entries).Usage);
    }

    [Fact]
    public void DocumentsEveryKindOfAnswer_WhenHelpNamesQuestions()
    {
        var documented = CommandHelp.Usages.Where(u => u.Topic == "questions").Select(u => u.Command.Name).Distinct().Order();

        Assert.Equal(
            ["CountCommand", "CustomersCommand", "JourneyCommand", "SearchCommand", "ShippedCommand", "SummaryCommand", "TopCommand", "TrendsCommand"],
            documented);
        Assert.Equal(CommandHelp.For("questions"), CommandHelp.For("question"));
    }

    [Fact]
    public void ShowsEveryThemeEntry_WhenHelpNamesTheme()
    {
        var entries = CommandHelp.For("theme");

        Assert.Equal(["theme merge <from> <into>", "theme rename <from> <to>", "theme ship <theme> [note]"], entries.Select(e => e.Usage));
    }

    [Fact]
    public void ShowsTheAdminsEntries_WhenHelpNamesAdmins()
    {
        var entries = CommandHelp.For("admins");

        Assert.Equal(["admins", "admins add @name", "admins remove @name"], entries.Select(e => e.Usage));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("banana")]
    public void ShowsEveryEntry_WhenTheTopicIsMissingOrUnknown(string? topic)
    {
        var entries = CommandHelp.For(topic);

        Assert.Equal(CommandHelp.Entries, entries);
    }
}
