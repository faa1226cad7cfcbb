using Kiln.Data;

namespace Kiln.Learn.Metrics;

/// <summary>
/// A reliability diagram's points (scikit-learn 1.2's calibration_curve): the probabilities are put in bins, and for
/// every bin that holds any, the fraction of its rows that are positive against the mean probability predicted. A
/// well-calibrated model's points lie on the diagonal.
/// </summary>
public sealed record CalibrationCurve(double[] FractionOfPositives, double[] MeanPredictedProbability)
{
    /// <summary>
    /// The curve of the probabilities of <paramref name="positiveLabel"/>, in <paramref name="bins"/> bins of equal
    /// width over [0, 1] or, with <paramref name="quantileBins"/>, holding equal numbers of rows.
    /// </summary>
    public static CalibrationCurve Of<T>(ReadOnlySpan<T> yTrue, ReadOnlySpan<double> probability, T positiveLabel, int bins = 5,
        bool quantileBins = false) where T : notnull
    {
        LabelEncoding.RequireSameLength(yTrue.Length, probability.Length, nameof(yTrue), nameof(probability));
        LabelEncoding.RequireNotEmpty(yTrue.Length, nameof(yTrue));
        LabelEncoding.RequirePresent(yTrue, nameof(yTrue));
        LabelEncoding.RequireFinite(probability, nameof(probability));
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        if (LabelEncoding.Sorted(yTrue).Length > 2)
            throw new ArgumentException("yTrue holds more than two labels; a calibration curve is for one class against the rest", nameof(yTrue));
        for (var i = 0; i < probability.Length; i++)
            if (probability[i] is < 0 or > 1)
                throw new ArgumentException($"probability is {probability[i]} at row {i}; it must be in [0, 1]", nameof(probability));

        var edges = new double[bins + 1];
        for (var b = 0; b <= bins; b++) edges[b] = (double)b / bins;
        if (quantileBins) Quantiles.Linear(probability.ToArray(), (double[])edges.Clone(), edges);

        var equality = LabelEncoding.Equality<T>();
        var sums = new double[bins];
        var positives = new double[bins];
        var counts = new int[bins];
        var inner = edges.AsSpan(1, bins - 1);
        for (var i = 0; i < probability.Length; i++)
        {
            // the bin is the number of inner edges below the value (NumPy's searchsorted, side left)
            var bin = 0;
            while (bin < inner.Length && inner[bin] < probability[i]) bin++;
            sums[bin] += probability[i];
            counts[bin]++;
            if (equality.Equals(yTrue[i], positiveLabel)) positives[bin]++;
        }
        var fraction = new List<double>(bins);
        var mean = new List<double>(bins);
        for (var b = 0; b < bins; b++)
        {
            if (counts[b] == 0) continue;
            fraction.Add(positives[b] / counts[b]);
            mean.Add(sums[b] / counts[b]);
        }
        return new CalibrationCurve([.. fraction], [.. mean]);
    }
}
