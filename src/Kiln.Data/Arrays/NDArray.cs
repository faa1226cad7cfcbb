using System.Numerics;
using System.Numerics.Tensors;

namespace Kiln.Data;

/// <summary>
/// Array creation that <see cref="Tensor"/> lacks, named as in NumPy. For zeros use
/// <c>Tensor.CreateFromShape&lt;T&gt;(shape)</c>, for existing data <c>Tensor.Create(values, shape)</c>,
/// and for random values <see cref="RandomArrays"/>.
/// </summary>
public static class NDArray
{
    /// <summary>0, 1, … up to but excluding <paramref name="stop"/>, as <c>np.arange(stop)</c>.</summary>
    public static Tensor<T> Arange<T>(T stop) where T : INumber<T> => Arange(T.Zero, stop, T.One);

    /// <summary>start, start + 1, … up to but excluding <paramref name="stop"/>, as <c>np.arange(start, stop)</c>.</summary>
    public static Tensor<T> Arange<T>(T start, T stop) where T : INumber<T> => Arange(start, stop, T.One);

    /// <summary>
    /// start, start + step, … up to but excluding <paramref name="stop"/>, as <c>np.arange(start, stop, step)</c>:
    /// ceil((stop - start) / step) values, none when the step points away from stop.
    /// </summary>
    public static Tensor<T> Arange<T>(T start, T stop, T step) where T : INumber<T>
    {
        if (T.IsZero(step))
            throw new ArgumentOutOfRangeException(nameof(step), step, "step must not be zero");
        var span = double.CreateChecked(stop) - double.CreateChecked(start);
        var steps = Math.Ceiling(span / double.CreateChecked(step));
        if (!double.IsFinite(steps))
            throw new ArgumentException($"arange from {start} to {stop} by {step} has no finite length", nameof(stop));
        if (steps > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(step), step,
                $"arange from {start} to {stop} by {step} would hold {steps} values; at most {Array.MaxLength} are allowed");
        var values = new T[Math.Max((int)steps, 0)];
        for (var i = 0; i < values.Length; i++)
            values[i] = start + T.CreateTruncating(i) * step;
        return Tensor.Create(values, [values.Length]);
    }

    /// <summary>
    /// <paramref name="count"/> evenly spaced values from start to stop, as <c>np.linspace</c>; with
    /// <paramref name="endpoint"/> the last value is exactly stop, without it stop is left out.
    /// </summary>
    public static Tensor<T> Linspace<T>(T start, T stop, int count = 50, bool endpoint = true) where T : IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var values = new T[count];
        var divisions = endpoint ? count - 1 : count;
        var step = divisions > 0 ? (stop - start) / T.CreateTruncating(divisions) : T.Zero;
        for (var i = 0; i < count; i++)
            values[i] = T.CreateTruncating(i) * step + start;
        if (endpoint && count > 1)
            values[^1] = stop;
        return Tensor.Create(values, [count]);
    }

    /// <summary>A tensor of the given shape filled with one, as <c>np.ones</c>.</summary>
    public static Tensor<T> Ones<T>(params ReadOnlySpan<nint> shape) where T : INumberBase<T> => Full(shape, T.One);

    /// <summary>A tensor of the given shape filled with <paramref name="value"/>, as <c>np.full</c>.</summary>
    public static Tensor<T> Full<T>(ReadOnlySpan<nint> shape, T value)
    {
        var tensor = Tensor.CreateFromShapeUninitialized<T>(shape);
        tensor.Fill(value);
        return tensor;
    }

    /// <summary>A 2-D tensor with one row per array, as <c>np.array([[…], […]])</c>; every row must have the same length.</summary>
    public static Tensor<T> FromRows<T>(T[][] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var columns = rows.Length == 0 ? 0 : rows[0].Length;
        var values = new T[rows.Length * columns];
        for (var r = 0; r < rows.Length; r++)
        {
            if (rows[r] is null || rows[r].Length != columns)
                throw new ArgumentException(
                    $"row {r} has {rows[r]?.Length.ToString() ?? "no"} values but row 0 has {columns}; every row needs the same length",
                    nameof(rows));
            rows[r].CopyTo(values, r * columns);
        }
        return Tensor.Create(values, [rows.Length, columns]);
    }
}
