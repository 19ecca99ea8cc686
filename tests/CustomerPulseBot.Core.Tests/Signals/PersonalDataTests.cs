using System.Globalization;
using System.Text.RegularExpressions;
using CustomerPulseBot.Core.Signals;
using Xunit.Abstractions;

namespace CustomerPulseBot.Core.Tests.Signals;

public sealed class PersonalDataTests(ITestOutputHelper output)
{
    private const string CasesFile = "Signals/redaction-cases.tsv";
    private const int MinimumCases = 300;
    private const double MinimumScore = 0.99;

    public static TheoryData<int, string, string> Cases()
    {
        var data = new TheoryData<int, string, string>();
        foreach (var (line, text, expected) in ReadCases())
        {
            data.Add(line, text, expected);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MasksAsTheTableSays_ForEachCase(int line, string text, string expected)
    {
        var (masked, found) = PersonalData.Mask(text);

        Assert.True(expected == masked, $"line {line}: expected\n  {expected}\nbut got\n  {masked}");
        Assert.Equal(Marks(expected), found.Total);
    }

    /// <summary>
    /// Per finding: a span the masker reports counts as right only when the table marks exactly those characters with
    /// the same kind. Precision is right findings over all reported, recall right findings over all the table marks.
    /// </summary>
    [Fact]
    public void FindsPersonalDataWithPrecisionAndRecallOfAtLeast99Percent_OnTheTable()
    {
        var cases = ReadCases();
        var (expected, reported, right) = (0, 0, 0);
        var positives = 0;
        foreach (var (line, text, masked) in cases)
        {
            var wanted = ExpectedSpans(line, text, masked);
            var found = PersonalData.Find(text).Select(s => (s.Start, s.Length, s.Kind)).ToHashSet();
            expected += wanted.Count;
            reported += found.Count;
            right += wanted.Count(found.Contains);
            positives += wanted.Count > 0 ? 1 : 0;
        }

        var precision = reported == 0 ? 1 : (double)right / reported;
        var recall = expected == 0 ? 1 : (double)right / expected;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{cases.Count} texts ({positives} with personal data, {cases.Count - positives} look-alikes); {expected} spans to mask, {reported} masked, {right} right"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"precision {precision:F4}, recall {recall:F4}"));

        Assert.True(cases.Count >= MinimumCases, $"the table has {cases.Count} texts; it needs at least {MinimumCases}");
        Assert.True(precision >= MinimumScore, $"precision {precision:F4} is below {MinimumScore}");
        Assert.True(recall >= MinimumScore, $"recall {recall:F4} is below {MinimumScore}");
    }

    [Fact]
    public void CountsEachKind_WhenATextHoldsSeveral()
    {
        var (masked, found) = PersonalData.Mask(
            "Ana (ana@loja.com.br, +55 11 98765-4321, ana.s@loja.com.br) paid with 5354 1311 8561 4702; key AKIAKM82ZI4GHPQ6ZDTY");

        Assert.Equal("Ana ([email], [phone], [email]) paid with [card]; key [secret]", masked);
        Assert.Equal(new PersonalDataFound(Emails: 2, Phones: 1, Cards: 1, Secrets: 1), found);
        Assert.Equal("2 emails, 1 phone number, 1 card number, 1 secret", found.Describe());
    }

    [Fact]
    public void LeavesTheTextAsItIs_WhenThereIsNothingToMask()
    {
        const string text = "Exporting the Q3 report timed out twice since 4.2.1";

        var (masked, found) = PersonalData.Mask(text);

        Assert.Same(text, masked);
        Assert.Equal(PersonalDataFound.None, found);
        Assert.Equal("", found.Describe());
    }

    [Fact]
    public void LeavesMarksAlone_WhenAMaskedTextIsMaskedAgain()
    {
        var once = PersonalData.Mask("mail jane@acme.com or call 020 7946 0958 with card 4847 7326 4415 8229").Text;

        var twice = PersonalData.Mask(once);

        Assert.Equal(once, twice.Text);
        Assert.Equal(PersonalDataFound.None, twice.Found);
    }

    /// <summary>Texts built to make a backtracking pattern take exponential or quadratic time, each at the quote limit.</summary>
    public static TheoryData<string> HostileTexts() => new()
    {
        Repeat("a@", SignalVocabulary.MaxQuoteLength),
        Repeat("a.", SignalVocabulary.MaxQuoteLength) + "@",
        "x@" + Repeat("a-", SignalVocabulary.MaxQuoteLength - 10) + "!",
        Repeat("1 ", SignalVocabulary.MaxQuoteLength),
        Repeat("1-", SignalVocabulary.MaxQuoteLength),
        "+" + Repeat("(1)", SignalVocabulary.MaxQuoteLength / 3),
        Repeat("DE89 ", SignalVocabulary.MaxQuoteLength),
        Repeat("-----BEGIN RSA PRIVATE KEY-----", SignalVocabulary.MaxQuoteLength),
        Repeat("xoxb-", SignalVocabulary.MaxQuoteLength),
        "Bearer " + Repeat("a", SignalVocabulary.MaxQuoteLength - 8) + "!",
        Repeat("eyJa.", SignalVocabulary.MaxQuoteLength),
        Repeat("call ", SignalVocabulary.MaxQuoteLength),
        new string('9', SignalVocabulary.MaxQuoteLength),
    };

    /// <summary>Every pattern has a timeout; these must finish well inside it, and give an answer rather than throw.</summary>
    [Theory]
    [MemberData(nameof(HostileTexts))]
    public void AnswersWithoutTimingOut_WhenTheTextIsHostile(string text)
    {
        var (masked, _) = PersonalData.Mask(text);

        Assert.NotNull(masked);
    }

    private static string Repeat(string piece, int length) =>
        string.Concat(Enumerable.Repeat(piece, length / piece.Length + 1))[..length];

    private static int Marks(string masked) => MarkPattern.Matches(masked).Count;

    private static readonly Regex MarkPattern = new(@"\[(email|phone|card|iban|secret)\]");

    /// <summary>
    /// The characters of <paramref name="text"/> that the table's masked form replaces, found by reading the masked form as
    /// a pattern: its words as they are, each mark standing for the shortest text that lets the rest line up.
    /// </summary>
    private static List<(int Start, int Length, PersonalDataKind Kind)> ExpectedSpans(int line, string text, string masked)
    {
        var kinds = new List<PersonalDataKind>();
        var pattern = "^" + string.Concat(MarkPattern.Split(masked).Select((part, i) =>
        {
            if (i % 2 == 0)
            {
                return Regex.Escape(part);
            }

            kinds.Add(Enum.Parse<PersonalDataKind>(part, ignoreCase: true));
            return "(.+?)";
        })) + "$";
        var match = Regex.Match(text, pattern, RegexOptions.Singleline);
        Assert.True(match.Success, $"line {line}: the masked text does not line up with the text");
        return kinds.Select((kind, i) => (match.Groups[i + 1].Index, match.Groups[i + 1].Length, kind)).ToList();
    }

    private static List<(int Line, string Text, string Expected)> ReadCases()
    {
        var cases = new List<(int, string, string)>();
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, CasesFile));
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0 || lines[i].StartsWith('#'))
            {
                continue;
            }

            var columns = lines[i].Split('\t');
            Assert.True(columns.Length == 2, $"line {i + 1} needs the text and the masked text, split by one tab");
            var text = columns[0].Replace("\\n", "\n");
            cases.Add((i + 1, text, columns[1] == "=" ? text : columns[1].Replace("\\n", "\n")));
        }

        return cases;
    }
}
