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
    // a block of rows, held feature by feature, stays in cache while every pair of features is dotted over it
    const int BlockValues = 16_384;

    /// <summary>Copies rows start..start+count of every feature into <c>block</c>, feature after feature (count values each).</summary>
    delegate void BlockFiller(int start, int count, Span<double> block);

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

    /// <summary>The problem of a row-major matrix.</summary>
    public static CenteredGram Of(FeatureMatrix x, double[] y, double[]? weights, bool center)
    {
        var (p, memory) = (x.FeatureCount, x.Memory);
        return Of(x.RowCount, p, (start, count, block) =>
        {
            var rows = memory.Span.Slice(start * p, count * p);
            for (var i = 0; i < count; i++)
                for (var j = 0; j < p; j++) block[j * count + i] = rows[i * p + j];
        }, y, weights, center);
    }

    /// <summary>The problem of the frame's columns as they are, without gathering them into a row-major matrix first.</summary>
    public static CenteredGram Of(Float64Column[] columns, double[] y, double[]? weights, bool center) =>
        Of(y.Length, columns.Length, (start, count, block) =>
        {
            for (var j = 0; j < columns.Length; j++) columns[j].Values.Slice(start, count).CopyTo(block.Slice(j * count, count));
        }, y, weights, center);

    static CenteredGram Of(int n, int p, BlockFiller fill, double[] y, double[]? weights, bool center)
    {
        var chunkRows = Math.Max(MinimumChunkRows, (n + MaximumChunks - 1) / MaximumChunks);
        var chunks = (n + chunkRows - 1) / chunkRows;
        var blockRows = Math.Clamp(BlockValues / Math.Max(1, p), 64, chunkRows);

        var weightTotal = weights is null ? n : TensorPrimitives.Sum<double>(weights);
        if (!(weightTotal > 0)) throw new ArgumentException("the sample weights sum to zero; at least one row needs a positive weight", "context");
        var featureMeans = new double[p];
        var targetMean = 0.0;
        if (center)
        {
            var partialSums = new double[chunks][];
            Parallel.For(0, chunks, chunk =>
            {
                var sums = new double[p];
                var block = new double[blockRows * p];
                var (chunkStart, chunkEnd) = (chunk * chunkRows, Math.Min(n, (chunk + 1) * chunkRows));
                for (var start = chunkStart; start < chunkEnd; start += blockRows)
                {
                    var count = Math.Min(blockRows, chunkEnd - start);
                    fill(start, count, block);
                    for (var j = 0; j < p; j++)
                    {
                        var feature = block.AsSpan(j * count, count);
                        sums[j] += weights is null ? DenseKernels.Sum(feature) : DenseKernels.Dot(feature, weights.AsSpan(start, count));
                    }
                }
                partialSums[chunk] = sums;
            });
            foreach (var sums in partialSums) TensorPrimitives.Add(featureMeans, sums, featureMeans);
            TensorPrimitives.Divide(featureMeans, weightTotal, featureMeans);
            targetMean = (weights is null ? TensorPrimitives.Sum<double>(y) : TensorPrimitives.Dot<double>(y, weights)) / weightTotal;
        }

        var partialGrams = new double[chunks][];
        var partialMoments = new double[chunks][];
        var partialSquares = new double[chunks];
        Parallel.For(0, chunks, chunk =>
        {
            var gram = new double[p * p];
            var moments = new double[p];
            var block = new double[blockRows * p];
            var weighted = new double[blockRows];
            var residuals = new double[blockRows];
            var weightedResiduals = new double[blockRows];
            double squares = 0;
            var (chunkStart, chunkEnd) = (chunk * chunkRows, Math.Min(n, (chunk + 1) * chunkRows));
            for (var start = chunkStart; start < chunkEnd; start += blockRows)
            {
                var count = Math.Min(blockRows, chunkEnd - start);
                fill(start, count, block);
                for (var j = 0; j < p; j++)
                {
                    DenseKernels.Add(block.AsSpan(j * count, count), -featureMeans[j]);
                }
                var r = residuals.AsSpan(0, count);
                y.AsSpan(start, count).CopyTo(r);
                DenseKernels.Add(r, -targetMean);
                var wr = weights is null ? r : weightedResiduals.AsSpan(0, count);
                if (weights is not null) TensorPrimitives.Multiply(r, weights.AsSpan(start, count), wr);
                squares += DenseKernels.Dot(wr, r);
                for (var j = 0; j < p; j++)
                {
                    ReadOnlySpan<double> feature = block.AsSpan(j * count, count);
                    var scaled = feature;
                    if (weights is not null)
                    {
                        TensorPrimitives.Multiply(feature, weights.AsSpan(start, count), weighted.AsSpan(0, count));
                        scaled = weighted.AsSpan(0, count);
                    }
                    moments[j] += DenseKernels.Dot(scaled, r);
                    // upper triangle only; mirrored once at the end
                    for (var k = j; k < p; k++) gram[j * p + k] += DenseKernels.Dot(scaled, block.AsSpan(k * count, count));
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
