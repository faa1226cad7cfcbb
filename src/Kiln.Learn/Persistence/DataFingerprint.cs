using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Kiln.Data;

namespace Kiln.Learn;

/// <summary>
/// A SHA-256 over a frame's column names, types and values, so a model package records exactly what it was trained on.
/// Equal frames give equal fingerprints however they are stored (a missing value counts the same whatever its slot holds,
/// text by its characters rather than its dictionary codes).
/// </summary>
public static class DataFingerprint
{
    public static string Of(Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendInt64(hash, frame.ColumnCount);
        AppendInt64(hash, frame.RowCount);
        foreach (var column in frame.Columns)
        {
            AppendText(hash, column.Name);
            AppendText(hash, column.Type.Name());
            switch (column)
            {
                case Float64Column numbers: AppendFloats(hash, numbers.Values); break;
                case StringColumn text: AppendStrings(hash, text); break;
                case Int64Column integers: AppendValues(hash, integers, static v => v); break;
                case BoolColumn flags: AppendValues(hash, flags, static v => v ? 1 : 0); break;
                case DateTimeColumn times: AppendValues(hash, times, static v => v.Ticks); break;
                default: throw new ArgumentException($"column '{column.Name}' has a type the fingerprint does not know: {column.Type.Name()}", nameof(frame));
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    static void AppendFloats(IncrementalHash hash, ReadOnlySpan<double> values)
    {
        // one canonical NaN, so every missing value hashes alike whatever payload it carries
        Span<double> chunk = stackalloc double[512];
        for (var start = 0; start < values.Length; start += chunk.Length)
        {
            var part = values.Slice(start, Math.Min(chunk.Length, values.Length - start));
            for (var i = 0; i < part.Length; i++) chunk[i] = double.IsNaN(part[i]) ? double.NaN : part[i];
            hash.AppendData(MemoryMarshal.AsBytes(chunk[..part.Length]));
        }
    }

    static void AppendStrings(IncrementalHash hash, StringColumn column)
    {
        for (var i = 0; i < column.Length; i++)
        {
            if (column[i] is { } value) AppendText(hash, value);
            else AppendInt64(hash, -1);
        }
    }

    /// <summary>Int64, bool and datetime: a presence byte, then the value's invariant 64-bit form (zero when missing).</summary>
    static void AppendValues<T>(IncrementalHash hash, ValueColumn<T> column, Func<T, long> bits) where T : unmanaged
    {
        Span<byte> cell = stackalloc byte[9];
        var values = column.Values;
        for (var i = 0; i < values.Length; i++)
        {
            var missing = column.IsMissing(i);
            cell[0] = missing ? (byte)0 : (byte)1;
            BinaryPrimitives.WriteInt64LittleEndian(cell[1..], missing ? 0 : bits(values[i]));
            hash.AppendData(cell);
        }
    }

    static void AppendText(IncrementalHash hash, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        AppendInt64(hash, bytes.Length);
        hash.AppendData(bytes);
    }

    static void AppendInt64(IncrementalHash hash, long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        hash.AppendData(bytes);
    }
}
