using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Kiln.Data;

/// <summary>Combining masks: <c>(age &gt; 30) &amp; (city == "Paris")</c> as in pandas; a missing value counts as false.</summary>
public sealed partial class BoolColumn
{
    public static BoolColumn operator &(BoolColumn left, BoolColumn right) =>
        Combine(left, right, static (x, y, result) => TensorPrimitives.BitwiseAnd(x, y, result));

    public static BoolColumn operator |(BoolColumn left, BoolColumn right) =>
        Combine(left, right, static (x, y, result) => TensorPrimitives.BitwiseOr(x, y, result));

    public static BoolColumn operator !(BoolColumn mask)
    {
        var result = mask.TrueRows();
        var bytes = MemoryMarshal.AsBytes(result.AsSpan());
        TensorPrimitives.Xor(bytes, (byte)1, bytes);
        return new BoolColumn(mask.Name, result);
    }

    /// <summary>How many rows are true (pandas' <c>mask.sum()</c>).</summary>
    public int TrueCount
    {
        get
        {
            var count = 0;
            var values = Values;
            for (var i = 0; i < values.Length; i++) if (values[i] && !IsMissing(i)) count++;
            return count;
        }
    }

    /// <summary>True where the value is true and present: the rows a filter keeps.</summary>
    internal bool[] TrueRows()
    {
        var result = Values.ToArray();
        if (HasMissing)
            for (var i = 0; i < result.Length; i++) result[i] &= !MissingMask[i];
        return result;
    }

    delegate void ByteOperation(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y, Span<byte> result);

    static BoolColumn Combine(BoolColumn left, BoolColumn right, ByteOperation operation)
    {
        if (left.Length != right.Length)
            throw new ArgumentException($"masks '{left.Name}' ({left.Length} rows) and '{right.Name}' ({right.Length} rows) differ in length", nameof(right));
        var x = left.TrueRows();
        var y = right.TrueRows();
        // bools are single bytes of 0 or 1, so byte-wise logic gives valid bools at vector speed
        operation(MemoryMarshal.AsBytes(x.AsSpan()), MemoryMarshal.AsBytes(y.AsSpan()), MemoryMarshal.AsBytes(x.AsSpan()));
        return new BoolColumn(left.Name, x);
    }
}
