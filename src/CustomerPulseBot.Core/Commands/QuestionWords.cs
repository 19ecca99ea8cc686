using CustomerPulseBot.Core.Signals;

namespace CustomerPulseBot.Core.Commands;

/// <summary>
/// The vocabulary questions are read with: phrases that name a filter (segments, sources, kinds,
/// severity, journey stages), words that say which answer is wanted, and words that carry no meaning.
/// A word in none of these is a content word: what the question is about, or, in a capture, what the
/// customer talked about.
/// </summary>
internal static class QuestionWords
{
    /// <summary>What one phrase names. Segments carry a rank: a question names one segment, and the most specific wins.</summary>
    internal sealed record Sense(
        string? Segment = null, int Rank = 0, string? Source = null, SignalKind? Kind = null, Severity? Severity = null, JourneyStage? Stage = null);

    /// <summary>
    /// Segment words, most specific first: "enterprise buyers" means the enterprise segment, so company size
    /// wins over role, and a named group over plain "users".
    /// </summary>
    private static readonly (string Segment, string[] Phrases)[] Segments =
    [
        ("enterprise", ["enterprise", "enterprises", "large accounts", "large customers", "large companies"]),
        ("mid-market", ["mid-market", "midmarket", "mid market", "mid-size", "midsize", "mid-sized", "medium-sized"]),
        ("smb", ["smb", "smbs", "sme", "smes", "small business", "small businesses", "small companies", "small customers"]),
        ("internal", ["internal", "internal users", "internal teams", "internal staff", "employees", "staff", "colleagues"]),
        ("partner", ["partner", "partners", "resellers", "reseller", "agencies", "integrators"]),
        ("prospect", ["prospect", "prospects", "leads", "potential customers", "trialists"]),
        ("admin", ["admin", "admins", "administrator", "administrators", "it admins"]),
        ("buyer", ["buyer", "buyers", "decision makers", "decision-makers", "purchasers", "economic buyers"]),
        ("user", ["user", "users", "end users", "end-users", "power users"]),
    ];

    private static readonly (string Source, string[] Phrases)[] Sources =
    [
        ("call", ["call", "calls", "sales call", "sales calls", "phone calls", "customer calls", "discovery calls", "zoom calls", "meetings"]),
        ("ticket", ["ticket", "tickets", "support ticket", "support tickets", "helpdesk", "help desk", "zendesk"]),
        ("interview", ["interview", "interviews", "user interviews", "customer interviews"]),
        ("review", ["reviews", "app reviews", "g2", "capterra"]),
        ("email", ["email", "emails", "e-mail", "e-mails", "mails"]),
        ("chat", ["chat", "chats", "live chat", "intercom"]),
        ("survey", ["survey", "surveys", "nps", "nps survey", "nps surveys", "csat"]),
        ("demo", ["demo", "demos", "demo calls"]),
        ("social", ["social", "social media", "twitter", "linkedin"]),
        ("community", ["community", "forum", "forums", "community forum"]),
    ];

    private static readonly (SignalKind Kind, string[] Phrases)[] Kinds =
    [
        (SignalKind.Pain, [
            "pain", "pains", "pain point", "pain points", "painpoint", "painpoints", "pain-point", "pain-points", "complaint",
            "complaints", "complain", "complains", "complaining", "complained", "complainers", "friction", "frictions", "problem", "problems", "issue",
            "issues", "bug", "bugs", "gripe", "gripes", "frustration", "frustrations", "frustrated", "annoyance", "annoyances",
            "struggle", "struggles", "struggling", "struggled", "blocker", "blockers", "blocking", "negative feedback", "unhappy", "stuck",
            "headache", "headaches", "hurdle", "hurdles", "obstacle", "obstacles", "challenge", "challenges", "difficulty",
            "difficulties", "grievance", "grievances", "irritation", "irritations", "weak spots", "weaknesses", "sore spots",
        ]),
        (SignalKind.Request, [
            "request", "requests", "feature request", "feature requests", "feature ask", "feature asks", "asks", "ask for",
            "asked for", "asking for", "wish", "wishes", "wishlist", "wish list", "ideas", "suggestion", "suggestions",
            "enhancement", "enhancements", "feature", "features", "requested", "most requested", "wanted features",
        ]),
        (SignalKind.Praise, [
            "praise", "praised", "praising", "compliment", "compliments", "kudos", "positive feedback", "love", "loves", "loved",
            "happy", "delighted", "wins",
        ]),
        (SignalKind.Question, ["questions", "how-to questions"]),
    ];

