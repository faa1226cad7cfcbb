using MathNet.Numerics;

namespace Kiln.Serving.Monitoring;

/// <summary>
/// The statistics that compare live data with the training data: the population stability index over shared bins,
/// the two-sample Kolmogorov–Smirnov test and Pearson's chi-square test of a 2×k contingency table, the last two as
/// <c>scipy.stats.ks_2samp</c> and <c>scipy.stats.chi2_contingency</c> compute them.
/// </summary>
public static class DriftStatistics
{
    /// <summary>The share given to a bin that one side leaves empty, so that the logarithm stays finite.</summary>
    public const double EmptyBinShare = 1e-4;

    /// <summary>
    /// PSI = Σ (live − reference) · ln(live / reference) over the bins' shares; 0 when both spread alike, above 0.2 by
    /// the usual reading a shift worth acting on. Both arrays count the same bins in the same order.
    /// </summary>
    public static double PopulationStabilityIndex(ReadOnlySpan<long> reference, ReadOnlySpan<long> live)
    {
        if (reference.Length != live.Length)
            throw new ArgumentException($"the reference has {reference.Length} bins but the live data {live.Length}; both must count the same bins");
        var referenceTotal = Total(reference, nameof(reference));
        var liveTotal = Total(live, nameof(live));
        var psi = 0.0;
        for (var i = 0; i < reference.Length; i++)
        {
            var expected = Math.Max(reference[i] / referenceTotal, EmptyBinShare);
            var actual = Math.Max(live[i] / liveTotal, EmptyBinShare);
            psi += (actual - expected) * Math.Log(actual / expected);
        }
        return psi;
    }

    /// <summary>The largest sample size for which the Kolmogorov–Smirnov p-value is computed exactly, as <c>ks_2samp</c> does.</summary>
    public const int ExactKolmogorovSmirnovLimit = 10_000;

