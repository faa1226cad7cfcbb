namespace Kiln.Learn.Trees;

/// <summary>
/// The training features quantised once per fit, so that splits are searched over small integer codes: a feature with
/// at most <see cref="MaxExactBins"/> distinct values gets one bin per value (its splits are then exactly the exact
/// splitter's), a feature with more gets <see cref="QuantileBins"/> bins of about equal row counts.
/// Codes are row-major, so gathering a node's rows reads each row's codes from one cache line. Values are taken at
/// single precision, as scikit-learn's trees take them, so that thresholds and the rows they send left are the same.
/// </summary>
internal sealed class BinnedFeatures
{
    public const int MaxExactBins = 4096;
    public const int QuantileBins = 256;

    BinnedFeatures(ushort[] codes, int rowCount, int featureCount, int[] binOffset, double[] binLow, double[] binHigh)
    {
        Codes = codes;
        RowCount = rowCount;
        FeatureCount = featureCount;
        BinOffset = binOffset;
        BinLow = binLow;
        BinHigh = binHigh;
    }

    /// <summary>Row r's code of feature f at r · FeatureCount + f.</summary>
    public ushort[] Codes { get; }

    public int RowCount { get; }

    public int FeatureCount { get; }

    /// <summary>Feature f's bins are BinOffset[f] … BinOffset[f + 1] − 1 in the per-bin arrays.</summary>
    public int[] BinOffset { get; }

    /// <summary>The smallest training value in each bin.</summary>
    public double[] BinLow { get; }

    /// <summary>The largest training value in each bin.</summary>
    public double[] BinHigh { get; }

    public int TotalBins => BinOffset[FeatureCount];

    public int BinCount(int feature) => BinOffset[feature + 1] - BinOffset[feature];

    /// <summary>A threshold between two bins that separates their training values, midway as scikit-learn places it.</summary>
    public double Threshold(int feature, int leftBin, int rightBin)
    {
        var low = BinHigh[BinOffset[feature] + leftBin];
        var high = BinLow[BinOffset[feature] + rightBin];
        var threshold = low / 2 + high / 2;
        // the midpoint can round up to the right value, which would send it left
        return threshold >= high ? low : threshold;
    }

    /// <summary>A value rounded to single precision, as trees compare it; one beyond single range is an error naming its column.</summary>
    public static double Single(double value, string column)
    {
        var single = (float)value;
        if (float.IsInfinity(single))
            throw new ArgumentException($"column '{column}' holds {value}, beyond the single-precision range trees compare values in", "features");
        return single;
    }

    /// <summary>Bins the given rows of <paramref name="x"/> (the others get no codes that are read), one feature per task.</summary>
    public static BinnedFeatures Of(TreeInput x, int[] rows)
    {
        var featureCount = x.FeatureCount;
        var codes = new ushort[(long)x.RowCount * featureCount];
        var lows = new double[featureCount][];
        var highs = new double[featureCount][];
        Parallel.For(0, featureCount, () => (new double[rows.Length], new int[rows.Length]), (f, _, scratch) =>
        {
            var (sorted, order) = scratch;
            var values = x.Column(f);
            for (var i = 0; i < rows.Length; i++)
            {
                sorted[i] = Single(values[rows[i]], x.Name(f));
                order[i] = rows[i];
            }
            Array.Sort(sorted, order);
            var distinct = 1;
            for (var i = 1; i < sorted.Length; i++) if (sorted[i] != sorted[i - 1]) distinct++;
            var binCount = Math.Min(distinct, distinct <= MaxExactBins ? MaxExactBins : QuantileBins);
            var low = new double[binCount];
            var high = new double[binCount];
            // a new bin starts at a new value once the current bin holds its share of rows (every value when exact)
            var share = distinct <= MaxExactBins ? 0 : (double)rows.Length / binCount;
            var bin = 0;
            low[0] = sorted[0];
            for (var i = 0; i < sorted.Length; i++)
            {
                if (i > 0 && sorted[i] != sorted[i - 1] && bin + 1 < binCount && i >= (bin + 1) * share)
                {
                    high[bin] = sorted[i - 1];
                    bin++;
                    low[bin] = sorted[i];
                }
                codes[(long)order[i] * featureCount + f] = (ushort)bin;
            }
            high[bin] = sorted[^1];
            lows[f] = low[..(bin + 1)];
            highs[f] = high[..(bin + 1)];
            return scratch;
        }, _ => { });
        var offsets = new int[featureCount + 1];
        for (var f = 0; f < featureCount; f++) offsets[f + 1] = offsets[f] + lows[f].Length;
        var binLow = new double[offsets[featureCount]];
        var binHigh = new double[offsets[featureCount]];
        for (var f = 0; f < featureCount; f++)
        {
            lows[f].CopyTo(binLow, offsets[f]);
            highs[f].CopyTo(binHigh, offsets[f]);
        }
        return new BinnedFeatures(codes, x.RowCount, featureCount, offsets, binLow, binHigh);
    }
}
