using System.Globalization;
using System.Text.Json;
using Kiln.Plots;
using Kiln.Serving.Monitoring;

namespace Kiln.Server.Web.Shared;

/// <summary>
/// A feature's spread in training beside its spread in live traffic, as the share of rows in each training bin (numeric)
/// or category (categorical) — the picture behind the PSI the monitoring page reports.
/// </summary>
public static class DriftChart
{
    const int MaxCategories = 12;

    public static Chart Of(FeatureReference reference, IEnumerable<JsonElement> live)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(live);
        var (labels, training, observed) = reference.Kind == FeatureKind.Numeric && reference.Edges is { } edges && reference.Counts is { } counts
            ? Numeric(reference, edges, counts, live)
            : Categorical(reference, live);
        return new Chart(reference.Name) { YLabel = "share of rows" }
            .Bar(labels, Shares(training), "training")
            .Bar(labels, Shares(observed), "live");
    }

    static (string[], double[], double[]) Numeric(FeatureReference reference, double[] edges, long[] counts, IEnumerable<JsonElement> live)
    {
        var observed = new double[counts.Length];
        foreach (var value in live)
            if (FeatureValues.Number(value) is { } number) observed[reference.BinOf(number)]++;
        var labels = new string[counts.Length];
        for (var b = 0; b < labels.Length; b++)
            labels[b] = b == 0 ? $"< {F(edges[0])}" : b == edges.Length ? $"≥ {F(edges[^1])}" : $"{F(edges[b - 1])}–{F(edges[b])}";
        return (labels, [.. counts.Select(c => (double)c)], observed);
    }

    static (string[], double[], double[]) Categorical(FeatureReference reference, IEnumerable<JsonElement> live)
    {
        var trained = reference.Categories ?? new Dictionary<string, long>();
        var seen = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var value in live)
            if (FeatureValues.Category(value) is { } category) seen[category] = seen.GetValueOrDefault(category) + 1;
        // the most common categories of either side; the rest are summed as "other" so the chart stays readable
        var shown = trained.Keys.Union(seen.Keys).OrderByDescending(c => trained.GetValueOrDefault(c) + seen.GetValueOrDefault(c)).ThenBy(c => c, StringComparer.Ordinal)
            .Take(MaxCategories).ToList();
        var labels = shown.ToList();
        var training = shown.Select(c => (double)trained.GetValueOrDefault(c)).ToList();
        var observed = shown.Select(c => seen.GetValueOrDefault(c)).ToList();
        var otherTraining = trained.Where(c => !shown.Contains(c.Key)).Sum(c => (double)c.Value);
        var otherLive = seen.Where(c => !shown.Contains(c.Key)).Sum(c => c.Value);
        if (otherTraining + otherLive > 0)
        {
            labels.Add("other");
            training.Add(otherTraining);
            observed.Add(otherLive);
        }
        return ([.. labels], [.. training], [.. observed]);
    }

    static double[] Shares(double[] counts)
    {
        var total = counts.Sum();
        return [.. counts.Select(c => total == 0 ? 0 : c / total)];
    }

    static string F(double value) => value.ToString("G3", CultureInfo.InvariantCulture);
}
