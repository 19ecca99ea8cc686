using System.Globalization;
using CustomerPulseBot.Core.Meaning;
using CustomerPulseBot.Core.Themes;
using CustomerPulseBot.Core.Trends;

namespace CustomerPulseBot.Core.Commands;

/// <summary>
/// What a <see cref="ThemeAction"/> button carries, written here for both renderers and read back here: words
/// separated by spaces, each checked on the way in, so a forged or cut value is refused rather than half run.
/// </summary>
public static class ThemeButtons
{
    /// <summary>
    /// The most signal ids a Create button carries: 50 ids of 33 characters with the rest of the value stay under
    /// Slack's 2,000 characters. A larger candidate is found again by discovery when the button is clicked.
    /// </summary>
    public const int MaxCarriedSignals = 50;

    /// <summary>Add, Remove: the signal and the theme.</summary>
    public static string SignalAndTheme(Guid signal, string theme) => $"{signal:N} {theme}";

    /// <summary>New theme, Keep both: the signal alone (the new name is typed beside the button).</summary>
    public static string Signal(Guid signal) => signal.ToString("N");

    /// <summary>Merge: the new capture, then the earlier quote it nearly repeats.</summary>
    public static string Duplicate(Guid duplicate, Guid original) => $"{duplicate:N} {original:N}";

    /// <summary>
    /// Create theme: the candidate's size, the period it was found in (Unix seconds), its name, and its quotes' ids
    /// (its best examples first), at most <see cref="MaxCarriedSignals"/>.
    /// </summary>
    public static string Create(CandidateTheme candidate, DateRange period)
    {
        var ids = candidate.Examples.Select(e => e.SignalId).Concat(candidate.SignalIds).Distinct().Take(MaxCarriedSignals);
        return string.Join(' ',
            candidate.Size.ToString(CultureInfo.InvariantCulture),
            period.Start.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            period.End.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            candidate.Name,
            string.Join(',', ids.Select(id => id.ToString("N"))));
    }

    internal static bool TryRead(string? value, out string[] words)
    {
        words = (value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0;
    }

    /// <summary>A signal id exactly as written: 32 hex digits.</summary>
    internal static Guid? Id(string word) => Guid.TryParseExact(word, "N", out var id) ? id : null;

    /// <summary>A Create value read back, or null when any part of it is not what <see cref="Create"/> writes.</summary>
    internal static CreateValue? ReadCreate(string[] words)
    {
        if (words is not [var size, var start, var end, var name, var list]
            || !int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var total)
            || !long.TryParse(start, NumberStyles.None, CultureInfo.InvariantCulture, out var from)
            || !long.TryParse(end, NumberStyles.None, CultureInfo.InvariantCulture, out var to)
            || from >= to || to > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || ThemeName.Normalise(name) != name)
        {
            return null;
        }

        var ids = list.Split(',').Select(Id).ToList();
        return ids.Count is 0 or > MaxCarriedSignals || ids.Any(id => id is null) || ids.Distinct().Count() != ids.Count || total < ids.Count
            ? null
            : new CreateValue(total, new DateRange(DateTimeOffset.FromUnixTimeSeconds(from), DateTimeOffset.FromUnixTimeSeconds(to)), name, [.. ids.Select(id => id!.Value)]);
    }

    internal sealed record CreateValue(int Size, DateRange Period, string Name, IReadOnlyList<Guid> Signals);
}
