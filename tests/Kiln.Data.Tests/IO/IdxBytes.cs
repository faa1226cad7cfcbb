using System.Buffers.Binary;
using System.IO.Compression;

namespace Kiln.Data.Tests.IO;

/// <summary>IDX file contents built in memory, raw or gzipped.</summary>
static class IdxBytes
{
    /// <summary>An IDX file: magic 00 00 type rank, big-endian sizes, then the values as given.</summary>
    public static byte[] Idx(byte type, int[] dimensions, byte[] data)
    {
        var bytes = new byte[4 + 4 * dimensions.Length + data.Length];
        bytes[2] = type;
        bytes[3] = (byte)dimensions.Length;
        for (var i = 0; i < dimensions.Length; i++)
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * i), dimensions[i]);
        data.CopyTo(bytes, 4 + 4 * dimensions.Length);
        return bytes;
    }

    public static byte[] Gzip(byte[] bytes)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Fastest)) gzip.Write(bytes);
        return memory.ToArray();
    }
}
