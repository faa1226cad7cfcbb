using System.Numerics.Tensors;
using Kiln.Data;

namespace Kiln.Learn.Linear;

/// <summary>
/// The weighted normal equations of a least-squares problem after centring: Xᵀ W X, Xᵀ W y and yᵀ W y on
/// centred columns, with the means the intercept is recovered from. Every squared-loss learner here starts from it.
/// </summary>
internal sealed class CenteredGram
{
    // fixed chunking (by row count, never by thread count) keeps sums in one order, so fits are bit-for-bit repeatable
    const int MinimumChunkRows = 4096;
    const int MaximumChunks = 16;

    CenteredGram(int featureCount) => FeatureCount = featureCount;

    public int FeatureCount { get; }

    /// <summary>Xᵀ W X on centred columns, row-major, symmetric.</summary>
    public double[] Gram { get; private init; } = [];

    /// <summary>Xᵀ W y on centred columns.</summary>
    public double[] Moments { get; private init; } = [];

    /// <summary>yᵀ W y of the centred target.</summary>
    public double TargetSquares { get; private init; }

    public double[] FeatureMeans { get; private init; } = [];
    public double TargetMean { get; private init; }

    /// <summary>The sum of the sample weights (the row count when unweighted).</summary>
    public double WeightTotal { get; private init; }

    public static CenteredGram Of(FeatureMatrix x, ReadOnlySpan<double> y, double[]? weights, bool center)
    {
        var (n, p) = (x.RowCount, x.FeatureCount);
        var values = x.Memory;
        var featureMeans = new double[p];
        double weightTotal = 0, targetMean = 0;
        for (var i = 0; i < n; i++)
        {
            var w = weights?[i] ?? 1;
            weightTotal += w;
            if (!center || w == 0) continue;
            TensorPrimitives.MultiplyAdd(x.Row(i), w, featureMeans, featureMeans);
            targetMean += w * y[i];
        }
        if (weightTotal <= 0) throw new ArgumentException("the sample weights sum to zero; at least one row needs a positive weight", "context");
        if (center)
        {
            TensorPrimitives.Divide(featureMeans, weightTotal, featureMeans);
            targetMean /= weightTotal;
        }

        var chunkRows = Math.Max(MinimumChunkRows, (n + MaximumChunks - 1) / MaximumChunks);
        var chunks = (n + chunkRows - 1) / chunkRows;
        var partialGrams = new double[chunks][];
        var partialMoments = new double[chunks][];
        var partialSquares = new double[chunks];
        var target = y.ToArray();
        Parallel.For(0, chunks, chunk =>
        {
            var gram = new double[p * p];
            var moments = new double[p];
            var centred = new double[p];
            var weighted = new double[p];
            double squares = 0;
            var (start, end) = (chunk * chunkRows, Math.Min(n, (chunk + 1) * chunkRows));
            for (var i = start; i < end; i++)
            {
                var w = weights?[i] ?? 1;
                if (w == 0) continue;
                TensorPrimitives.Subtract(values.Span.Slice(i * p, p), featureMeans, centred);
                TensorPrimitives.Multiply(centred, w, weighted);
                var r = target[i] - targetMean;
                squares += w * r * r;
                TensorPrimitives.MultiplyAdd(weighted, r, moments, moments);
                // upper triangle only; mirrored once at the end
                for (var j = 0; j < p; j++)
                {
                    var scale = weighted[j];
                    if (scale == 0) continue;
                    var tail = gram.AsSpan(j * p + j, p - j);
                    TensorPrimitives.MultiplyAdd(centred.AsSpan(j), scale, tail, tail);
                }
            }
            partialGrams[chunk] = gram;
            partialMoments[chunk] = moments;
            partialSquares[chunk] = squares;
        });
        var total = partialGrams[0];
        var totalMoments = partialMoments[0];
        var totalSquares = partialSquares[0];
        for (var c = 1; c < chunks; c++)
        {
            TensorPrimitives.Add(total, partialGrams[c], total);
            TensorPrimitives.Add(totalMoments, partialMoments[c], totalMoments);
            totalSquares += partialSquares[c];
        }
        for (var j = 0; j < p; j++)
            for (var k = j + 1; k < p; k++) total[k * p + j] = total[j * p + k];
        return new CenteredGram(p)
        {
            Gram = total,
            Moments = totalMoments,
            TargetSquares = totalSquares,
            FeatureMeans = featureMeans,
            TargetMean = targetMean,
            WeightTotal = weightTotal,
        };
    }

    /// <summary>The intercept that goes with <paramref name="coefficients"/> on the uncentred data.</summary>
    public double InterceptFor(ReadOnlySpan<double> coefficients) => TargetMean - TensorPrimitives.Dot(FeatureMeans, coefficients);
}
