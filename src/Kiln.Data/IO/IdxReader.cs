using System.Buffers.Binary;
using System.IO.Compression;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Kiln.Data;

/// <summary>
/// Reads IDX files, the format of MNIST and Fashion-MNIST, raw or gzip-compressed (recognised by content, not by
/// name). The magic number gives the element type and the number of dimensions; the values are big-endian and
/// are returned as a <see cref="Tensor{T}"/> with the file's shape. A wrong magic number, a type other than the one
/// asked for, or a file shorter or longer than its header declares is an error that names the file.
/// </summary>
public static class IdxReader
{
    public static IdxHeader ReadHeader(string path)
    {
        using var stream = Open(path);
        return ReadHeader(stream, path);
    }

    /// <summary>Reads an unsigned-byte IDX file (MNIST images and labels).</summary>
    public static Tensor<byte> ReadBytes(string path) => Read<byte>(path);

    /// <summary>
    /// Reads an IDX file whose element type is <typeparamref name="T"/>: byte, sbyte, short, int, float or double
    /// for the types 0x08, 0x09, 0x0B, 0x0C, 0x0D and 0x0E.
    /// </summary>
    public static Tensor<T> Read<T>(string path) where T : unmanaged
    {
        using var stream = Open(path);
        var header = ReadHeader(stream, path);
        var wanted = DataTypeOf<T>();
        if (header.DataType != wanted)
            throw new DataFormatException(path, null, null,
                $"the file holds {header.TypeName} values ({header}), not {new IdxHeader(wanted, []).TypeName}; read it as {ClrNameOf(header.DataType)}");
        if (header.ElementCount > Array.MaxLength)
            throw new DataFormatException(path, null, null, $"{header} is {header.ElementCount} values, more than one array can hold");

        var values = new T[header.ElementCount];
        var bytes = MemoryMarshal.AsBytes(values.AsSpan());
        var read = ReadFully(stream, bytes, path);
        if (read < bytes.Length)
            throw new DataFormatException(path, null, null,
                $"truncated: the header declares {header} ({bytes.Length} bytes after the {header.HeaderBytes}-byte header) but only {read} bytes follow");
        Span<byte> probe = stackalloc byte[1];
        if (ReadFully(stream, probe, path) > 0)
            throw new DataFormatException(path, null, null,
                $"the file is longer than its header declares: {header} takes {bytes.Length} bytes after the {header.HeaderBytes}-byte header, and more follow");
        if (BitConverter.IsLittleEndian) ToLittleEndian(values.AsSpan(), header.ElementBytes);

        var lengths = header.Dimensions.Select(d => (nint)d).ToArray();
        return Tensor.Create(values, lengths);
    }

    static Stream Open(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException(Directory.Exists(path) ? $"{path} is a folder, not an IDX file" : $"{path}: no such file", path);
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        Span<byte> start = stackalloc byte[2];
        var count = file.ReadAtLeast(start, 2, throwOnEndOfStream: false);
        file.Position = 0;
        var gzip = count == 2 && start[0] == 0x1F && start[1] == 0x8B;
        return gzip ? new GZipStream(file, CompressionMode.Decompress) : file;
    }

    static int ReadFully(Stream stream, Span<byte> buffer, string path)
    {
        try
        {
            return stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException error)
        {
            throw new DataFormatException(path, null, null, $"the gzip stream is damaged: {error.Message}");
        }
    }

    static IdxHeader ReadHeader(Stream stream, string path)
    {
        Span<byte> magic = stackalloc byte[4];
        var read = ReadFully(stream, magic, path);
        if (read < 4)
            throw new DataFormatException(path, null, null, $"truncated: an IDX file starts with a 4-byte magic number but the file has {read} bytes");
        if (magic[0] != 0 || magic[1] != 0 || !Enum.IsDefined((IdxDataType)magic[2]) || magic[3] == 0)
            throw new DataFormatException(path, null, null,
                $"not an IDX file: the magic number is {Convert.ToHexString(magic)}, expected 0000 then a type byte (08, 09, 0B, 0C, 0D or 0E) and the number of dimensions");
        var dimensions = new int[magic[3]];
        Span<byte> size = stackalloc byte[4];
        for (var i = 0; i < dimensions.Length; i++)
        {
            if (ReadFully(stream, size, path) < 4)
                throw new DataFormatException(path, null, null,
                    $"truncated: the header declares {dimensions.Length} dimensions but ends inside dimension {i + 1}");
            dimensions[i] = BinaryPrimitives.ReadInt32BigEndian(size);
            if (dimensions[i] < 0)
                throw new DataFormatException(path, null, null, $"dimension {i + 1} has the negative size {dimensions[i]}");
        }
        return new IdxHeader((IdxDataType)magic[2], dimensions);
    }

    static IdxDataType DataTypeOf<T>() => default(T) switch
    {
        byte => IdxDataType.UnsignedByte,
        sbyte => IdxDataType.SignedByte,
        short => IdxDataType.Int16,
        int => IdxDataType.Int32,
        float => IdxDataType.Float32,
        double => IdxDataType.Float64,
        _ => throw new NotSupportedException($"IDX files hold byte, sbyte, short, int, float or double values, not {typeof(T).Name}"),
    };

    static string ClrNameOf(IdxDataType type) => type switch
    {
        IdxDataType.UnsignedByte => "byte",
        IdxDataType.SignedByte => "sbyte",
        IdxDataType.Int16 => "short",
        IdxDataType.Int32 => "int",
        IdxDataType.Float32 => "float",
        _ => "double",
    };

    static void ToLittleEndian<T>(Span<T> values, int elementBytes) where T : unmanaged
    {
        switch (elementBytes)
        {
            case 2:
                var shorts = MemoryMarshal.Cast<T, short>(values);
                BinaryPrimitives.ReverseEndianness(shorts, shorts);
                break;
            case 4:
                var ints = MemoryMarshal.Cast<T, int>(values);
                BinaryPrimitives.ReverseEndianness(ints, ints);
                break;
            case 8:
                var longs = MemoryMarshal.Cast<T, long>(values);
                BinaryPrimitives.ReverseEndianness(longs, longs);
                break;
        }
    }
}
