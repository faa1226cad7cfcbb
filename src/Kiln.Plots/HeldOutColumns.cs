using System.Globalization;
using Kiln.Learn;
using Kiln.Learn.Training;

namespace Kiln.Plots;

/// <summary>
/// The held-out scores a model comparison shows for each model, the same in the printed table and the report: the
/// ranking score, then accuracy, precision, recall and F1 (macro) for classifiers, or R², MSE, RMSE and MAE for
/// regressors — the usual set, so that one table compares the models on all of them. A score that is the ranking
/// score already is not repeated.
/// </summary>
public static class HeldOutColumns
{
    sealed record Column(string Scoring, string Header, Func<Evaluation, double> Value);

    static readonly Column[] Classification =
    [
        new("accuracy", "accuracy", e => e.Classification!.Accuracy),
        new("precision_macro", "precision (macro)", e => e.Classification!.PrecisionMacro),
        new("recall_macro", "recall (macro)", e => e.Classification!.RecallMacro),
        new("f1_macro", "F1 (macro)", e => e.Classification!.F1Macro),
    ];

    static readonly Column[] Regression =
    [
        new("r2", "R²", e => e.Regression!.R2),
        new("neg_mean_squared_error", "MSE", e => e.Regression!.MeanSquaredError),
        new("neg_root_mean_squared_error", "RMSE", e => e.Regression!.RootMeanSquaredError),
        new("neg_mean_absolute_error", "MAE", e => e.Regression!.MeanAbsoluteError),
    ];

    /// <summary>The column headings, the ranking score's first, each starting "held-out".</summary>
    public static IReadOnlyList<string> Headers(ComparisonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return [$"held-out {result.Scoring}", .. Others(result).Select(c => $"held-out {c.Header}")];
    }

    /// <summary>One model's held-out scores under <see cref="Headers"/>, formatted; empty text for a model that failed to fit.</summary>
    public static IReadOnlyList<string> Values(ComparisonResult result, ComparedModel model)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(model);
        var others = Others(result);
        if (model.HeldOut is not { } heldOut) return [.. Enumerable.Repeat("", 1 + others.Count)];
        return [Format(heldOut.Score), .. others.Select(c => Format(c.Value(heldOut.Evaluation)))];
    }

    static List<Column> Others(ComparisonResult result) =>
        [.. (result.Task == EstimatorRole.Classifier ? Classification : Regression).Where(c => c.Scoring != result.Scoring)];

    /// <summary>Four decimals for scores, whole numbers with separators for errors in the target's units (house prices give MSEs in the billions).</summary>
    static string Format(double value) => Math.Abs(value) >= 1000
        ? value.ToString("#,0", CultureInfo.InvariantCulture)
        : value.ToString("0.####", CultureInfo.InvariantCulture);
}