    private static readonly (Severity Severity, string[] Phrases)[] Severities =
    [
        (Severity.Critical, ["critical", "sev1", "showstopper", "showstoppers"]),
        (Severity.High, ["urgent", "severe", "serious", "high severity", "high-severity", "high priority", "high-priority", "high impact"]),
    ];

    private static readonly (JourneyStage Stage, string[] Phrases)[] Stages =
    [
        (JourneyStage.Discover, ["discovery", "discover", "awareness"]),
        (JourneyStage.Evaluate, ["evaluation", "evaluations", "evaluating", "evaluate", "trial", "trials", "poc", "pocs", "pilot", "pilots", "proof of concept"]),
        (JourneyStage.Buy, ["buying", "purchase", "purchasing", "checkout", "procurement", "sales process"]),
        (JourneyStage.Onboard, ["onboarding", "onboard", "onboarded", "getting started", "implementation"]),
        (JourneyStage.Use, ["usage", "day to day", "daily use", "everyday use"]),
        (JourneyStage.Support, ["support"]),
        (JourneyStage.Renew, ["renewal", "renewals", "renew", "renewing", "contract renewal"]),
    ];

    /// <summary>
    /// Every phrase by its first word, longest first, so "support tickets" is a source before "support" is a stage.
    /// By first word because every word of every capture is looked up (a line is read as a question before it is
    /// taken as a capture): matching each against every phrase was a quarter of the host's time per capture.
    /// </summary>
    private static readonly Dictionary<string, (string[] Words, Sense Sense)[]> Phrases =
        Segments.SelectMany((s, rank) => s.Phrases.Select(p => (p, new Sense(Segment: s.Segment, Rank: rank))))
            .Concat(Sources.SelectMany(s => s.Phrases.Select(p => (p, new Sense(Source: s.Source)))))
            .Concat(Kinds.SelectMany(k => k.Phrases.Select(p => (p, new Sense(Kind: k.Kind)))))
            .Concat(Severities.SelectMany(s => s.Phrases.Select(p => (p, new Sense(Severity: s.Severity)))))
            .Concat(Stages.SelectMany(s => s.Phrases.Select(p => (p, new Sense(Stage: s.Stage)))))
            .Select(x => (Words: x.p.Split(' '), Sense: x.Item2))
            .OrderByDescending(x => x.Words.Length)
            .GroupBy(x => x.Words[0])
            .ToDictionary(g => g.Key, g => g.ToArray());

    /// <summary>The phrase starting at <paramref name="at"/>, longest first, and how many words it takes.</summary>
    public static (int Length, Sense Sense)? Phrase(IReadOnlyList<string> words, int at)
    {
        if (at >= words.Count || !Phrases.TryGetValue(words[at], out var starting))
        {
            return null;
        }

        foreach (var (parts, sense) in starting)
        {
            if (at + parts.Length <= words.Count && Enumerable.Range(1, parts.Length - 1).All(k => words[at + k] == parts[k]))
            {
                return (parts.Length, sense);
            }
        }

        return null;
    }

    /// <summary>Words asking for a ranking: the answer is top pain points.</summary>
    public static readonly IReadOnlySet<string> Ranking = new HashSet<string>
    {
        "top", "biggest", "worst", "most", "main", "key", "major", "greatest", "largest", "primary", "leading", "common",
        "prioritize", "prioritise", "priority", "priorities", "rank", "ranking", "ranked", "fix", "tackle", "address",
        "solve", "focus", "frequent", "recurring", "loudest",
    };

