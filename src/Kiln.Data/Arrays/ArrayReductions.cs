using System.Numerics;
using System.Numerics.Tensors;

namespace Kiln.Data;

/// <summary>
/// Reductions along one axis, as NumPy's <c>x.sum(axis=0, keepdims=True)</c>. Whole-tensor reductions are already in
/// <see cref="Tensor"/> (<c>Tensor.Sum</c>, <c>Average</c>, <c>StdDev</c>, <c>Min</c>, <c>Max</c>, <c>IndexOfMax</c>).
/// The axis may be negative (-1 is the last). NaN propagates as in NumPy's sum, mean, var, min and max, and ArgMax and
/// ArgMin return the first NaN's position. Reducing a 1-D tensor without keepDims gives shape [1], Tensor's smallest.
/// </summary>
public static class ArrayReductions
{
    public static Tensor<T> Sum<T>(this Tensor<T> x, int axis, bool keepDims = false) where T : INumber<T> =>
        Apply(x, axis, keepDims, Reduce<T, SumReducer<T>>);

    public static Tensor<T> Min<T>(this Tensor<T> x, int axis, bool keepDims = false) where T : INumber<T> =>
        Apply(x, axis, keepDims, Reduce<T, MinReducer<T>>);

    public static Tensor<T> Max<T>(this Tensor<T> x, int axis, bool keepDims = false) where T : INumber<T> =>
        Apply(x, axis, keepDims, Reduce<T, MaxReducer<T>>);

    public static Tensor<T> Mean<T>(this Tensor<T> x, int axis, bool keepDims = false) where T : IFloatingPointIeee754<T> =>
        Apply(x, axis, keepDims, MeanKernel);

