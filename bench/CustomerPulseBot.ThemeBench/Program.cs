using System.Diagnostics;
using System.Globalization;
using CustomerPulseBot.Bench.Shared;
using CustomerPulseBot.Core.Meaning;
using CustomerPulseBot.Meaning;
using CustomerPulseBot.ThemeBench;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// The product's theme suggester, discovery and near-duplicate check on a labelled CSV (text,label), with the TF-IDF
// baseline in the same run. Prints one name=value per line.
if (BenchArguments.Parse(args) is not { } options)
{
    Console.Error.WriteLine("""
        usage: dotnet run -c Release --project bench/CustomerPulseBot.ThemeBench -- --train <csv> --test <csv> [--examples 10] [--seed 0] [--timed 300]
          --examples  tagged quotes per label, drawn from --train with --seed
          --timed     test quotes embedded one at a time for embed_ms_p50/p95 (the rest in batches)
        """);
    return 2;
}

var train = LabelledCsv.Read(options.Train);
var test = LabelledCsv.Read(options.Test);
var random = new Random(options.Seed);
var tagged = train
    .GroupBy(r => r.Label, StringComparer.Ordinal)
    .OrderBy(g => g.Key, StringComparer.Ordinal)
    .SelectMany(g => g.OrderBy(_ => random.Next()).Take(options.Examples))
    .ToList();
var testTexts = test.Select(r => r.Text).ToList();
var testLabels = test.Select(r => r.Label).ToList();

// The product's encoder, as the host registers it (its default settings).
await using var services = new ServiceCollection()
    .AddLogging()
    .AddMeaning(new ConfigurationBuilder().Build())
    .BuildServiceProvider();
var encoder = services.GetRequiredService<ITextEncoder>();
var taggedVectors = encoder.Encode(tagged.Select(t => t.Text).ToList());
var timed = Math.Min(options.Timed, test.Count);
var single = new List<double>(timed);
var testVectors = new float[test.Count][];
for (var i = 0; i < timed; i++)
{
    var watch = Stopwatch.StartNew();
    testVectors[i] = encoder.Encode(testTexts[i]);
    single.Add(watch.Elapsed.TotalMilliseconds);
}

encoder.Encode(testTexts.Skip(timed).ToList()).CopyTo(testVectors, timed);
var rss = Machine.ResidentMiB();

// Suggestions: a quote without one counts as wrong.
var building = Stopwatch.StartNew();
var suggester = ThemeSuggester.Build(tagged.Select((t, i) => (t.Label, taggedVectors[i])));
var buildMs = building.Elapsed.TotalMilliseconds;
var guesses = testVectors.Select(v => suggester.Suggest(v)).ToList();
var predicted = guesses.Select(g => g?.Theme).ToList();
var confident = Enumerable.Range(0, test.Count).Where(i => guesses[i] is { Confident: true }).ToList();

// Discovery on the test quotes, their labels hidden; a quote left out of every group counts as a group of its own.
var discovering = Stopwatch.StartNew();
var groups = ThemeDiscovery.Discover(testVectors, testTexts, new HashSet<string>());
var discoverMs = discovering.Elapsed.TotalMilliseconds;
var groupOf = Enumerable.Range(0, test.Count).Select(i => -1 - i).ToArray();
for (var g = 0; g < groups.Count; g++)
{
    foreach (var member in groups[g].Members)
    {
        groupOf[member] = g;
    }
}

var labelIds = testLabels.Distinct(StringComparer.Ordinal).Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
var labelOf = testLabels.Select(l => labelIds[l]).ToArray();
var grouped = Enumerable.Range(0, test.Count).Where(i => groupOf[i] >= 0).ToList();

// Near-duplicates among every pair of test quotes.
var pairs = 0;
var samePairs = 0;
for (var i = 0; i < test.Count; i++)
{
    for (var j = i + 1; j < test.Count; j++)
    {
        if (NearDuplicates.Are(testVectors[i], testTexts[i], testVectors[j], testTexts[j]))
        {
            pairs++;
            samePairs += testLabels[i] == testLabels[j] ? 1 : 0;
        }
    }
}