    /// <summary>Words asking for movement: the answer is friction trends.</summary>
    public static readonly IReadOnlySet<string> Trends = new HashSet<string>
    {
        "rising", "rise", "rises", "risen", "falling", "fall", "falls", "fell", "new", "trending", "trend", "trends",
        "growing", "grow", "grows", "grew", "declining", "decline", "declines", "declined", "increasing", "increase",
        "increased", "decreasing", "decrease", "decreased", "emerging", "dropping", "dropped", "spiking", "spike",
        "spikes", "changed", "changing", "worse", "worsening", "better", "improving", "improved",
        "improve", "compared", "compare", "vs", "versus", "shift", "shifted", "shifting", "hot", "hottest",
    };

    /// <summary>What revenue is called: after a ranking word or "by" ("by revenue", "the most ARR") it weighs a ranking.</summary>
    public static readonly IReadOnlySet<string> RevenueNouns = new HashSet<string>
    {
        "revenue", "revenues", "arr", "mrr", "acv", "money", "dollars", "bookings",
    };

    /// <summary>Verbs of costing: with "us" or a ranking after them ("cost us the most", "costing us") they ask for revenue.</summary>
    public static readonly IReadOnlySet<string> CostVerbs = new HashSet<string> { "cost", "costs", "costing" };

    /// <summary>Adjectives of cost: after a ranking word ("the most expensive", "costliest") they ask for revenue.</summary>
    public static readonly IReadOnlySet<string> CostAdjectives = new HashSet<string> { "expensive", "costly", "costliest", "priciest", "lucrative" };

    /// <summary>Words before a revenue noun that make it the weight of a ranking, besides <see cref="Ranking"/>.</summary>
    public static readonly IReadOnlySet<string> RevenueLeads = new HashSet<string>
    {
        "by", "weighted", "weighed", "weighting", "weight", "highest", "most", "more", "in", "of", "at", "on",
    };

    /// <summary>Words after a revenue noun that belong to it: "revenue impact", "ARR affected", "revenue at risk".</summary>
    public static readonly IReadOnlySet<string> RevenueTails = new HashSet<string>
    {
        "impact", "impacted", "affected", "lost", "weighted", "exposure", "risk", "at",
    };

    /// <summary>Words for "how many".</summary>
    public static readonly IReadOnlySet<string> Counting = new HashSet<string> { "count", "counts", "tally", "number" };

    /// <summary>Who gives feedback: "which customers", "what accounts".</summary>
    public static readonly IReadOnlySet<string> CustomerNouns = new HashSet<string>
    {
        "customer", "customers", "account", "accounts", "client", "clients", "company", "companies", "orgs", "organisations",
        "organizations", "logos",
    };

    /// <summary>Words for something the team shipped; with "since", "after" or "work" they ask whether it helped.</summary>
    public static readonly IReadOnlySet<string> Shipping = new HashSet<string>
    {
        "shipped", "ship", "shipping", "ships", "release", "released", "releasing", "launch", "launched", "launching",
        "rollout", "rolled", "deploy", "deployed", "fix", "fixed", "fixes",
    };

    /// <summary>Words that, beside a shipping word, ask about its effect.</summary>
    public static readonly IReadOnlySet<string> Effect = new HashSet<string>
    {
        "since", "after", "before", "work", "worked", "working", "help", "helped", "better", "worse", "improve", "improved",
        "improving", "drop", "dropped", "change", "changed",
    };

    public static readonly IReadOnlySet<string> Summary = new HashSet<string>
    {
        "summarize", "summarise", "summarized", "summarised", "summary", "summaries", "recap", "overview", "rundown", "roundup",
        "round-up", "wrap-up", "wrapup", "tldr", "highlights", "digest", "gist", "sentiment", "mood", "learn", "learned", "learnt",
    };

