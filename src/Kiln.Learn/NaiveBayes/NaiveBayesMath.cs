using System.Numerics.Tensors;
using Kiln.Data;

namespace Kiln.Learn.NaiveBayes;

/// <summary>The arithmetic naive Bayes models share: weighted per-class totals, linear joint log-likelihoods and their softmax.</summary>
internal static class NaiveBayesMath
{
    /// <summary>Rows scored together, so each parallel task is long enough to outweigh its scheduling.</summary>
    const int RowsPerBlock = 2048;

    /// <summary>The target coded in ascending value order, so class order and argmax ties match scikit-learn's <c>classes_</c>.</summary>
    public static ClassLabels Labels(Column target) => ClassLabels.Of(target, "target").Sorted();

    /// <summary>Each class's total sample weight (its row count without weights).</summary>
    public static double[] ClassWeights(int[] codes, int classCount, double[]? weights)
    {
        var classWeights = new double[classCount];
        for (var i = 0; i < codes.Length; i++) classWeights[codes[i]] += weights?[i] ?? 1;
        return classWeights;
    }

    /// <summary>
    /// Each class's weighted sum of each feature, classes × features, one column at a time (both cores, one per column):
    /// a pass over each column's own contiguous values instead of a row-major copy of the whole table.
    /// With a <paramref name="threshold"/> a value counts as 1 above it and 0 otherwise (Bernoulli's presence counts).
    /// </summary>
    public static double[] FeatureSums(Float64Column[] columns, int[] codes, int classCount, double[]? weights, double? threshold = null)
    {
        var d = columns.Length;
        var featureSums = new double[classCount * d];
        Parallel.For(0, d, () => new double[classCount], (j, _, sums) =>
        {
            Array.Clear(sums);
            var values = columns[j].Values;
            // one plain loop per case, so the inner loop tests nothing but the value
            if (threshold is { } t)
            {
                if (weights is null) for (var i = 0; i < values.Length; i++) sums[codes[i]] += values[i] > t ? 1 : 0;
                else for (var i = 0; i < values.Length; i++) sums[codes[i]] += values[i] > t ? weights[i] : 0;
            }
            else if (weights is null) for (var i = 0; i < values.Length; i++) sums[codes[i]] += values[i];
            else for (var i = 0; i < values.Length; i++) sums[codes[i]] += weights[i] * values[i];
            for (var c = 0; c < classCount; c++) featureSums[c * d + j] = sums[c];
            return sums;
        }, _ => { });
        return featureSums;
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

    /// <summary>Throws when a feature is negative, naming the column and the first row that holds one: counts and frequencies cannot be.</summary>
    public static void RequireNonNegative(Float64Column[] columns, string estimator)
    {
        var (firstRow, firstColumn) = (int.MaxValue, -1);
        for (var j = 0; j < columns.Length; j++)
        {
            var values = columns[j].Values;
            if (values.Length == 0 || TensorPrimitives.Min(values) >= 0) continue;
            var row = 0;
            while (!(values[row] < 0)) row++;
            if (row < firstRow) (firstRow, firstColumn) = (row, j);
        }
        if (firstColumn < 0) return;
        throw new ArgumentException(
            $"{estimator}: column '{columns[firstColumn].Name}' holds {columns[firstColumn].Values[firstRow]} at row {firstRow}; {estimator} takes non-negative counts or frequencies (scale with min-max-scaler first)", "features");
    }

    /// <summary>
    /// Row-major scores bias[c] + x·weights[c] for each row and class (the discrete models' joint log-likelihood), in
    /// parallel blocks of rows. With a <paramref name="threshold"/> each row is binarized first, in a buffer per block.
    /// </summary>
    public static double[] LinearScores(ReadOnlyMemory<double> values, int rowCount, int featureCount, double[] weights, double[] bias, double? threshold)
    {
        var k = bias.Length;
        var scores = new double[(long)rowCount * k];
        var blocks = (rowCount + RowsPerBlock - 1) / RowsPerBlock;
        Parallel.For(0, blocks, () => new double[featureCount], (block, _, binary) =>
        {
            var all = values.Span;
            var end = Math.Min(rowCount, (block + 1) * RowsPerBlock);
            for (var i = block * RowsPerBlock; i < end; i++)
            {
                var row = all.Slice(i * featureCount, featureCount);
                if (threshold is { } t)
                {
                    for (var j = 0; j < row.Length; j++) binary[j] = row[j] > t ? 1 : 0;
                    row = binary;
                }
                for (var c = 0; c < k; c++)
                    scores[(long)i * k + c] = bias[c] + TensorPrimitives.Dot(row, weights.AsSpan(c * featureCount, featureCount));
            }
            return binary;
        }, _ => { });
        return scores;
    }

    /// <summary>Turns each row of joint log-likelihoods into probabilities in place, subtracting the row maximum first so exp cannot overflow.</summary>
    public static double[] Softmax(double[] scores, int classCount)
    {
        var rows = scores.Length / classCount;
        var blocks = (rows + RowsPerBlock - 1) / RowsPerBlock;
        Parallel.For(0, blocks, block =>
        {
            var end = Math.Min(rows, (block + 1) * RowsPerBlock);
            for (var i = block * RowsPerBlock; i < end; i++)
            {
                var row = scores.AsSpan(i * classCount, classCount);
                var max = row[0];
                for (var c = 1; c < row.Length; c++) max = Math.Max(max, row[c]);
                double sum = 0;
                for (var c = 0; c < row.Length; c++) sum += row[c] = Math.Exp(row[c] - max);
                for (var c = 0; c < row.Length; c++) row[c] /= sum;
            }
        });
        return scores;
    }

    /// <summary>The highest-scoring class of each row, the first on ties (NumPy's argmax over the joint log-likelihood, as scikit-learn predicts).</summary>
    public static int[] ArgMax(double[] scores, int classCount)
    {
        var codes = new int[scores.Length / classCount];
        for (var i = 0; i < codes.Length; i++)
        {
            var row = scores.AsSpan(i * classCount, classCount);
            var best = 0;
            for (var c = 1; c < row.Length; c++) if (row[c] > row[best]) best = c;
            codes[i] = best;
        }
        return codes;
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
