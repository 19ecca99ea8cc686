using Microsoft.Extensions.Logging.Abstractions;

namespace CustomerPulseBot.Meaning.Tests;

public sealed class PackagedModelTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"pulse-model-test-{Guid.NewGuid():N}");

    [Fact]
    public void UnpacksTheModelOnce_AndReplacesAFileOfTheWrongSize()
    {
        var package = PackagedModel.Beside();

        var path = package.ModelFile(directory);
        var written = File.GetLastWriteTimeUtc(path);
        var again = package.ModelFile(directory);
        var rewritten = File.GetLastWriteTimeUtc(again);
        File.WriteAllBytes(path, [1, 2, 3]);
        var repaired = package.ModelFile(directory);

        Assert.Equal(path, again);
        Assert.Equal(written, rewritten);
        Assert.Equal(package.ModelLength, new FileInfo(repaired).Length);
        Assert.Equal([path], Directory.GetFiles(directory));
        Assert.EndsWith("all-MiniLM-L6-v2-24.9.52193.onnx", path, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadsTheUncasedBertVocabulary()
    {
        var vocabulary = PackagedModel.Beside().ReadVocabulary();

        Assert.Equal(30522, vocabulary.Length);
        Assert.Equal("[PAD]", vocabulary[0]);
        Assert.Equal("[CLS]", vocabulary[101]);
    }

    [Fact]
    public void ReportsTheCause_EveryTimeTheModelCannotBeLoaded()
    {
        var blocked = Path.Combine(directory, "a-file");
        Directory.CreateDirectory(directory);
        File.WriteAllText(blocked, "");
        using var encoder = new MiniLmEncoder(new MeaningOptions { ModelCache = blocked }, NullLogger<MiniLmEncoder>.Instance);

        var first = Assert.Throws<InvalidOperationException>(() => encoder.Encode("hello"));
        var second = Assert.Throws<InvalidOperationException>(() => encoder.Encode("hello"));

        Assert.StartsWith("The sentence model all-MiniLM-L6-v2 could not be loaded: ", first.Message, StringComparison.Ordinal);
        Assert.Equal(first.Message, second.Message);
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