    /// <summary>Variance with divisor n - ddof (ddof 1 gives the sample variance); a divisor of 0 or less gives NaN or ∞ as in NumPy.</summary>
    public static Tensor<T> Var<T>(this Tensor<T> x, int axis, int ddof = 0, bool keepDims = false) where T : IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ddof);
        return Apply(x, axis, keepDims, (source, lengths, a) => VarianceKernel(source, lengths, a, ddof));
    }

    /// <summary>Standard deviation with divisor n - ddof, the square root of <see cref="Var{T}"/>.</summary>
    public static Tensor<T> Std<T>(this Tensor<T> x, int axis, int ddof = 0, bool keepDims = false) where T : IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ddof);
        return Apply(x, axis, keepDims, (source, lengths, a) =>
        {
            var variance = VarianceKernel(source, lengths, a, ddof);
            TensorPrimitives.Sqrt(variance, variance);
            return variance;
        });
    }

    /// <summary>The position of the largest value along the axis; the first wins ties and the first NaN wins outright.</summary>
    public static Tensor<long> ArgMax<T>(this Tensor<T> x, int axis, bool keepDims = false) where T : INumber<T> =>
        Apply(x, axis, keepDims, ArgReduce<T, MaxReducer<T>>);

    /// <summary>The position of the smallest value along the axis; the first wins ties and the first NaN wins outright.</summary>
    public static Tensor<long> ArgMin<T>(this Tensor<T> x, int axis, bool keepDims = false) where T : INumber<T> =>
        Apply(x, axis, keepDims, ArgReduce<T, MinReducer<T>>);

    /// <summary>Reduces row-major values of the given shape along an axis, giving the results in row-major order.</summary>
    delegate TResult[] AxisKernel<T, TResult>(ReadOnlySpan<T> source, ReadOnlySpan<nint> lengths, int axis);

    /// <summary>
    /// Runs a kernel on the tensor's memory. A transposed or permuted view is reduced in the order its memory lies
    /// and only the small result is reordered; other strided views are copied to row-major order first.
    /// </summary>
    static Tensor<TResult> Apply<T, TResult>(Tensor<T> x, int axis, bool keepDims, AxisKernel<T, TResult> kernel)
    {
        var a = TensorLayout.NormalizeAxis(axis, x.Rank);
        var resultLengths = TensorLayout.ReducedLengths(x.Lengths, a, keepDims);
        if (x.IsDense || !TensorLayout.TryMemoryOrder(x, out var order))
            return Tensor.Create(kernel(TensorLayout.RowMajor(x), x.Lengths, a), resultLengths);

        var memoryLengths = new nint[order.Length];
        var inverse = new int[order.Length];
        for (var k = 0; k < order.Length; k++)
        {
            memoryLengths[k] = x.Lengths[order[k]];
            inverse[order[k]] = k;
        }
        var memoryAxis = inverse[a];
        var reduced = kernel(TensorLayout.Storage(x), memoryLengths, memoryAxis);
        memoryLengths[memoryAxis] = 1;
        var logical = Tensor.PermuteDimensions(Tensor.Create(reduced, memoryLengths), inverse);
        return Tensor.Create(TensorLayout.RowMajor(logical).ToArray(), resultLengths);
    }

    /// <summary>
    /// Views the row-major values as [outer, length, inner] around the axis: each output element reduces `length`
    /// values that lie `inner` apart, so inner == 1 is one contiguous run and inner &gt; 1 reduces whole rows at a time.
    /// </summary>
    static (int Outer, int Length, int Inner) Split(ReadOnlySpan<nint> lengths, int axis) =>
        (TensorLayout.Product(lengths, 0, axis), (int)lengths[axis], TensorLayout.Product(lengths, axis + 1, lengths.Length));

    static T[] Reduce<T, TReducer>(ReadOnlySpan<T> source, ReadOnlySpan<nint> lengths, int axis) where TReducer : IAxisReducer<T>
    {
        var (outer, length, inner) = Split(lengths, axis);
        var result = new T[outer * inner];
        if (length == 0)
        {
            TReducer.FillEmpty(result, nameof(axis));
            return result;
        }
        for (var o = 0; o < outer; o++)
        {
            var block = source.Slice(o * length * inner, length * inner);
            if (inner == 1)
            {
                result[o] = TReducer.ReduceRun(block);
                continue;
            }
            var destination = result.AsSpan(o * inner, inner);
            block[..inner].CopyTo(destination);
            for (var k = 1; k < length; k++)
                TReducer.Combine(block.Slice(k * inner, inner), destination);
        }
        return result;
    }

    static T[] MeanKernel<T>(ReadOnlySpan<T> source, ReadOnlySpan<nint> lengths, int axis) where T : IFloatingPointIeee754<T>
    {
        var sums = Reduce<T, SumReducer<T>>(source, lengths, axis);
        TensorPrimitives.Divide(sums, T.CreateChecked(lengths[axis]), sums);
        return sums;
    }

    /// <summary>Two passes, the mean first and then the squared deviations from it, which stays accurate when the mean is large.</summary>
    static T[] VarianceKernel<T>(ReadOnlySpan<T> source, ReadOnlySpan<nint> lengths, int axis, int ddof) where T : IFloatingPointIeee754<T>
    {
        var (outer, length, inner) = Split(lengths, axis);
        var means = MeanKernel(source, lengths, axis);
        var squares = new T[outer * inner];
        var deviations = new T[inner == 1 ? length : inner];
        for (var o = 0; o < outer; o++)
        {
            var block = source.Slice(o * length * inner, length * inner);
            if (inner == 1)
            {
                TensorPrimitives.Subtract(block, means[o], deviations);
                squares[o] = TensorPrimitives.SumOfSquares<T>(deviations);
                continue;
            }
            var meanRow = means.AsSpan(o * inner, inner);
            var squareRow = squares.AsSpan(o * inner, inner);
            for (var k = 0; k < length; k++)
            {
                TensorPrimitives.Subtract(block.Slice(k * inner, inner), meanRow, deviations);
                TensorPrimitives.FusedMultiplyAdd(deviations, deviations, squareRow, squareRow);
            }
        }
        TensorPrimitives.Divide(squares, T.CreateChecked(Math.Max(length - ddof, 0)), squares);
        return squares;
    }

    static long[] ArgReduce<T, TSelector>(ReadOnlySpan<T> source, ReadOnlySpan<nint> lengths, int axis)
        where T : INumber<T> where TSelector : IExtremeSelector<T>
    {
        var (outer, length, inner) = Split(lengths, axis);
        var result = new long[outer * inner];
        if (length == 0 && result.Length > 0)
            throw new ArgumentException("cannot take the position of an extreme along an axis of length 0", nameof(axis));
        var best = new T[inner];
        for (var o = 0; o < outer; o++)
        {
            var block = source.Slice(o * length * inner, length * inner);
            if (inner == 1)
            {
                result[o] = TSelector.IndexOfRun(block);
                continue;
            }
            block[..inner].CopyTo(best);
            var positions = result.AsSpan(o * inner, inner);
            for (var k = 1; k < length; k++)
            {
                var row = block.Slice(k * inner, inner);
                for (var j = 0; j < inner; j++)
                {
                    if (!T.IsNaN(best[j]) && (T.IsNaN(row[j]) || TSelector.IsBetter(row[j], best[j])))
                    {
                        best[j] = row[j];
                        positions[j] = k;
                    }
                }
            }
        }
        return result;
    }

    interface IAxisReducer<T>
    {
        static abstract T ReduceRun(ReadOnlySpan<T> run);
        static abstract void Combine(ReadOnlySpan<T> row, Span<T> accumulator);
        static abstract void FillEmpty(Span<T> result, string axisParameter);
    }

    interface IExtremeSelector<T>
    {
        static abstract int IndexOfRun(ReadOnlySpan<T> run);
        static abstract bool IsBetter(T candidate, T best);
    }

    readonly struct SumReducer<T> : IAxisReducer<T> where T : INumber<T>
    {
        public static T ReduceRun(ReadOnlySpan<T> run) => TensorPrimitives.Sum(run);
        public static void Combine(ReadOnlySpan<T> row, Span<T> accumulator) => TensorPrimitives.Add(accumulator, row, accumulator);
        public static void FillEmpty(Span<T> result, string axisParameter) => result.Fill(T.Zero);
    }

    readonly struct MaxReducer<T> : IAxisReducer<T>, IExtremeSelector<T> where T : INumber<T>
    {
        public static T ReduceRun(ReadOnlySpan<T> run) => TensorPrimitives.Max(run);
        public static void Combine(ReadOnlySpan<T> row, Span<T> accumulator) => TensorPrimitives.Max(accumulator, row, accumulator);
        public static void FillEmpty(Span<T> result, string axisParameter) => ThrowEmpty(result, axisParameter, "maximum");
        public static int IndexOfRun(ReadOnlySpan<T> run) => TensorPrimitives.IndexOfMax(run);
        public static bool IsBetter(T candidate, T best) => candidate > best;
    }

    readonly struct MinReducer<T> : IAxisReducer<T>, IExtremeSelector<T> where T : INumber<T>
    {
        public static T ReduceRun(ReadOnlySpan<T> run) => TensorPrimitives.Min(run);
        public static void Combine(ReadOnlySpan<T> row, Span<T> accumulator) => TensorPrimitives.Min(accumulator, row, accumulator);
        public static void FillEmpty(Span<T> result, string axisParameter) => ThrowEmpty(result, axisParameter, "minimum");
        public static int IndexOfRun(ReadOnlySpan<T> run) => TensorPrimitives.IndexOfMin(run);
        public static bool IsBetter(T candidate, T best) => candidate < best;
    }

    static void ThrowEmpty<T>(Span<T> result, string axisParameter, string reduction)
    {
        // NumPy too refuses a maximum or minimum of nothing, since neither has an identity value.
        if (result.Length > 0)
            throw new ArgumentException($"cannot take the {reduction} along an axis of length 0", axisParameter);
    }
}