    public static readonly IReadOnlySet<string> Journey = new HashSet<string>
    {
        "journey", "journeys", "stage", "stages", "funnel", "lifecycle",
    };

    /// <summary>Words that mean being stuck somewhere: after "where", the answer is the journey.</summary>
    public static readonly IReadOnlySet<string> Stuck = new HashSet<string>
    {
        "stuck", "struggle", "struggles", "struggling", "friction", "drop", "drops", "churn", "churning", "lose", "losing",
        "trouble", "hurts", "hurt", "dropping", "stall", "stalls", "stalling",
    };

    /// <summary>Verbs of telling: after a capitalised name they make it a customer ("did Globex say"), and they ask for quotes.</summary>
    public static readonly IReadOnlySet<string> Telling = new HashSet<string>
    {
        "say", "says", "said", "saying", "hear", "heard", "hearing", "mention", "mentions", "mentioned", "mentioning", "tell",
        "told", "telling", "talk", "talks", "talking", "talked", "think", "thinks", "feel", "feels", "write", "wrote", "raise",
        "raised", "raising", "report", "reported", "flag", "flagged", "complain", "complained", "complaining",
        "ask", "asked", "asking", "want", "wants", "wanted", "need", "needs", "hate", "hates", "request", "requested",
    };

    /// <summary>Nouns asking for what people said: the answer is quotes.</summary>
    public static readonly IReadOnlySet<string> Quotes = new HashSet<string>
    {
        "feedback", "quote", "quotes", "comment", "comments", "verbatim", "verbatims", "examples", "signals", "notes",
    };

    /// <summary>Words that leave segments out: "excluding internal", "not partners", "without prospects".</summary>
    public static readonly IReadOnlySet<string> Excluding = new HashSet<string>
    {
        "excluding", "exclude", "except", "not", "without", "minus", "ignoring", "ignore", "non", "besides",
    };

    /// <summary>Two-word exclusions ("other than", "apart from"): the first word.</summary>
    public static readonly IReadOnlyDictionary<string, string> ExcludingPairs = new Dictionary<string, string>
    {
        ["other"] = "than", ["apart"] = "from", ["leaving"] = "out", ["leave"] = "out",
    };

    /// <summary>The first words of a question or of a request to the bot.</summary>
    public static readonly IReadOnlySet<string> Openers = new HashSet<string>
    {
        "what", "whats", "which", "who", "whos", "whom", "whose", "how", "hows", "why", "where", "wheres", "when", "is", "are",
        "has", "have", "did", "do", "does", "should", "can", "any", "anything", "show", "list", "give", "tell", "summarize",
        "summarise", "find", "recap",
    };

    /// <summary>Greetings and politeness before a question's first word: "hey, what's new?"</summary>
    public static readonly IReadOnlySet<string> Greetings = new HashSet<string>
    {
        "hey", "hi", "hello", "ok", "okay", "so", "pulse", "please", "pls", "quick", "question", "@pulse",
    };

    /// <summary>Words before a name that make it a customer: "from Acme", "at Globex"; weaker ones ("for", "by") need a capitalised, not all-caps, name.</summary>
    public static readonly IReadOnlySet<string> StrongNameLeads = new HashSet<string> { "from", "at", "customer", "client", "account" };

    public static readonly IReadOnlySet<string> WeakNameLeads = new HashSet<string> { "for", "by" };

    /// <summary>Words before what the question is about ("about exports"): that run of words is its topic.</summary>
    public static readonly IReadOnlySet<string> TopicLeads = new HashSet<string>
    {
        "about", "on", "with", "regarding", "re", "around", "concerning", "by", "for", "of", "in",
    };

    /// <summary>Words that introduce a topic even after a command keyword: "top 3 complaints about exports".</summary>
    public static readonly IReadOnlySet<string> StrictTopicLeads = new HashSet<string>
    {
        "about", "regarding", "concerning", "re", "around", "with", "on",
    };

