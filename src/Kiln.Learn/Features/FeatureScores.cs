using Kiln.Data;

namespace Kiln.Learn.Features;

/// <summary>
/// Univariate scores of columns against a target with scikit-learn's formulas: chi2, f_classif (one-way ANOVA) and
/// f_regression. Each takes the columns as float64 arrays with no missing values.
/// </summary>
internal static class FeatureScores
{
    /// <summary>scikit-learn's chi2: Σ over classes of (observed − expected)² / expected, per column.</summary>
    public static double[] Chi2(IReadOnlyList<double[]> columns, ClassLabels labels, IReadOnlyList<string>? names = null)
    {
        var scores = new double[columns.Count];
        var classCount = labels.Count;
        var rows = labels.CodeOfRow.Length;
        for (var j = 0; j < columns.Count; j++)
        {
            var row = Array.FindIndex(columns[j], v => v < 0);
            if (row >= 0)
                throw new ArgumentException(
                    $"select-k-best: chi2 needs non-negative values but column '{names?[j] ?? j.ToString(System.Globalization.CultureInfo.InvariantCulture)}' holds {columns[j][row]} at row {row}; use f-classif or mutual-info-classif");
        }
        Parallel.For(0, columns.Count, j =>
        {
            var values = columns[j];
            var observed = new double[classCount];
            double total = 0;
            for (var i = 0; i < rows; i++)
            {
                observed[labels.CodeOfRow[i]] += values[i];
                total += values[i];
            }
            double score = 0;
            for (var c = 0; c < classCount; c++)
            {
                var expected = (double)labels.Counts[c] / rows * total;
                var difference = observed[c] - expected;
                score += difference * difference / expected;
            }
            scores[j] = score;
        });
        return scores;
    }

    /// <summary>scikit-learn's f_classif: between-class over within-class mean squares.</summary>
    public static double[] FClassif(IReadOnlyList<double[]> columns, ClassLabels labels)
    {
        var scores = new double[columns.Count];
        var classCount = labels.Count;
        var rows = labels.CodeOfRow.Length;
        Parallel.For(0, columns.Count, j =>
        {
            var values = columns[j];
            var sums = new double[classCount];
            double squares = 0, sum = 0;
            for (var i = 0; i < rows; i++)
            {
                var v = values[i];
                sums[labels.CodeOfRow[i]] += v;
                squares += v * v;
                sum += v;
            }
            var squareOfSumsOverN = sum * sum / rows;
            var totalSquares = squares - squareOfSumsOverN;
            double betweenSquares = 0;
            for (var c = 0; c < classCount; c++) betweenSquares += sums[c] * sums[c] / labels.Counts[c];
            betweenSquares -= squareOfSumsOverN;
            var withinSquares = totalSquares - betweenSquares;
            var betweenMean = betweenSquares / (classCount - 1);
            var withinMean = withinSquares / (rows - classCount);
            scores[j] = betweenMean / withinMean;
        });
        return scores;
    }

    /// <summary>
    /// scikit-learn's f_regression (center, force_finite): r²/(1 − r²)·(n − 2), with a perfect correlation scored as the
    /// largest double and a constant column as 0.
    /// </summary>
    public static double[] FRegression(IReadOnlyList<double[]> columns, double[] target)
    {
        var rows = target.Length;
        var targetMean = 0.0;
        foreach (var y in target) targetMean += y;
        targetMean /= rows;
        var centred = new double[rows];
        double targetNorm = 0;
        for (var i = 0; i < rows; i++)
        {
            centred[i] = target[i] - targetMean;
            targetNorm += centred[i] * centred[i];
        }
        targetNorm = Math.Sqrt(targetNorm);
        var scores = new double[columns.Count];
        Parallel.For(0, columns.Count, j =>
        {
            var values = columns[j];
            double sum = 0, squares = 0, product = 0;
            for (var i = 0; i < rows; i++)
            {
                sum += values[i];
                squares += values[i] * values[i];
                product += centred[i] * values[i];
            }
            var mean = sum / rows;
            var norm = Math.Sqrt(squares - rows * mean * mean);
            var correlation = product / norm / targetNorm;
            var squared = correlation * correlation;
            var f = squared / (1 - squared) * (rows - 2);
            scores[j] = double.IsInfinity(f) ? double.MaxValue : double.IsNaN(f) ? 0 : f;
        });
        return scores;
    }
}
