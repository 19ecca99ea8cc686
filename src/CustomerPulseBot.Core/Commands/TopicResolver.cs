using CustomerPulseBot.Core.Themes;

namespace CustomerPulseBot.Core.Commands;

/// <summary>
/// Decides what a question's topic ("slow dashboards", "SSO") means, for every answer alike: a theme when a
/// theme's name or alias is those words (singular or plural), otherwise words to match in the quotes.
/// </summary>
public static class TopicResolver
{
    /// <summary>
    /// The filters with the topic turned into the theme filter when a theme matches it; otherwise unchanged, so
    /// <see cref="QueryFilters.Topic"/> stays as the words to search for. A topic never replaces a theme named
    /// with <c>#</c>: it then narrows that theme's quotes by words.
    /// </summary>
    public static QueryFilters Resolve(QueryFilters filters, IReadOnlyList<Theme> themes)
    {
        if (filters.Topic is not { } topic || filters.Theme is not null || ThemeName.Normalise(topic) is not { } name)
        {
            return filters;
        }

        var names = themes.SelectMany(t => t.Aliases.Prepend(t.Name).Select(n => (Theme: t.Name, Name: n))).ToList();
        var match = names.FirstOrDefault(n => n.Name == name).Theme
            ?? names.FirstOrDefault(n => Singular(n.Name) == Singular(name)).Theme;
        return match is null ? filters : filters with { Theme = match, Topic = null };
    }

    /// <summary>"slow-dashboards" and "slow-dashboard" meet at "slow-dashboard"; short words ("sso", "bus") are left alone.</summary>
    private static string Singular(string name) =>
        string.Join('-', name.Split('-').Select(part => part.Length > 3 && part.EndsWith('s') && !part.EndsWith("ss") ? part[..^1] : part));
}