// Baselines of the same run: nearest centroid on the same vectors, and TF-IDF.
var centroidPredicted = NearestCentroid(tagged.Select((t, i) => (t.Label, taggedVectors[i])), testVectors);
var tfidf = new TfIdf(tagged.Select(t => t.Text).Concat(testTexts));
var tfidfTest = testTexts.Select(tfidf.Vector).ToList();
var tfidfPredicted = TfIdf.NearestCentroid(tagged.Select(t => (tfidf.Vector(t.Text), t.Label)).ToList(), tfidfTest, tfidf.Dimensions);
var tfidfGroups = TfIdf.KMeans(tfidfTest, labelIds.Count, tfidf.Dimensions, options.Seed);

var figures = new List<(string Name, object Value)>
{
    ("suggest_accuracy", Accuracy(predicted, testLabels)),
    ("suggest_macro_f1", MacroF1(predicted, testLabels)),
    ("auto_tag_precision", confident.Count == 0 ? 0 : confident.Count(i => predicted[i] == testLabels[i]) / (double)confident.Count),
    ("auto_tag_coverage", confident.Count / (double)test.Count),
    ("discover_nmi", Agreement.Nmi(labelOf, groupOf)),
    ("discover_ari", Agreement.Ari(labelOf, groupOf)),
    ("discover_groups", groups.Count),
    ("labels", labelIds.Count),
    ("duplicate_precision", pairs == 0 ? 1 : samePairs / (double)pairs),
    ("embed_ms_p50", Percentile(single, 0.50)),
    ("embed_ms_p95", Percentile(single, 0.95)),
    ("rss_mib", rss),
    ("suggest_offered", guesses.Count(g => g is not null) / (double)test.Count),
    ("suggest_build_ms", buildMs),
    ("discover_ungrouped", 1 - grouped.Count / (double)test.Count),
    ("discover_nmi_grouped_only", Agreement.Nmi(grouped.Select(i => labelOf[i]).ToList(), grouped.Select(i => groupOf[i]).ToList())),
    ("discover_ms", discoverMs),
    ("duplicate_pairs", pairs),
    ("tagged", tagged.Count),
    ("test", test.Count),
    ("embed_timed", timed),
    ("load_average", Machine.LoadAverage()),
    ("baseline_centroid_suggest_accuracy", Accuracy(centroidPredicted, testLabels)),
    ("tfidf_suggest_accuracy", Accuracy(tfidfPredicted, testLabels)),
    ("tfidf_suggest_macro_f1", MacroF1(tfidfPredicted, testLabels)),
    ("tfidf_discover_nmi", Agreement.Nmi(labelOf, tfidfGroups)),
    ("tfidf_discover_ari", Agreement.Ari(labelOf, tfidfGroups)),
    ("tfidf_discover_groups", labelIds.Count),
};
foreach (var (name, value) in figures)
{
    Console.WriteLine(FormattableString.Invariant($"{name}={(value is double d ? d.ToString("0.####", CultureInfo.InvariantCulture) : value)}"));
}

return 0;

static double Accuracy(IReadOnlyList<string?> predicted, IReadOnlyList<string> labels) =>
    predicted.Where((p, i) => p == labels[i]).Count() / (double)labels.Count;

// The mean over the test labels of F1, a missing suggestion counting against the quote's label.
static double MacroF1(IReadOnlyList<string?> predicted, IReadOnlyList<string> labels) =>
    labels.Distinct(StringComparer.Ordinal).Average(label =>
    {
        var truePositive = labels.Where((l, i) => l == label && predicted[i] == label).Count();
        var predictedCount = predicted.Count(p => p == label);
        var actual = labels.Count(l => l == label);
        return truePositive == 0 ? 0 : 2.0 * truePositive / (predictedCount + actual);
    });

static double Percentile(List<double> values, double p)
{
    if (values.Count == 0)
    {
        return 0;
    }

    var sorted = values.Order().ToList();
    return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}

static string[] NearestCentroid(IEnumerable<(string Label, float[] Vector)> tagged, float[][] vectors)
{
    var centroids = tagged
        .GroupBy(t => t.Label, StringComparer.Ordinal)
        .Select(g =>
        {
            var sum = new float[g.First().Vector.Length];
            foreach (var (_, vector) in g)
            {
                System.Numerics.Tensors.TensorPrimitives.Add(sum, vector, sum);
            }

            return (Label: g.Key, Centroid: sum);
        })
        .ToList();
    return vectors.Select(v => centroids.MaxBy(c => Vectors.Similarity(v, c.Centroid) / System.Numerics.Tensors.TensorPrimitives.Norm(c.Centroid)).Label).ToArray();
}