    /// <summary>
    /// The two-sided two-sample Kolmogorov–Smirnov test: the largest gap D between the samples' empirical distribution
    /// functions, and its p-value — exact when neither sample is larger than <see cref="ExactKolmogorovSmirnovLimit"/>
    /// (as <c>ks_2samp</c>'s default computes it), otherwise from Kolmogorov's limiting distribution at √(nm/(n+m))·D.
    /// Neither sample may be empty or hold NaN.
    /// </summary>
    public static TestResult KolmogorovSmirnov(ReadOnlySpan<double> first, ReadOnlySpan<double> second)
    {
        if (first.IsEmpty || second.IsEmpty) throw new ArgumentException("the Kolmogorov–Smirnov test needs at least one value in each sample");
        var a = Sorted(first, nameof(first));
        var b = Sorted(second, nameof(second));
        double n = a.Length, m = b.Length, gap = 0;
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            // step past every copy of the smaller value on both sides, so ties move both functions together
            var value = Math.Min(a[i], b[j]);
            while (i < a.Length && a[i] == value) i++;
            while (j < b.Length && b[j] == value) j++;
            gap = Math.Max(gap, Math.Abs(i / n - j / m));
        }
        if (Math.Max(a.Length, b.Length) <= ExactKolmogorovSmirnovLimit) return new TestResult(gap, ExactKolmogorovSmirnovPValue(a.Length, b.Length, gap));
        var effective = n * m / (n + m);
        return new TestResult(gap, KolmogorovSurvival(Math.Sqrt(effective) * gap));
    }

    /// <summary>
    /// P(D ≥ <paramref name="gap"/>) when both samples come from one continuous distribution: the share of the
    /// monotone lattice paths from (0, 0) to (n, m) that reach a point where |i/n − j/m| ≥ D. Walked row by row with
    /// the share of paths to each point that have already left the band, a weighted mean of its two predecessors,
    /// so that small p-values keep their precision instead of being 1 minus something close to 1.
    /// </summary>
    static double ExactKolmogorovSmirnovPValue(int n, int m, double gap)
    {
        // D is a multiple of 1/lcm(n, m); rounding it there makes the comparisons below exact integers
        long divisor = (long)System.Numerics.BigInteger.GreatestCommonDivisor(n, m);
        var lcm = n / divisor * m;
        var steps = (long)Math.Round(gap * lcm);
        if (steps == 0) return 1;
        var bound = steps * divisor;
        var outside = new double[m + 1];
        for (var i = 0; i <= n; i++)
            for (var j = 0; j <= m; j++)
            {
                if (Math.Abs((long)i * m - (long)j * n) >= bound) outside[j] = 1;
                else if (i + j > 0) outside[j] = (i * outside[j] + (j > 0 ? j * outside[j - 1] : 0)) / (i + j);
            }
        return Math.Clamp(outside[m], 0, 1);
    }

    /// <summary>
    /// Pearson's chi-square test of independence for a table of counts (rows × columns), with Yates' continuity
    /// correction when there is one degree of freedom, as <c>chi2_contingency</c> does by default. Columns that are
    /// empty in every row are left out, since they carry no evidence and would make an expected count of zero.
    /// </summary>
    public static (TestResult Result, int DegreesOfFreedom) ChiSquare(IReadOnlyList<long[]> table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.Count < 2) throw new ArgumentException("a contingency table needs at least two rows");
        var width = table[0].Length;
        if (table.Any(row => row.Length != width)) throw new ArgumentException("every row of a contingency table must have the same number of columns");
        var kept = Enumerable.Range(0, width).Where(c => table.Any(row => row[c] != 0)).ToArray();
        var rowTotals = table.Select(row => (double)kept.Sum(c => row[c])).ToArray();
        if (rowTotals.Any(t => t == 0)) throw new ArgumentException("every row of a contingency table needs at least one count");
        if (table.SelectMany(row => row).Any(count => count < 0)) throw new ArgumentException("counts cannot be negative");
        var columnTotals = kept.Select(c => (double)table.Sum(row => row[c])).ToArray();
        var total = rowTotals.Sum();
        var degrees = (table.Count - 1) * (kept.Length - 1);
        if (degrees == 0) return (new TestResult(0, 1), 0);
        var statistic = 0.0;
        for (var r = 0; r < table.Count; r++)
            for (var k = 0; k < kept.Length; k++)
            {
                var expected = rowTotals[r] * columnTotals[k] / total;
                var difference = table[r][kept[k]] - expected;
                if (degrees == 1)
                    difference = Math.Sign(difference) * Math.Max(Math.Abs(difference) - 0.5, 0);
                statistic += difference * difference / expected;
            }
        return (new TestResult(statistic, SpecialFunctions.GammaUpperRegularized(degrees / 2.0, statistic / 2)), degrees);
    }

    /// <summary>P(K &gt; x) for Kolmogorov's distribution: 2 Σ (−1)^(k−1) e^(−2k²x²), which converges fast once x is not tiny.</summary>
    public static double KolmogorovSurvival(double x)
    {
        if (x <= 0) return 1;
        // below ~0.2 the alternating series needs many terms and the answer is 1 to double precision
        if (x < 0.2) return 1;
        var sum = 0.0;
        for (var k = 1; k <= 100; k++)
        {
            var term = Math.Exp(-2.0 * k * k * x * x);
            sum += (k % 2 == 1 ? term : -term);
            if (term < 1e-17) break;
        }
        return Math.Clamp(2 * sum, 0, 1);
    }

    static double Total(ReadOnlySpan<long> counts, string name)
    {
        long total = 0;
        foreach (var count in counts)
        {
            if (count < 0) throw new ArgumentException("counts cannot be negative", name);
            total += count;
        }
        if (total == 0) throw new ArgumentException("the counts are all zero, so there is no distribution to compare", name);
        return total;
    }

    static double[] Sorted(ReadOnlySpan<double> values, string name)
    {
        var copy = values.ToArray();
        if (Array.Exists(copy, double.IsNaN)) throw new ArgumentException("a sample holds NaN", name);
        Array.Sort(copy);
        return copy;
    }
}
