using System.Globalization;

namespace CustomerPulseBot.ThemeBench;

internal sealed record BenchArguments(string Train, string Test, int Examples, int Seed, int Timed)
{
    public static BenchArguments? Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                return null;
            }

            values[args[i][2..]] = args[i + 1];
        }

        if (args.Length % 2 != 0 || !values.TryGetValue("train", out var train) || !values.TryGetValue("test", out var test) ||
            values.Keys.Except(["train", "test", "examples", "seed", "timed"]).Any())
        {
            return null;
        }

        int Number(string name, int fallback) =>
            values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

        return new BenchArguments(train, test, Number("examples", 10), Number("seed", 0), Number("timed", 300));
    }
}
