using CustomerPulseBot.Core.Meaning;

namespace CustomerPulseBot.Meaning.Tests;

public sealed class MiniLmEncoderTests(EncoderFixture fixture) : IClassFixture<EncoderFixture>
{
    private readonly MiniLmEncoder encoder = fixture.Encoder;

    [Fact]
    public void NamesModelAndPackageVersion()
    {
        Assert.Equal("all-MiniLM-L6-v2/24.9.52193", encoder.Model);
        Assert.Equal(384, encoder.Dimensions);
    }

    [Fact]
    public void ScoresSimilarComplaintsHigher_ThanUnrelatedOnes()
    {
        var exports = encoder.Encode("exports time out");

        var download = Vectors.Similarity(exports, encoder.Encode("the report download dies after a minute"));
        var logo = Vectors.Similarity(exports, encoder.Encode("I love the new logo"));

        Assert.True(download > logo + 0.2f, $"similar {download}, unrelated {logo}");
    }

    [Fact]
    public void ScoresParaphrasesHighest_AmongSeveralThemes()
    {
        string[] themes = ["I can't log in to my account", "the invoice total is wrong", "please add a dark mode"];
        var vectors = encoder.Encode(themes);

        var query = encoder.Encode("login fails with my password");

        var best = Enumerable.Range(0, themes.Length).MaxBy(i => Vectors.Similarity(query, vectors[i]));
        Assert.Equal(0, best);
    }

    [Theory]
    [InlineData("exports time out")]
    [InlineData("")]
    [InlineData("   \t\n")]
    [InlineData("😀👍🏽🚀")]
    [InlineData("\u0000\u0007\u001b[31m\u200b\ufffd\ud83d")]
    [InlineData("中文字符 日本語 한국어")]
    public void ReturnsAUnitVector_WhateverTheText(string text)
    {
        var vector = encoder.Encode(text);

        Assert.Equal(encoder.Dimensions, vector.Length);
        Assert.Equal(1.0, Math.Sqrt(Vectors.Similarity(vector, vector)), 5);
        Assert.All(vector, value => Assert.True(float.IsFinite(value)));
    }

    [Fact]
    public void ReturnsAUnitVector_WhenTextIs10000Characters()
    {
        var text = string.Concat(Enumerable.Repeat("The export times out again. ", 360))[..10_000];

        var vector = encoder.Encode(text);

        Assert.Equal(1.0, Math.Sqrt(Vectors.Similarity(vector, vector)), 5);
    }

    [Fact]
    public void GivesTheSameVectors_InABatchAsOneByOne()
    {
        string[] texts =
        [
            "exports time out",
            "",
            "the report download dies after a minute, every single time I try it on Monday mornings",
            "ok",
            "I love the new logo",
            string.Concat(Enumerable.Repeat("long text ", 300)),
        ];
        var texts40 = Enumerable.Range(0, 40).Select(i => texts[i % texts.Length] + (i >= texts.Length ? $" {i}" : "")).ToArray();

        var batch = encoder.Encode(texts40);

        Assert.Equal(texts40.Length, batch.Length);
        for (var i = 0; i < texts40.Length; i++)
        {
            var single = encoder.Encode(texts40[i]);
            Assert.All(single.Zip(batch[i]), pair => Assert.Equal(pair.First, pair.Second, 1e-5f));
        }
    }

    [Fact]
    public void ReturnsNothing_WhenGivenNoTexts()
    {
        Assert.Empty(encoder.Encode(Array.Empty<string>()));
    }

    [Fact]
    public async Task GivesTheSameVectors_WhenEightThreadsEncodeAtOnce()
    {
        var texts = Enumerable.Range(0, 24).Select(i => $"customer {i} says the export of report {i * 7} timed out").ToArray();
        var expected = texts.Select(encoder.Encode).ToArray();
        using var start = new Barrier(8);

        var results = Enumerable.Range(0, 8)
            .Select(thread => Task.Factory.StartNew(() =>
            {
                start.SignalAndWait();
                return thread % 2 == 0 ? texts.Select(encoder.Encode).ToArray() : encoder.Encode(texts);
            }, TaskCreationOptions.LongRunning))
            .ToArray();
        var vectors = await Task.WhenAll(results);

        Assert.All(vectors, result =>
        {
            for (var i = 0; i < texts.Length; i++)
            {
                Assert.All(expected[i].Zip(result[i]), pair => Assert.Equal(pair.First, pair.Second, 1e-5f));
            }
        });
    }
}
