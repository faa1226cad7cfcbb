using Kiln.Data;

namespace Kiln.Learn.Metrics;

/// <summary>
/// The scores <c>kiln evaluate</c> reports for a classifier, computed as scikit-learn 1.2 computes them: accuracy,
/// precision, recall and F1 (macro and weighted over the classes present in either column; 0 where undefined),
/// ROC AUC for two classes, and log loss when probabilities are given.
/// </summary>
public sealed record ClassificationScores(
    int Rows,
    double Accuracy,
    double PrecisionMacro,
    double RecallMacro,
    double F1Macro,
    double PrecisionWeighted,
    double RecallWeighted,
    double F1Weighted,
    double? RocAuc,
    double? LogLoss,
    IReadOnlyList<ClassScores> PerClass)
{
    /// <summary>Scores <paramref name="predicted"/> against <paramref name="actual"/>; <paramref name="probabilities"/> has one column per class, named by the class.</summary>
    public static ClassificationScores Of(Column actual, Column predicted, Frame? probabilities = null)
    {
        if (actual.Length != predicted.Length)
            throw new ArgumentException($"{actual.Length} true labels but {predicted.Length} predictions", nameof(predicted));
        if (actual.MissingCount > 0)
            throw new ArgumentException($"the true labels in '{actual.Name}' have {actual.MissingCount} missing values", nameof(actual));
        var n = actual.Length;
        var labels = new SortedSet<string>(StringComparer.Ordinal);
        var truth = new string[n];
        var guess = new string[n];
        for (var i = 0; i < n; i++)
        {
            truth[i] = actual.Format(i);
            guess[i] = predicted.Format(i);
            labels.Add(truth[i]);
            labels.Add(guess[i]);
        }
        var perClass = new List<ClassScores>();
        var correct = 0;
        for (var i = 0; i < n; i++) if (truth[i] == guess[i]) correct++;
        foreach (var label in labels)
        {
            int tp = 0, fp = 0, fn = 0;
            for (var i = 0; i < n; i++)
            {
                var isTrue = truth[i] == label;
                var isGuess = guess[i] == label;
                if (isTrue && isGuess) tp++;
                else if (isGuess) fp++;
                else if (isTrue) fn++;
            }
            var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
            var recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.Add(new ClassScores(label, precision, recall, f1, tp + fn));
        }
        var support = perClass.Sum(c => c.Support);
        double Weighted(Func<ClassScores, double> score) => support == 0 ? 0 : perClass.Sum(c => score(c) * c.Support) / support;
        return new ClassificationScores(n, n == 0 ? 0 : (double)correct / n,
            perClass.Average(c => c.Precision), perClass.Average(c => c.Recall), perClass.Average(c => c.F1),
            Weighted(c => c.Precision), Weighted(c => c.Recall), Weighted(c => c.F1),
            probabilities is null ? null : AreaUnderRoc(truth, probabilities),
            probabilities is null ? null : MeanLogLoss(truth, probabilities),
            perClass);
    }

    /// <summary>Area under the ROC curve of the second class's probability (scikit-learn's positive class for two labels); null unless two classes.</summary>
    static double? AreaUnderRoc(string[] truth, Frame probabilities)
    {
        if (probabilities.ColumnCount != 2) return null;
        var positive = probabilities[1].Name;
        var scores = probabilities.Column<Float64Column>(positive).Values.ToArray();
        var order = Enumerable.Range(0, truth.Length).OrderBy(i => scores[i]).ToArray();
        // Mann–Whitney U with average ranks for ties
        var ranks = new double[truth.Length];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]]) end++;
            var rank = (start + end) / 2.0 + 1;
            for (var k = start; k <= end; k++) ranks[order[k]] = rank;
            start = end + 1;
        }
        long positives = truth.Count(t => t == positive), negatives = truth.Length - positives;
        if (positives == 0 || negatives == 0) return null;
        var rankSum = 0.0;
        for (var i = 0; i < truth.Length; i++) if (truth[i] == positive) rankSum += ranks[i];
        return (rankSum - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }

    /// <summary>Mean negative log-probability of the true class, probabilities clipped to [1e-15, 1 − 1e-15] as scikit-learn does.</summary>
    static double? MeanLogLoss(string[] truth, Frame probabilities)
    {
        var columns = probabilities.Columns.ToDictionary(c => c.Name, c => (Float64Column)c.AsFloat64(), StringComparer.Ordinal);
        var total = 0.0;
        for (var i = 0; i < truth.Length; i++)
        {
            if (!columns.TryGetValue(truth[i], out var column))
                throw new ArgumentException($"the true class '{truth[i]}' was not seen when the model was fitted, so it has no probability");
            var rowSum = 0.0;
            foreach (var c in columns.Values) rowSum += c[i];
            total -= Math.Log(Math.Clamp(column[i] / rowSum, 1e-15, 1 - 1e-15));
        }
        return truth.Length == 0 ? null : total / truth.Length;
    }
}

/// <summary>Precision, recall and F1 of one class, with its support (rows truly of that class).</summary>
public sealed record ClassScores(string Class, double Precision, double Recall, double F1, int Support);
