using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Kiln.Data;

/// <summary>Shape arithmetic and raw element access shared by the array extensions.</summary>
internal static class TensorLayout
{
    /// <summary>Turns a NumPy-style axis (negative counts from the end) into 0..rank-1, or throws naming the allowed range.</summary>
    public static int NormalizeAxis(int axis, int rank, string parameterName = "axis")
    {
        if (axis < -rank || axis >= rank)
            throw new ArgumentOutOfRangeException(parameterName, axis,
                $"axis {axis} is out of range for a tensor of rank {rank}; allowed {-rank}..{rank - 1}");
        return axis < 0 ? axis + rank : axis;
    }

    /// <summary>The elements in row-major order; a strided view (transposed, sliced, broadcast) is copied once first.</summary>
    public static ReadOnlySpan<T> RowMajor<T>(Tensor<T> x)
    {
        var count = checked((int)x.FlattenedLength);
        if (count == 0)
            return [];
        if (x.IsDense)
            return MemoryMarshal.CreateReadOnlySpan(ref x.GetPinnableReference(), count);
        return Gather(Storage(x), x.Lengths, x.Strides, count);
    }

    /// <summary>Copies a strided view into row-major order, walking the last dimension in a tight loop.</summary>
    static T[] Gather<T>(ReadOnlySpan<T> storage, ReadOnlySpan<nint> lengths, ReadOnlySpan<nint> strides, int count)
    {
        var values = new T[count];
        var rank = lengths.Length;
        var lastLength = (int)lengths[rank - 1];
        var lastStride = strides[rank - 1];
        Span<nint> position = stackalloc nint[rank];
        nint offset = 0;
        for (var written = 0; written < count; written += lastLength)
        {
            var row = values.AsSpan(written, lastLength);
            for (var j = 0; j < row.Length; j++)
                row[j] = storage[(int)(offset + j * lastStride)];
            // Advance the position over the leading dimensions like an odometer.
            for (var d = rank - 2; d >= 0; d--)
            {
                offset += strides[d];
                if (++position[d] < lengths[d])
                    break;
                offset -= strides[d] * lengths[d];
                position[d] = 0;
            }
        }
        return values;
    }

    /// <summary>
    /// Whether a strided tensor is a dense block with its axes reordered (a transpose or permutation); if so,
    /// <paramref name="order"/> lists the axes from the one with the longest stride to the one with the shortest.
    /// </summary>
    public static bool TryMemoryOrder<T>(Tensor<T> x, out int[] order)
    {
        var lengths = x.Lengths;
        var strides = x.Strides;
        order = new int[lengths.Length];
        for (var d = 0; d < order.Length; d++)
            order[d] = d;
        var byStride = strides.ToArray();
        Array.Sort(byStride, order, Comparer<nint>.Create((p, q) => q.CompareTo(p)));
        nint expected = 1;
        for (var k = order.Length - 1; k >= 0; k--)
        {
            var d = order[k];
            if (lengths[d] != 1 && strides[d] != expected)
                return false;
            expected *= lengths[d];
        }
        return x.FlattenedLength > 0;
    }

    /// <summary>The memory a tensor spans, for reading or writing through its strides; Tensor never has negative strides.</summary>
    public static Span<T> Storage<T>(Tensor<T> x)
    {
        if (x.FlattenedLength == 0)
            return [];
        var lengths = x.Lengths;
        var strides = x.Strides;
        nint extent = 1;
        for (var d = 0; d < lengths.Length; d++)
            extent += (lengths[d] - 1) * strides[d];
        return MemoryMarshal.CreateSpan(ref x.GetPinnableReference(), checked((int)extent));
    }

    /// <summary>Where the element at a row-major position lives in <see cref="Storage{T}"/>.</summary>
    public static nint OffsetOf(nint flatIndex, ReadOnlySpan<nint> lengths, ReadOnlySpan<nint> strides)
    {
        nint offset = 0;
        for (var d = lengths.Length - 1; d >= 0; d--)
        {
            offset += flatIndex % lengths[d] * strides[d];
            flatIndex /= lengths[d];
        }
        return offset;
    }

    /// <summary>The product of lengths[from..to], the number of elements those dimensions hold.</summary>
    public static int Product(ReadOnlySpan<nint> lengths, int from, int to)
    {
        nint product = 1;
        for (var d = from; d < to; d++)
            product = checked(product * lengths[d]);
        return checked((int)product);
    }

    /// <summary>
    /// The shape left after reducing one axis: kept as length 1 with keepDims, otherwise removed. Tensor has no
    /// rank 0, so reducing a 1-D tensor without keepDims gives shape [1].
    /// </summary>
    public static nint[] ReducedLengths(ReadOnlySpan<nint> lengths, int axis, bool keepDims)
    {
        if (keepDims || lengths.Length == 1)
        {
            var kept = lengths.ToArray();
            kept[axis] = 1;
            return kept;
        }
        var removed = new nint[lengths.Length - 1];
        lengths[..axis].CopyTo(removed);
        lengths[(axis + 1)..].CopyTo(removed.AsSpan(axis));
        return removed;
    }

    public static string Describe(ReadOnlySpan<nint> lengths) =>
        lengths.Length == 1 ? $"({lengths[0]},)" : "(" + string.Join(", ", lengths.ToArray()) + ")";
}
