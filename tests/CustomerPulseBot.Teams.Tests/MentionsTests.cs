using CustomerPulseBot.Teams.Activities;

namespace CustomerPulseBot.Teams.Tests;

public sealed class MentionsTests
{
    private const string Bot = "28:bot-app-id";

    [Theory]
    [InlineData("<at>Pulse</at> top this week", "<at>Pulse</at>", Bot, "top this week")]
    [InlineData("top <AT>pulse</AT> this week", "<at>Pulse</at>", Bot, "top  this week")]
    [InlineData("<at>Pulse Bot</at>   help  ", null, Bot, "help")]
    [InlineData("<at>Pulse</at> help", "<at>Pulse</at>", "29:someone-else", "<at>Pulse</at> help")]
    [InlineData("<at>Bo</at> said exports are slow", "<at>Bo</at>", "29:bo", "<at>Bo</at> said exports are slow")]
    [InlineData("help", null, null, "help")]
    public void StripsOnlyTheBotsMention_FromTheEntitiesNotTheMarkup(string text, string? entityText, string? mentionedId, string expected)
    {
        var activity = new Activity
        {
            Text = text,
            Recipient = new ChannelAccount(Bot, "Pulse"),
            Entities = mentionedId is null ? null : [new Entity("mention", entityText, new ChannelAccount(mentionedId, "Pulse Bot"))],
        };

        var stripped = Mentions.TextWithoutBot(activity);

        Assert.Equal(expected, stripped);
    }
}
