using System.Buffers;
using System.Numerics;

namespace Kiln.Learn.Preprocessing;

/// <summary>Vectorised passes over float64 values that treat NaN as missing.</summary>
internal static class MissingValues
{
    /// <summary>The sum and number of the values that are not NaN.</summary>
    public static (double Sum, long Count) PresentSum(ReadOnlySpan<double> values)
    {
        var width = Vector<double>.Count;
        var sums = Vector<double>.Zero;
        var counts = Vector<long>.Zero;
        var i = 0;
        for (; i + width <= values.Length; i += width)
        {
            var v = new Vector<double>(values.Slice(i, width));
            var present = Vector.Equals(v, v);
            sums += Vector.ConditionalSelect(present, v, Vector<double>.Zero);
            counts -= present; // a true lane is all ones, which is -1
        }
        var sum = Vector.Sum(sums);
        var count = Vector.Sum(counts);
        for (; i < values.Length; i++)
        {
            if (double.IsNaN(values[i])) continue;
            sum += values[i];
            count++;
        }
        return (sum, count);
    }

    /// <summary>Copies the values, putting <paramref name="fill"/> where one is NaN.</summary>
    public static double[] Fill(ReadOnlySpan<double> values, double fill)
    {
        var result = GC.AllocateUninitializedArray<double>(values.Length);
        var width = Vector<double>.Count;
        var fills = new Vector<double>(fill);
        var i = 0;
        for (; i + width <= values.Length; i += width)
        {
            var v = new Vector<double>(values.Slice(i, width));
            Vector.ConditionalSelect(Vector.Equals(v, v), v, fills).CopyTo(result, i);
        }
        for (; i < values.Length; i++) result[i] = double.IsNaN(values[i]) ? fill : values[i];
        return result;
    }

    /// <summary>
    /// Runs <paramref name="use"/> on a scratch copy of the values that are not NaN, which it may reorder; the copy is
    /// pooled because a median per column of a large frame would otherwise allocate a column's worth each time.
    /// </summary>
    public static T WithPresent<T>(ReadOnlySpan<double> values, long count, Func<double[], int, T> use)
    {
        var present = ArrayPool<double>.Shared.Rent(checked((int)count));
        try
        {
            var k = 0;
            foreach (var v in values)
                if (!double.IsNaN(v)) present[k++] = v;
            return use(present, k);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(present);
        }
    }

    /// <summary>The non-missing values of a column, sorted ascending.</summary>
    public static double[] SortedPresent(ReadOnlySpan<double> values)
    {
        var count = 0;
        foreach (var v in values) if (!double.IsNaN(v)) count++;
        var present = new double[count];
        var j = 0;
        foreach (var v in values) if (!double.IsNaN(v)) present[j++] = v;
        Array.Sort(present);
        return present;
    }

    /// <summary>Mean and population variance (ddof 0) of the non-missing values.</summary>
    public static (double Mean, double Variance, int Count) Moments(ReadOnlySpan<double> values)
    {
        double sum = 0;
        var count = 0;
        foreach (var v in values) if (!double.IsNaN(v)) { sum += v; count++; }
        if (count == 0) return (double.NaN, double.NaN, 0);
        var mean = sum / count;
        double squares = 0;
        foreach (var v in values) if (!double.IsNaN(v)) squares += (v - mean) * (v - mean);
        return (mean, squares / count, count);
    }
}
