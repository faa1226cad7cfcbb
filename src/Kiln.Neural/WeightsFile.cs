using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kiln.Data;

namespace Kiln.Neural;

/// <summary>
/// Named float32 tensors in the safetensors layout: an 8-byte little-endian header length, a JSON header giving each
/// tensor's dtype, shape and byte range, then the raw little-endian values. Nothing in it runs code on load.
/// </summary>
internal static class WeightsFile
{
    /// <summary>Writes the tensors to a file, replaced whole or not at all.</summary>
    public static void Write(string path, IReadOnlyList<(string Name, long[] Shape, float[] Values)> tensors) => AtomicFile.WriteAllBytes(path, ToBytes(tensors));

    /// <summary>The tensors in the safetensors layout, as a file or a package entry holds them.</summary>
    public static byte[] ToBytes(IReadOnlyList<(string Name, long[] Shape, float[] Values)> tensors)
    {
        var header = new JsonObject();
        long offset = 0;
        foreach (var (name, shape, values) in tensors)
        {
            var end = offset + values.Length * sizeof(float);
            header[name] = new JsonObject
            {
                ["dtype"] = "F32",
                ["shape"] = new JsonArray([.. shape.Select(d => (JsonNode)d)]),
                ["data_offsets"] = new JsonArray(offset, end),
            };
            offset = end;
        }
        var headerBytes = Encoding.UTF8.GetBytes(header.ToJsonString());
        var bytes = new byte[8 + headerBytes.Length + offset];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, headerBytes.Length);
        headerBytes.CopyTo(bytes, 8);
        var data = bytes.AsSpan(8 + headerBytes.Length);
        foreach (var (_, _, values) in tensors)
        {
            for (var i = 0; i < values.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(data.Slice(i * sizeof(float), sizeof(float)), values[i]);
            data = data[(values.Length * sizeof(float))..];
        }
        return bytes;
    }

    public static IReadOnlyList<(string Name, long[] Shape, float[] Values)> Read(string path) => FromBytes(File.ReadAllBytes(path), path);

    /// <summary>The tensors of safetensors bytes; <paramref name="source"/> (a file or package entry) starts every error.</summary>
    public static IReadOnlyList<(string Name, long[] Shape, float[] Values)> FromBytes(byte[] bytes, string source)
    {
        var path = source;
        if (bytes.Length < 8) throw new InvalidDataException($"{path}: too short to be a weights file");
        var headerLength = BinaryPrimitives.ReadInt64LittleEndian(bytes);
        if (headerLength < 2 || headerLength > bytes.Length - 8) throw new InvalidDataException($"{path}: not a safetensors weights file (header length {headerLength})");
        JsonObject header;
        try
        {
            header = JsonNode.Parse(bytes.AsSpan(8, (int)headerLength))?.AsObject() ?? throw new InvalidDataException($"{path}: empty header");
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"{path}: the header is not valid JSON: {error.Message}", error);
        }
        var data = bytes.AsSpan(8 + (int)headerLength);
        var tensors = new List<(string, long[], float[])>();
        foreach (var (name, entry) in header)
        {
            if (name == "__metadata__") continue;
            var dtype = entry?["dtype"]?.GetValue<string>();
            if (dtype != "F32") throw new InvalidDataException($"{path}: tensor '{name}' is {dtype ?? "of no dtype"}; only F32 is read");
            var shape = entry!["shape"]!.AsArray().Select(d => d!.GetValue<long>()).ToArray();
            var offsets = entry["data_offsets"]!.AsArray().Select(d => d!.GetValue<long>()).ToArray();
            var count = shape.Aggregate(1L, (a, b) => a * b);
            if (offsets.Length != 2 || offsets[0] < 0 || offsets[1] > data.Length || offsets[1] - offsets[0] != count * sizeof(float))
                throw new InvalidDataException($"{path}: tensor '{name}' has byte range [{string.Join(", ", offsets)}], which does not hold {count} floats inside the file");
            var values = new float[count];
            var stored = data.Slice((int)offsets[0], (int)(count * sizeof(float)));
            for (var i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadSingleLittleEndian(stored.Slice(i * 4, 4));
            tensors.Add((name, shape, values));
        }
        return tensors;
    }
}
