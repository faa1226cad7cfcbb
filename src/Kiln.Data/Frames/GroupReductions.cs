namespace Kiln.Data;

/// <summary>Per-group reductions in one pass over contiguous values, with one accumulator per group indexed by group id.</summary>
internal static class GroupReductions
{
    public static long[] CountPresent(Column column, ReadOnlySpan<int> groupOfRow, int groupCount)
    {
        var counts = new long[groupCount];
        if (column is Float64Column floats)
        {
            var values = floats.Values;
            for (var i = 0; i < values.Length; i++)
                if (groupOfRow[i] >= 0 && !double.IsNaN(values[i])) counts[groupOfRow[i]]++;
            return counts;
        }
        for (var i = 0; i < groupOfRow.Length; i++)
            if (groupOfRow[i] >= 0 && !column.IsMissing(i)) counts[groupOfRow[i]]++;
        return counts;
    }

    /// <summary>One result per group; NaN marks a missing value in the input and an undefined result in the output.</summary>
    public static double[] Reduce(ReadOnlySpan<double> values, ReadOnlySpan<int> groupOfRow, int groupCount, AggregateFunction function)
    {
        switch (function)
        {
            case AggregateFunction.Sum:
                return Sums(values, groupOfRow, groupCount, out _);
            case AggregateFunction.Mean:
                var sums = Sums(values, groupOfRow, groupCount, out var counts);
                for (var g = 0; g < groupCount; g++) sums[g] = counts[g] == 0 ? double.NaN : sums[g] / counts[g];
                return sums;
            case AggregateFunction.Min:
                return Extremes(values, groupOfRow, groupCount, smallest: true);
            case AggregateFunction.Max:
                return Extremes(values, groupOfRow, groupCount, smallest: false);
            case AggregateFunction.Std:
                return StandardDeviations(values, groupOfRow, groupCount);
            case AggregateFunction.Median:
                return Medians(values, groupOfRow, groupCount);
            default:
                throw new ArgumentOutOfRangeException(nameof(function), function, "count is computed by CountPresent");
        }
    }

    static double[] Sums(ReadOnlySpan<double> values, ReadOnlySpan<int> groupOfRow, int groupCount, out long[] counts)
    {
        var sums = new double[groupCount];
        counts = new long[groupCount];
        for (var i = 0; i < values.Length; i++)
        {
            var group = groupOfRow[i];
            var value = values[i];
            if (group < 0 || double.IsNaN(value)) continue;
            sums[group] += value;
            counts[group]++;
        }
        return sums;
    }

    static double[] Extremes(ReadOnlySpan<double> values, ReadOnlySpan<int> groupOfRow, int groupCount, bool smallest)
    {
        var result = new double[groupCount];
        result.AsSpan().Fill(double.NaN);
        for (var i = 0; i < values.Length; i++)
        {
            var group = groupOfRow[i];
            var value = values[i];
            if (group < 0 || double.IsNaN(value)) continue;
            ref var current = ref result[group];
            // NaN in the accumulator means no value yet; comparisons with NaN are false, so test it first
            if (double.IsNaN(current) || (smallest ? value < current : value > current)) current = value;
        }
        return result;
    }

    static double[] StandardDeviations(ReadOnlySpan<double> values, ReadOnlySpan<int> groupOfRow, int groupCount)
    {
        // two passes (mean, then squared deviations) stay accurate where sum-of-squares formulas cancel
        var means = Sums(values, groupOfRow, groupCount, out var counts);
        for (var g = 0; g < groupCount; g++) means[g] /= counts[g];
        var squares = new double[groupCount];
        for (var i = 0; i < values.Length; i++)
        {
            var group = groupOfRow[i];
            var value = values[i];
            if (group < 0 || double.IsNaN(value)) continue;
            var deviation = value - means[group];
            squares[group] += deviation * deviation;
        }
        for (var g = 0; g < groupCount; g++) squares[g] = counts[g] < 2 ? double.NaN : Math.Sqrt(squares[g] / (counts[g] - 1));
        return squares;
    }

    static double[] Medians(ReadOnlySpan<double> values, ReadOnlySpan<int> groupOfRow, int groupCount)
    {
        // bucket each group's values together (a counting sort by group), then select within each bucket
        var starts = new int[groupCount + 1];
        for (var i = 0; i < values.Length; i++)
            if (groupOfRow[i] >= 0 && !double.IsNaN(values[i])) starts[groupOfRow[i] + 1]++;
        for (var g = 0; g < groupCount; g++) starts[g + 1] += starts[g];
        var buckets = new double[starts[groupCount]];
        var next = starts[..groupCount];
        for (var i = 0; i < values.Length; i++)
            if (groupOfRow[i] >= 0 && !double.IsNaN(values[i])) buckets[next[groupOfRow[i]]++] = values[i];
        var medians = new double[groupCount];
        for (var g = 0; g < groupCount; g++)
            medians[g] = starts[g + 1] == starts[g] ? double.NaN : Quantiles.Median(buckets.AsSpan(starts[g], starts[g + 1] - starts[g]));
        return medians;
    }
}
