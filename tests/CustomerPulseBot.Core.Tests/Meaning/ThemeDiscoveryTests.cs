using CustomerPulseBot.Core.Meaning;
using CustomerPulseBot.Core.Themes;

namespace CustomerPulseBot.Core.Tests.Meaning;

public class ThemeDiscoveryTests
{
    private static readonly string[][] Sayings =
    [
        ["the export times out after a minute", "csv export timed out again", "export of the report times out", "export keeps timing out"],
        ["dashboard is slow to load", "the dashboard loads so slowly", "slow dashboard every morning", "dashboard very slow today"],
        ["invoice shows the wrong amount", "wrong amount on my invoice", "invoice amount is wrong again", "the invoice total is wrong"],
    ];

    private readonly SyntheticVectors _vectors = new(11);

    [Fact]
    public void Finds_each_theme_without_being_told_how_many_and_names_it_from_its_words()
    {
        var (vectors, texts, truth) = Quotes(perTheme: 12);

        var groups = ThemeDiscovery.Discover(vectors, texts, new HashSet<string>());

        Assert.Equal(3, groups.Count);
        foreach (var group in groups)
        {
            Assert.Single(group.Members.Select(m => truth[m]).Distinct());
            Assert.Equal(12, group.Members.Count);
            Assert.Equal(ThemeName.Normalise(group.Name), group.Name);
            Assert.Equal(3, group.Representatives.Count);
            Assert.All(group.Representatives, r => Assert.Contains(r, group.Members));
        }

        Assert.Equal(3, groups.Select(g => g.Name).Distinct().Count());
        Assert.Contains(groups, g => g.Name.Contains("export", StringComparison.Ordinal));
        Assert.Contains(groups, g => g.Name.Contains("dashboard", StringComparison.Ordinal));
        Assert.Contains(groups, g => g.Name.Contains("invoice", StringComparison.Ordinal) || g.Name.Contains("wrong", StringComparison.Ordinal));
    }

    [Fact]
    public void Lists_the_largest_group_first_and_leaves_a_stray_quote_out()
    {
        var (vectors, texts, _) = Quotes(perTheme: 10);
        var extra = _vectors.Near(vectors[0]);
        vectors = [.. vectors, .. Enumerable.Range(0, 5).Select(_ => _vectors.Near(extra)), _vectors.Direction()];
        texts = [.. texts, .. Enumerable.Repeat("the export times out after a minute", 5), "love the new colours"];

        var groups = ThemeDiscovery.Discover(vectors, texts, new HashSet<string>());

        Assert.True(groups[0].Members.Count >= groups[^1].Members.Count);
        Assert.DoesNotContain(groups, g => g.Members.Contains(vectors.Count - 1));
    }

    [Fact]
    public void Never_proposes_a_taken_name()
    {
        var (vectors, texts, _) = Quotes(perTheme: 10);
        var first = ThemeDiscovery.Discover(vectors, texts, new HashSet<string>());
        var taken = first.Select(g => g.Name).ToHashSet();

        var again = ThemeDiscovery.Discover(vectors, texts, taken);

        Assert.Equal(first.Count, again.Count);
        Assert.All(again, g => Assert.DoesNotContain(g.Name, taken));
        Assert.All(again, g => Assert.Equal(ThemeName.Normalise(g.Name), g.Name));
        Assert.Equal(again.Count, again.Select(g => g.Name).Distinct().Count());
    }

    [Fact]
    public void Names_a_group_whose_quotes_are_all_stop_words()
    {
        var centre = _vectors.Direction();
        var vectors = Enumerable.Range(0, 10).Select(_ => _vectors.Near(centre)).ToList();

        var group = Assert.Single(ThemeDiscovery.Discover(vectors, Enumerable.Repeat("it is what it is", 10).ToList(), new HashSet<string>()));

        Assert.Equal(ThemeName.Normalise(group.Name), group.Name);
    }

    [Fact]
    public void Finds_as_many_groups_in_many_quotes_as_in_few_and_leaves_out_a_splinter_too_small_for_them()
    {
        foreach (var perTheme in new[] { 12, 60 })
        {
            var (vectors, texts, truth) = Quotes(perTheme);
            var splinter = _vectors.Direction();
            vectors = [.. vectors, .. Enumerable.Range(0, 4).Select(_ => _vectors.Near(splinter, 0.3f))];
            texts = [.. texts, .. Enumerable.Repeat("love the new colours", 4)];

            var groups = ThemeDiscovery.Discover(vectors, texts, new HashSet<string>());

            Assert.Equal(3, groups.Count);
            Assert.All(groups, g => Assert.Equal(perTheme, g.Members.Count));
            Assert.All(groups, g => Assert.Single(g.Members.Select(m => truth[m]).Distinct()));
        }
    }

    [Fact]
    public void Above_the_cap_groups_a_sample_and_every_other_quote_joins_its_neighbours_group()
    {
        var (vectors, texts, truth) = Quotes(perTheme: 40);

        var groups = ThemeDiscovery.Discover(vectors, texts, new HashSet<string>(), DiscoveryOptions.Default with { Cap = 45 });

        Assert.Equal(3, groups.Count);
        Assert.All(groups, g => Assert.Equal(40, g.Members.Count));
        Assert.All(groups, g => Assert.Single(g.Members.Select(m => truth[m]).Distinct()));
    }

    [Fact]
    public void Finds_nothing_in_no_quotes_or_one()
    {
        Assert.Empty(ThemeDiscovery.Discover([], [], new HashSet<string>()));
        Assert.Empty(ThemeDiscovery.Discover([_vectors.Direction()], ["export fails"], new HashSet<string>()));
    }

    [Fact]
    public void Puts_identical_quotes_in_one_group()
    {
        var quote = _vectors.Direction();

        var group = Assert.Single(ThemeDiscovery.Discover(Enumerable.Repeat(quote, 9).ToList(), Enumerable.Repeat("export fails", 9).ToList(), new HashSet<string>()));

        Assert.Equal(9, group.Members.Count);
        Assert.Equal("export-fails", group.Name);
    }

    private (List<float[]> Vectors, List<string> Texts, List<int> Truth) Quotes(int perTheme)
    {
        var vectors = new List<float[]>();
        var texts = new List<string>();
        var truth = new List<int>();
        for (var t = 0; t < Sayings.Length; t++)
        {
            var centre = _vectors.Direction();
            for (var i = 0; i < perTheme; i++)
            {
                vectors.Add(_vectors.Near(centre));
                texts.Add(Sayings[t][i % Sayings[t].Length]);
                truth.Add(t);
            }
        }

        return (vectors, texts, truth);
    }
}
