using System.Numerics.Tensors;

namespace Kiln.Data;

/// <summary>
/// NumPy's boolean-mask and integer-array indexing: <c>x[mask]</c>, <c>x[mask] = v</c> and <c>np.take(x, rows, axis)</c>.
/// A mask either has x's whole shape (selecting elements) or the shape of x's leading dimensions (selecting whole
/// rows or blocks, as <c>X[y == 1]</c> picks the rows of one class).
/// </summary>
public static class ArrayIndexing
{
    /// <summary>
    /// The selected elements as a new tensor, as <c>x[mask]</c>: 1-D when the mask has x's shape, otherwise
    /// [selected count, remaining dimensions…].
    /// </summary>
    public static Tensor<T> Where<T>(this Tensor<T> x, Tensor<bool> mask)
    {
        var blockSize = CheckMask(x, mask);
        var selected = TensorLayout.RowMajor(mask);
        var source = TensorLayout.RowMajor(x);
        var count = selected.Count(true);
        var values = new T[count * blockSize];
        var written = 0;
        for (var i = 0; i < selected.Length; i++)
        {
            if (!selected[i])
                continue;
            source.Slice(i * blockSize, blockSize).CopyTo(values.AsSpan(written));
            written += blockSize;
        }
        var lengths = x.Lengths[(mask.Rank - 1)..].ToArray();
        lengths[0] = count;
        return Tensor.Create(values, lengths);
    }

    /// <summary>Sets every selected element to <paramref name="value"/> in place, as <c>x[mask] = value</c>.</summary>
    public static void SetWhere<T>(this Tensor<T> x, Tensor<bool> mask, T value)
    {
        var blockSize = CheckMask(x, mask);
        var selected = TensorLayout.RowMajor(mask);
        var storage = TensorLayout.Storage(x);
        var dense = x.IsDense;
        for (var i = 0; i < selected.Length; i++)
        {
            if (!selected[i])
                continue;
            if (dense)
                storage.Slice(i * blockSize, blockSize).Fill(value);
            else
                for (var j = 0; j < blockSize; j++)
                    storage[(int)TensorLayout.OffsetOf(i * blockSize + j, x.Lengths, x.Strides)] = value;
        }
    }

    /// <summary>
    /// Writes <paramref name="values"/> into the selected elements in row-major order, in place, as
    /// <c>x[mask] = values</c>; there must be exactly one value per selected element.
    /// </summary>
    public static void SetWhere<T>(this Tensor<T> x, Tensor<bool> mask, ReadOnlySpan<T> values)
    {
        var blockSize = CheckMask(x, mask);
        var selected = TensorLayout.RowMajor(mask);
        var needed = selected.Count(true) * blockSize;
        if (values.Length != needed)
            throw new ArgumentException($"the mask selects {needed} elements but {values.Length} values were given", nameof(values));
        var storage = TensorLayout.Storage(x);
        var dense = x.IsDense;
        var read = 0;
        for (var i = 0; i < selected.Length; i++)
        {
            if (!selected[i])
                continue;
            if (dense)
                values.Slice(read, blockSize).CopyTo(storage.Slice(i * blockSize, blockSize));
            else
                for (var j = 0; j < blockSize; j++)
                    storage[(int)TensorLayout.OffsetOf(i * blockSize + j, x.Lengths, x.Strides)] = values[read + j];
            read += blockSize;
        }
    }

    /// <summary>
    /// The slices at the given positions along the axis, in that order and repeats allowed, as
    /// <c>np.take(x, indices, axis)</c>; negative positions count from the end.
    /// </summary>
    public static Tensor<T> Take<T>(this Tensor<T> x, ReadOnlySpan<long> indices, int axis = 0)
    {
        var a = TensorLayout.NormalizeAxis(axis, x.Rank);
        var lengths = x.Lengths;
        var outer = TensorLayout.Product(lengths, 0, a);
        var length = (int)lengths[a];
        var inner = TensorLayout.Product(lengths, a + 1, lengths.Length);
        foreach (var index in indices)
            if (index < -length || index >= length)
                throw new ArgumentOutOfRangeException(nameof(indices), index,
                    $"index {index} is out of range for axis {axis} of length {length}; allowed {-length}..{length - 1}");
        var source = TensorLayout.RowMajor(x);
        var values = new T[outer * indices.Length * inner];
        var destination = values.AsSpan();
        for (var o = 0; o < outer; o++)
        {
            foreach (var index in indices)
            {
                var position = (int)(index < 0 ? index + length : index);
                source.Slice((o * length + position) * inner, inner).CopyTo(destination);
                destination = destination[inner..];
            }
        }
        var taken = lengths.ToArray();
        taken[a] = indices.Length;
        return Tensor.Create(values, taken);
    }

    /// <summary>As <see cref="Take{T}(Tensor{T}, ReadOnlySpan{long}, int)"/> with positions from a tensor, such as ArgMax's result or a permutation.</summary>
    public static Tensor<T> Take<T>(this Tensor<T> x, Tensor<long> indices, int axis = 0) =>
        Take(x, TensorLayout.RowMajor(indices), axis);

    /// <summary>Checks that the mask covers x's leading dimensions and returns how many elements each mask entry selects.</summary>
    static int CheckMask<T>(Tensor<T> x, Tensor<bool> mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        var leading = mask.Rank <= x.Rank ? x.Lengths[..mask.Rank] : x.Lengths;
        if (mask.Rank > x.Rank || !leading.SequenceEqual(mask.Lengths))
            throw new ArgumentException(
                $"mask shape {TensorLayout.Describe(mask.Lengths)} must equal the tensor's shape {TensorLayout.Describe(x.Lengths)} or its leading dimensions",
                nameof(mask));
        return TensorLayout.Product(x.Lengths, mask.Rank, x.Rank);
    }
}
