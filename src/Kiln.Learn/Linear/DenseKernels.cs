using System.Numerics;
using System.Runtime.CompilerServices;

namespace Kiln.Learn.Linear;

/// <summary>
/// The few dense kernels the linear learners spend their time in, compiled fully optimised on first use. Through the
/// tiered JIT, a process's first fits and predictions would otherwise run mostly in unoptimised generic vector code.
/// </summary>
internal static class DenseKernels
{
    /// <summary>x · y.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var width = Vector<double>.Count;
        var (first, second) = (Vector<double>.Zero, Vector<double>.Zero);
        var i = 0;
        // two accumulators, so consecutive multiply-adds do not wait on each other
        for (; i + 2 * width <= x.Length; i += 2 * width)
        {
            first += new Vector<double>(x.Slice(i, width)) * new Vector<double>(y.Slice(i, width));
            second += new Vector<double>(x.Slice(i + width, width)) * new Vector<double>(y.Slice(i + width, width));
        }
        if (i + width <= x.Length)
        {
            first += new Vector<double>(x.Slice(i, width)) * new Vector<double>(y.Slice(i, width));
            i += width;
        }
        var sum = Vector.Sum(first + second);
        for (; i < x.Length; i++) sum += x[i] * y[i];
        return sum;
    }

    /// <summary>y += a · x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyAdd(ReadOnlySpan<double> x, double a, Span<double> y)
    {
        var width = Vector<double>.Count;
        var scale = new Vector<double>(a);
        var i = 0;
        for (; i + width <= x.Length; i += width)
            (new Vector<double>(x.Slice(i, width)) * scale + new Vector<double>(y.Slice(i, width))).CopyTo(y.Slice(i, width));
        for (; i < x.Length; i++) y[i] += a * x[i];
    }

    /// <summary>x += a, in place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Add(Span<double> x, double a)
    {
        var width = Vector<double>.Count;
        var shift = new Vector<double>(a);
        var i = 0;
        for (; i + width <= x.Length; i += width) (new Vector<double>(x.Slice(i, width)) + shift).CopyTo(x.Slice(i, width));
        for (; i < x.Length; i++) x[i] += a;
    }

    /// <summary>The sum of x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Sum(ReadOnlySpan<double> x)
    {
        var width = Vector<double>.Count;
        var total = Vector<double>.Zero;
        var i = 0;
        for (; i + width <= x.Length; i += width) total += new Vector<double>(x.Slice(i, width));
        var sum = Vector.Sum(total);
        for (; i < x.Length; i++) sum += x[i];
        return sum;
    }
}
