using System.Globalization;
using Kiln.Data;

namespace Kiln.Conformance.Tests;

/// <summary>Everything a fitted model gives for a frame, as one frame, and the exact and close comparisons the checks use.</summary>
public static class ModelOutputs
{
    /// <summary>
    /// Transformers: the transform. Classifiers: the prediction and one probability column per class. Regressors and
    /// clusterers: the prediction. Row-changing models: the resampled features with the resampled target.
    /// </summary>
    public static Frame Of(EstimatorUnderTest estimator, IModel model, Frame features, Column? target)
    {
        if (estimator.Has(Capability.ChangesRows) && model is IResamplingModel resampler)
        {
            var resampled = resampler.Resample(features, target, null);
            return resampled.Target is { } labels ? resampled.Features.WithColumn(labels.Rename("resampled-target")) : resampled.Features;
        }
        return estimator.Role switch
        {
            EstimatorRole.Transformer => ((ITransformerModel)model).Transform(features),
            EstimatorRole.Classifier => new Frame([
                ((IClassifierModel)model).Predict(features).Rename("prediction"),
                .. ((IClassifierModel)model).PredictProbabilities(features).Columns.Select(c => c.Rename($"probability of {c.Name}"))]),
            _ => new Frame(((IPredictorModel)model).Predict(features).Rename("prediction")),
        };
    }

    /// <summary>Fails unless both frames have the same columns, types and values bit for bit (NaN equal to NaN).</summary>
    public static void RequireIdentical(Frame expected, Frame actual, string check, string what) => Compare(expected, actual, check, what, 0);

    /// <summary>Fails unless both frames have the same columns and types and numbers within <paramref name="tolerance"/> (relative above 1).</summary>
    public static void RequireClose(Frame expected, Frame actual, string check, string what, double tolerance) => Compare(expected, actual, check, what, tolerance);

    static void Compare(Frame expected, Frame actual, string check, string what, double tolerance)
    {
        if (!expected.ColumnNames.SequenceEqual(actual.ColumnNames))
            throw new ConformanceFailure($"{check}: {what}: columns differ: [{string.Join(", ", expected.ColumnNames)}] vs [{string.Join(", ", actual.ColumnNames)}]");
        if (expected.RowCount != actual.RowCount)
            throw new ConformanceFailure($"{check}: {what}: {expected.RowCount} rows vs {actual.RowCount}");
        for (var j = 0; j < expected.ColumnCount; j++)
        {
            var (left, right) = (expected[j], actual[j]);
            if (left.Type != right.Type)
                throw new ConformanceFailure($"{check}: {what}: column '{left.Name}' is {left.Type.Name()} vs {right.Type.Name()}");
            for (var i = 0; i < left.Length; i++)
            {
                var (a, b) = (left.GetValue(i), right.GetValue(i));
                if (Equals(a, b) || (tolerance > 0 && a is double x && b is double y && Math.Abs(x - y) <= tolerance * Math.Max(1, Math.Abs(x))))
                    continue;
                throw new ConformanceFailure(
                    $"{check}: {what}: column '{left.Name}' row {i} is {Describe(a)} vs {Describe(b)}");
            }
        }
    }

    static string Describe(object? value) => value switch
    {
        null => "missing",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
