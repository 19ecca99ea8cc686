namespace CustomerPulseBot.TestKit;

/// <summary>The checkout the tests run from: the nearest folder above the test binaries holding the solution.</summary>
public static class Checkout
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CustomerPulseBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No CustomerPulseBot.sln above {AppContext.BaseDirectory}");
    }
}
