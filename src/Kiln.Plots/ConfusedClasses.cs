using System.Globalization;

namespace Kiln.Plots;

/// <summary>
/// The off-diagonal cells of a confusion matrix, largest first: which true class is most often taken for which, as a
/// table in a report. Both the evaluation report of a table model and the training report of a network show it.
/// </summary>
static class ConfusedClasses
{
    const int MostPairs = 10;

    /// <summary>Adds the table (or a sentence when no class was taken for another) to <paramref name="report"/>.</summary>
    public static void Add(HtmlReport report, double[,] counts, IReadOnlyList<string> classes)
    {
        var pairs = new List<(string True, string Predicted, double Count, double Share)>();
        for (var r = 0; r < classes.Count; r++)
        {
            double total = 0;
            for (var c = 0; c < classes.Count; c++) total += counts[r, c];
            for (var c = 0; c < classes.Count; c++)
                if (r != c && counts[r, c] > 0) pairs.Add((classes[r], classes[c], counts[r, c], counts[r, c] / total));
        }
        if (pairs.Count == 0)
        {
            report.Paragraph("No class was taken for another.");
            return;
        }
        report.Table(["true class", "predicted as", "rows", "share of the true class"],
            pairs.OrderByDescending(p => p.Count).ThenBy(p => p.True, StringComparer.Ordinal).Take(MostPairs)
                .Select(p => (IReadOnlyList<string>)[p.True, p.Predicted, ((long)p.Count).ToString("N0", CultureInfo.InvariantCulture), $"{p.Share * 100:F1}%"]),
            "The classes most often confused");
    }
}
