using CustomerPulseBot.Core.Meaning;

namespace CustomerPulseBot.Core.Tests.Meaning;

public class NearDuplicatesTests
{
    private readonly SyntheticVectors _vectors = new(3);

    [Fact]
    public void The_same_quote_twice_is_a_near_duplicate()
    {
        var v = _vectors.Direction();

        Assert.True(NearDuplicates.Are(v, "The export times out", v, "The export times out"));
    }

    [Fact]
    public void Close_vectors_with_mostly_the_same_words_are_near_duplicates()
    {
        var v = _vectors.Direction();
        var w = _vectors.Near(v, 0.3f);

        Assert.True(NearDuplicates.Are(v, "The CSV export times out after a minute", w, "the csv export times out after one minute!"));
    }

    [Fact]
    public void Close_vectors_in_other_words_are_not()
    {
        var v = _vectors.Direction();
        var w = _vectors.Near(v, 0.3f);

        Assert.False(NearDuplicates.Are(v, "The CSV export times out after a minute", w, "downloading the report dies halfway"));
    }

    [Fact]
    public void The_same_words_with_distant_vectors_are_not()
    {
        Assert.False(NearDuplicates.Are(_vectors.Direction(), "export fails", _vectors.Direction(), "export fails"));
    }
}
