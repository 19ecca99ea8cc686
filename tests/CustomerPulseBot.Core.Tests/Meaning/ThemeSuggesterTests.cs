using CustomerPulseBot.Core.Meaning;

namespace CustomerPulseBot.Core.Tests.Meaning;

public class ThemeSuggesterTests
{
    private static readonly string[] Themes = ["export-timeouts", "slow-dashboard", "billing-errors", "login-loops", "missing-reports"];

    private readonly SyntheticVectors _vectors = new(7);

    [Fact]
    public void Suggests_the_theme_whose_quotes_are_closest_and_is_sure_of_a_clear_match()
    {
        var centres = Themes.Select(_ => _vectors.Direction()).ToArray();
        var suggester = ThemeSuggester.Build(Tagged(centres, 10));

        for (var t = 0; t < Themes.Length; t++)
        {
            var guess = suggester.Suggest(_vectors.Near(centres[t]));
            Assert.NotNull(guess);
            Assert.Equal(Themes[t], guess.Theme);
            Assert.True(guess.Confident);
            Assert.InRange(guess.Score, 0f, 1f);
        }
    }

    [Fact]
    public void Offers_but_does_not_tag_a_quote_half_way_between_two_themes()
    {
        var centres = Themes.Select(_ => _vectors.Direction()).ToArray();
        var suggester = ThemeSuggester.Build(Tagged(centres, 10));
        var between = centres[0].Zip(centres[1], (a, b) => a + 1.05f * b).ToArray();
        var norm = MathF.Sqrt(between.Sum(x => x * x));

        var guess = suggester.Suggest(between.Select(x => x / norm).ToArray());

        Assert.NotNull(guess);
        Assert.Contains(guess.Theme, Themes[..2]);
        Assert.False(guess.Confident);
    }

    [Fact]
    public void Offers_nothing_for_a_quote_unlike_every_tagged_one()
    {
        var centres = Themes.Select(_ => _vectors.Direction()).ToArray();
        var suggester = ThemeSuggester.Build(Tagged(centres, 10));

        Assert.Null(suggester.Suggest(_vectors.Direction()));
    }

    [Fact]
    public void With_one_theme_suggests_it_for_a_close_quote_and_nothing_for_a_far_one()
    {
        var centre = _vectors.Direction();
        var suggester = ThemeSuggester.Build(Tagged([centre], 4));

        var guess = suggester.Suggest(_vectors.Near(centre));
        Assert.Equal(Themes[0], guess?.Theme);
        Assert.True(guess?.Confident);
        Assert.Null(suggester.Suggest(_vectors.Direction()));
    }

    [Fact]
    public void With_one_tagged_quote_suggests_its_theme_for_a_near_copy()
    {
        var quote = _vectors.Direction();
        var suggester = ThemeSuggester.Build([("export-timeouts", quote)]);

        Assert.Equal("export-timeouts", suggester.Suggest(_vectors.Near(quote, 0.2f))?.Theme);
    }

    [Fact]
    public void With_nothing_tagged_suggests_nothing()
    {
        var suggester = ThemeSuggester.Build([]);

        Assert.Null(suggester.Suggest(_vectors.Direction()));
    }

    [Fact]
    public void Identical_tagged_quotes_do_not_break_it()
    {
        var quote = _vectors.Direction();
        var suggester = ThemeSuggester.Build(Enumerable.Repeat(("export-timeouts", quote), 5).Append(("slow-dashboard", _vectors.Direction())));

        Assert.Equal("export-timeouts", suggester.Suggest(quote)?.Theme);
    }

    [Fact]
    public void A_quote_tagged_with_two_themes_counts_for_both()
    {
        var centres = Themes[..2].Select(_ => _vectors.Direction()).ToArray();
        var both = _vectors.Direction();
        var tagged = Tagged(centres, 6).Concat([("export-timeouts", both), ("slow-dashboard", both)]);

        var guess = ThemeSuggester.Build(tagged).Suggest(both);

        Assert.Contains(guess?.Theme, Themes[..2]);
    }

    private IEnumerable<(string Theme, float[] Vector)> Tagged(float[][] centres, int perTheme) =>
        centres.SelectMany((centre, t) => Enumerable.Range(0, perTheme).Select(_ => (Themes[t], _vectors.Near(centre)))).ToList();
}
