using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Kiln.Data;

namespace Kiln.Cli;

/// <summary>
/// Reads NumPy's .npy files (format versions 1–3): a C-order array of little-endian floats or integers (f4, f8, u1,
/// i1, i2, i4, i8), returned as floats with its shape. Object arrays, Fortran order and big-endian data are refused
/// with a message saying so; nothing in the file is evaluated.
/// </summary>
internal static partial class NpyArray
{
    public static (float[] Values, int[] Shape) Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such file", path);
        var bytes = File.ReadAllBytes(path);
        ReadOnlySpan<byte> magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];
        if (bytes.Length < 10 || !bytes.AsSpan(0, 6).SequenceEqual(magic))
            throw Bad(path, "not a .npy file: it does not start with \\x93NUMPY");
        var major = bytes[6];
        var (headerLength, headerStart) = major switch
        {
            1 => (BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8)), 10),
            2 or 3 when bytes.Length >= 12 => ((int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8)), 12),
            _ => throw Bad(path, $"format version {major} is not one this reader knows (1, 2 or 3)"),
        };
        if (headerStart + headerLength > bytes.Length) throw Bad(path, "truncated: the header runs past the end of the file");
        var header = Encoding.Latin1.GetString(bytes, headerStart, headerLength);
        var descr = Descr().Match(header);
        var order = FortranOrder().Match(header);
        var shapeMatch = ShapeField().Match(header);
        if (!descr.Success || !order.Success || !shapeMatch.Success) throw Bad(path, $"the header {header.Trim()} lacks descr, fortran_order or shape");
        if (order.Groups[1].Value == "True") throw Bad(path, "the array is in Fortran order; save it with numpy.ascontiguousarray first");
        var shape = shapeMatch.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => int.Parse(d, CultureInfo.InvariantCulture)).ToArray();
        var type = descr.Groups[1].Value;
        if (type.StartsWith('>') && !type.EndsWith("1", StringComparison.Ordinal)) throw Bad(path, $"the values are big-endian ('{type}'); save them little-endian");
        var count = shape.Aggregate(1L, (a, b) => a * b);
        var (size, read) = type[1..] switch
        {
            "f4" => (4, (Func<ReadOnlySpan<byte>, float>)(b => BinaryPrimitives.ReadSingleLittleEndian(b))),
            "f8" => (8, b => (float)BinaryPrimitives.ReadDoubleLittleEndian(b)),
            "u1" => (1, b => b[0]),
            "i1" => (1, b => (sbyte)b[0]),
            "i2" => (2, b => BinaryPrimitives.ReadInt16LittleEndian(b)),
            "i4" => (4, b => BinaryPrimitives.ReadInt32LittleEndian(b)),
            "i8" => (8, b => BinaryPrimitives.ReadInt64LittleEndian(b)),
            _ => throw Bad(path, $"the values are of type '{type}'; this reader takes float32, float64 and integer arrays"),
        };
        var data = bytes.AsSpan(headerStart + headerLength);
        if (data.Length != count * size)
            throw Bad(path, $"the header declares shape ({string.Join(", ", shape)}) of '{type}', {count * size} bytes, but {data.Length} follow");
        var values = new float[count];
        for (var i = 0; i < values.Length; i++) values[i] = read(data.Slice(i * size, size));
        return (values, shape);
    }

    static DataFormatException Bad(string path, string message) => new(path, null, null, message);

    [GeneratedRegex(@"'descr'\s*:\s*'([<>|=][a-zA-Z]\d+)'")]
    private static partial Regex Descr();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranOrder();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapeField();
}
