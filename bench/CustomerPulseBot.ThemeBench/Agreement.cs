namespace CustomerPulseBot.ThemeBench;

/// <summary>How well a grouping agrees with the labels: normalised mutual information and the adjusted Rand index.</summary>
internal static class Agreement
{
    /// <summary>NMI with the arithmetic mean of the two entropies (scikit-learn's default).</summary>
    public static double Nmi(IReadOnlyList<int> labels, IReadOnlyList<int> groups)
    {
        var n = (double)labels.Count;
        var (table, rows, columns) = Contingency(labels, groups);
        var mutual = table.Sum(p => p.Value / n * Math.Log(n * p.Value / ((double)rows[p.Key.Label] * columns[p.Key.Group])));
        var hLabels = Entropy(rows.Values, n);
        var hGroups = Entropy(columns.Values, n);
        var mean = (hLabels + hGroups) / 2;
        return mean == 0 ? 1 : mutual / mean;
    }

    public static double Ari(IReadOnlyList<int> labels, IReadOnlyList<int> groups)
    {
        var n = labels.Count;
        var (table, rows, columns) = Contingency(labels, groups);
        var index = table.Values.Sum(Pairs);
        var rowPairs = rows.Values.Sum(Pairs);
        var columnPairs = columns.Values.Sum(Pairs);
        var expected = rowPairs * columnPairs / Pairs(n);
        var max = (rowPairs + columnPairs) / 2;
        return max == expected ? 1 : (index - expected) / (max - expected);
    }

    private static double Pairs(int count) => count * (count - 1.0) / 2;

    private static double Entropy(IEnumerable<int> counts, double n) => -counts.Sum(c => c / n * Math.Log(c / n));

    private static (Dictionary<(int Label, int Group), int> Table, Dictionary<int, int> Rows, Dictionary<int, int> Columns) Contingency(
        IReadOnlyList<int> labels, IReadOnlyList<int> groups)
    {
        var table = new Dictionary<(int, int), int>();
        var rows = new Dictionary<int, int>();
        var columns = new Dictionary<int, int>();
        for (var i = 0; i < labels.Count; i++)
        {
            table[(labels[i], groups[i])] = table.GetValueOrDefault((labels[i], groups[i])) + 1;
            rows[labels[i]] = rows.GetValueOrDefault(labels[i]) + 1;
            columns[groups[i]] = columns.GetValueOrDefault(groups[i]) + 1;
        }

        return (table, rows, columns);
    }
}