    /// <summary>
    /// Words that carry no meaning for the answer. Deliberately without product nouns and verbs of what
    /// happened ("export", "slow", "crashed"): those are what a question is about, or how a customer speaks.
    /// </summary>
    public static readonly IReadOnlySet<string> Fillers = new HashSet<string>
    {
        "a", "an", "the", "of", "for", "from", "by", "among", "amongst", "with", "in", "on", "at", "about", "to", "and",
        "or", "nor", "but", "&", "so", "far", "all", "current", "currently", "now", "right", "what", "whats", "which",
        "where", "wheres", "how", "hows", "who", "whos", "whom", "whose", "why", "when", "any", "anything", "something",
        "everything", "are", "is", "were", "was", "be", "been", "being", "have", "has", "had", "having", "do", "does",
        "did", "doing", "done", "there", "here", "show", "tell", "give", "list", "find", "pull", "share", "me", "us",
        "we", "our", "ours", "can", "could", "would", "will", "should", "shall", "might", "must", "you", "your", "i",
        "my", "please", "pls", "see", "know", "like", "get", "gets", "let", "seeing", "seen", "saw", "getting", "got",
        "gotten", "facing", "hitting", "running", "into", "up", "people", "folks", "someone", "anyone", "everyone",
        "they", "them", "their", "it", "its", "this", "that", "these", "those", "things", "thing", "points", "point",
        "happening", "happened", "going", "theme", "themes", "topic", "topics", "team", "teams", "end", "daily", "hey",
        "hi", "hello", "ok", "okay", "pulse", "bot", "affected", "affecting", "impacted", "impacting", "hit",
        "bothered", "bothering", "experiencing", "first", "again", "still", "also", "just", "really", "very", "much",
        "many", "more", "less", "ever", "yet", "already", "overall", "across", "via", "through", "during", "within",
        "over", "under", "after", "before", "since", "until", "last", "past", "previous", "next", "between", "than",
        "too", "each", "every", "some", "kind", "kinds", "sort", "type", "types", "lot", "lots", "way", "ways", "area",
        "areas", "stuff", "items", "quick", "question", "thanks", "latest", "recent", "recently", "lately", "if",
        "then", "no", "not", "become", "became", "come", "coming", "keep", "most", "top", "don't", "dont", "didn't",
        "didnt", "isn't", "aren't", "haven't", "hasn't", "doesn't", "we've", "we're", "they're", "i'm", "you're", "re",
        "regarding", "around", "concerning", "versus", "day", "days", "week", "weeks", "month", "months", "quarter",
        "year", "ago", "time", "times", "make", "made", "work", "worked", "working", "help", "helped", "should've",
        "well", "say", "one", "ones", "out", "off", "down", "per", "other", "apart", "leaving", "leave", "besides",
        "both", "either", "who's", "what's", "biggest", "go", "goes", "went", "actually", "exactly", "generally",
        "mostly", "typically", "usually", "often", "frequently", "common", "customer", "customers", "client", "clients",
        "account", "accounts", "hurt", "hurts", "hurting", "came", "comes", "segment", "segments", "worry", "worried",
        "concern", "concerned", "wrong", "part", "parts", "breakdown", "aspect", "aspects", "place", "places",
        "weighted", "weighed", "weighting", "highest",
    };

    /// <summary>A word the grammar knows (a cue, a filler or an exclusion), as opposed to a content word.</summary>
    public static bool IsKnown(string word) =>
        Fillers.Contains(word) || Ranking.Contains(word) || Trends.Contains(word) || Counting.Contains(word)
        || CustomerNouns.Contains(word) || Shipping.Contains(word) || Effect.Contains(word) || Summary.Contains(word)
        || Journey.Contains(word) || Telling.Contains(word) || Quotes.Contains(word) || Excluding.Contains(word)
        || Openers.Contains(word) || Greetings.Contains(word);
}
