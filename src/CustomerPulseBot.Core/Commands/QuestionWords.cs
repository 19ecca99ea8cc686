namespace CustomerPulseBot.Core.Commands;

/// <summary>
/// The words a plain-language question may use. A message counts as a question only when every word is
/// one of these (or a period, a segment, or a filter) and it asks for pains or trends: a customer quote
/// talks about the product ("export", "slow", "invoice"), and one such word keeps it a capture.
/// </summary>
internal static class QuestionWords
{
    /// <summary>Words asking for movement: the answer is friction trends.</summary>
    public static readonly IReadOnlySet<string> Trends = new HashSet<string>
    {
        "rising", "rise", "rises", "risen", "falling", "fall", "falls", "fell", "new", "trending", "trend", "trends",
        "growing", "grow", "grows", "grew", "declining", "decline", "declines", "declined", "increasing", "increase",
        "increased", "decreasing", "decrease", "decreased", "emerging", "dropping", "dropped", "spiking", "spike",
        "spikes", "changed", "changing",
    };

    /// <summary>Words asking for pains: the answer is the pain-point ranking.</summary>
    public static readonly IReadOnlySet<string> Pains = new HashSet<string>
    {
        "pain", "pains", "painpoint", "painpoints", "pain-point", "pain-points", "complaint", "complaints", "complain",
        "complaining", "complained", "friction", "frictions", "problem", "problems", "issue", "issues", "struggle",
        "struggles", "struggling", "struggled", "frustration", "frustrations", "frustrated", "blocker", "blockers",
        "gripe", "gripes", "annoyance", "annoyances", "top", "biggest", "worst",
    };

    /// <summary>
    /// Words that carry no meaning for the answer. Deliberately without "i", "my", "your" and product
    /// nouns: those are how customers speak, and a quote must stay a capture.
    /// </summary>
    public static readonly IReadOnlySet<string> Fillers = new HashSet<string>
    {
        "a", "an", "the", "of", "for", "from", "by", "among", "with", "in", "on", "at", "about", "to", "and", "or",
        "so", "far", "all", "most", "main", "key", "common", "major", "greatest", "big", "largest", "frequent",
        "recurring", "current", "currently", "now", "lately", "recently", "right", "what", "whats", "which", "where",
        "how", "who", "any", "anything", "are", "is", "were", "was", "be", "been", "being", "have", "has", "had",
        "do", "does", "did", "there", "here", "show", "tell", "give", "list", "me", "us", "we", "our", "can", "could",
        "would", "will", "you", "please", "see", "know", "want", "like", "get", "let", "hear", "hearing", "heard",
        "seeing", "seen", "saw", "getting", "got", "report", "reporting", "reported", "raise", "raising", "raised",
        "mention", "mentioning", "mentioned", "saying", "say", "said", "facing", "hitting", "having", "running",
        "into", "up", "customer", "customers", "client", "clients", "account", "accounts", "people", "folks", "they",
        "them", "their", "things", "thing", "points", "point", "happening", "going", "theme", "themes", "team",
        "teams", "end", "daily", "hey", "hi", "pulse",
    };

    /// <summary>
    /// Segment words, most specific first: a question names one segment, and "enterprise buyers" means
    /// the enterprise segment, so company size wins over role, and a named group over plain "users".
    /// </summary>
    private static readonly (string Segment, string[] Phrases)[] Segments =
    [
        ("enterprise", ["enterprise", "enterprises"]),
        ("mid-market", ["mid-market", "midmarket", "mid market", "mid-size", "midsize"]),
        ("smb", ["smb", "smbs", "small business", "small businesses", "small companies", "small customers"]),
        ("internal", ["internal"]),
        ("partner", ["partner", "partners"]),
        ("prospect", ["prospect", "prospects"]),
        ("admin", ["admin", "admins", "administrator", "administrators"]),
        ("buyer", ["buyer", "buyers"]),
        ("user", ["user", "users"]),
    ];

    /// <summary>The segment a phrase starting at <paramref name="at"/> names, how many words it takes and its rank (lower wins).</summary>
    public static (string Segment, int Length, int Rank)? Segment(IReadOnlyList<string> words, int at)
    {
        for (var rank = 0; rank < Segments.Length; rank++)
        {
            foreach (var phrase in Segments[rank].Phrases)
            {
                var parts = phrase.Split(' ');
                if (at + parts.Length <= words.Count && parts.Select((p, k) => words[at + k] == p).All(same => same))
                {
                    return (Segments[rank].Segment, parts.Length, rank);
                }
            }
        }

        return null;
    }
}
