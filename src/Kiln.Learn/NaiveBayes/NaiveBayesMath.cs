using System.Numerics.Tensors;
using Kiln.Data;

namespace Kiln.Learn.NaiveBayes;

/// <summary>The arithmetic naive Bayes models share: weighted per-class totals, linear joint log-likelihoods and their softmax.</summary>
internal static class NaiveBayesMath
{
    /// <summary>The target coded in ascending value order, so class order and argmax ties match scikit-learn's <c>classes_</c>.</summary>
    public static ClassLabels Labels(Column target) => ClassLabels.Of(target, "target").Sorted();

    /// <summary>Each class's total sample weight (its row count without weights) and its weighted sum of each feature, classes × features.</summary>
    public static (double[] ClassWeights, double[] FeatureSums) Totals(ReadOnlySpan<double> values, int featureCount, int[] codes, int classCount, double[]? weights)
    {
        var classWeights = new double[classCount];
        var featureSums = new double[classCount * featureCount];
        for (var i = 0; i < codes.Length; i++)
        {
            var w = weights?[i] ?? 1;
            if (w == 0) continue;
            var code = codes[i];
            classWeights[code] += w;
            TensorPrimitives.MultiplyAdd(values.Slice(i * featureCount, featureCount), w,
                featureSums.AsSpan(code * featureCount, featureCount), featureSums.AsSpan(code * featureCount, featureCount));
        }
        return (classWeights, featureSums);
    }

    /// <summary>log(count / total) per class, or the uniform log(1 / classes) when priors are not fitted.</summary>
    public static double[] ClassLogPriors(double[] classWeights, bool fitPrior)
    {
        var priors = new double[classWeights.Length];
        var total = TensorPrimitives.Sum<double>(classWeights);
        for (var c = 0; c < priors.Length; c++)
            priors[c] = fitPrior ? Math.Log(classWeights[c]) - Math.Log(total) : -Math.Log(classWeights.Length);
        return priors;
    }

    /// <summary>Throws when a feature is negative, naming the column and row: counts and frequencies cannot be.</summary>
    public static void RequireNonNegative(FeatureMatrix x, string estimator)
    {
        var values = x.Values;
        var width = x.FeatureCount;
        for (var i = 0; i < values.Length; i++)
            if (values[i] < 0)
                throw new ArgumentException(
                    $"{estimator}: column '{x.Features[i % width].Column}' holds {values[i]} at row {i / width}; {estimator} takes non-negative counts or frequencies (scale with min-max-scaler first)", "features");
    }

    /// <summary>Row-major scores bias[c] + x·weights[c] for each row and class: the joint log-likelihood of the discrete models.</summary>
    public static double[] LinearScores(ReadOnlyMemory<double> values, int rowCount, int featureCount, double[] weights, double[] bias)
    {
        var k = bias.Length;
        var scores = new double[rowCount * k];
        Parallel.For(0, rowCount, i =>
        {
            var row = values.Span.Slice(i * featureCount, featureCount);
            for (var c = 0; c < k; c++)
                scores[i * k + c] = bias[c] + TensorPrimitives.Dot(row, weights.AsSpan(c * featureCount, featureCount));
        });
        return scores;
    }

    /// <summary>Turns each row of joint log-likelihoods into probabilities in place, subtracting the row maximum first so exp cannot overflow.</summary>
    public static double[] Softmax(double[] scores, int classCount)
    {
        for (var start = 0; start < scores.Length; start += classCount)
        {
            var row = scores.AsSpan(start, classCount);
            var max = TensorPrimitives.Max<double>(row);
            TensorPrimitives.Subtract(row, max, row);
            TensorPrimitives.Exp(row, row);
            TensorPrimitives.Divide(row, TensorPrimitives.Sum<double>(row), row);
        }
        return scores;
    }

    /// <summary>Reads an array and checks its length, so a damaged package fails on load rather than on predict.</summary>
    public static double[] ReadDoubles(ModelReader reader, string key, int length, string estimator)
    {
        var values = reader.ReadDoubles(key);
        if (values.Length != length)
            throw new InvalidDataException($"model package: {estimator} holds {values.Length} values in '{key}', expected {length}");
        return values;
    }
}
