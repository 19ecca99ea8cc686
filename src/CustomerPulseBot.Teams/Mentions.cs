using CustomerPulseBot.Teams.Activities;

namespace CustomerPulseBot.Teams;

// The bot's own @mention, removed the way the Bot Framework SDK does before the text is parsed
// (teams-bot-framework.md, section 1 "Mentions"): only mention entities naming the bot, never markup alone.
internal static class Mentions
{
    public static string TextWithoutBot(Activity activity)
    {
        var text = activity.Text ?? "";
        foreach (var mention in activity.Entities?.OfType<Entity>() ?? [])
        {
            if (string.Equals(mention.Type, "mention", StringComparison.OrdinalIgnoreCase)
                && mention.Mentioned?.Id is { } id && id == activity.Recipient?.Id)
            {
                var markup = mention.Text ?? $"<at>{mention.Mentioned.Name}</at>";
                text = text.Replace(markup, "", StringComparison.OrdinalIgnoreCase);
            }
        }

        return text.Trim();
    }
}
