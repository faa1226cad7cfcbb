using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kiln.Data;

namespace Kiln.Learn;

/// <summary>
/// The zip layer every Kiln model package shares, tabular or neural: <c>manifest.json</c> with the format version, the
/// Kiln version, the creation time and the SHA-256 of every other entry, written atomically; and on reading, the
/// format version and every hash checked before any entry is handed back. What the entries mean is the caller's.
/// </summary>
public static class PackageArchive
{
    /// <summary>The newest package layout this Kiln writes and reads.</summary>
    public const int FormatVersion = 1;

    public const string ManifestEntry = "manifest.json";

    static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The version of Kiln that writes packages (the library's version without build metadata).</summary>
    public static string KilnVersion { get; } =
        (typeof(PackageArchive).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];

    /// <summary>JSON as packages store it: indented UTF-8.</summary>
    public static byte[] JsonBytes(JsonNode node) => JsonSerializer.SerializeToUtf8Bytes(node, Indented);

    /// <summary>
    /// Writes <paramref name="entries"/> and a manifest made of <paramref name="fields"/> plus the format version, Kiln
    /// version, creation time and entry hashes to <paramref name="path"/> atomically: a reader sees the old file or the
    /// whole new one. Entries for which <paramref name="store"/> is true are stored uncompressed.
    /// </summary>
    public static void Write(string path, JsonObject fields, IReadOnlyDictionary<string, byte[]> entries, Func<string, bool>? store = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var sorted = new SortedDictionary<string, byte[]>(entries.ToDictionary(e => e.Key, e => e.Value), StringComparer.Ordinal);
        if (sorted.ContainsKey(ManifestEntry)) throw new ArgumentException($"an entry may not be named {ManifestEntry}", nameof(entries));
        // whole seconds, so the manifest's time and the zip entries' times agree
        var created = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var hashes = new JsonObject();
        foreach (var (name, bytes) in sorted) hashes[name] = Sha256(bytes);
        var manifest = new JsonObject
        {
            ["formatVersion"] = FormatVersion,
            ["kilnVersion"] = KilnVersion,
            ["created"] = created.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in fields) manifest[key] = value?.DeepClone();
        manifest["entries"] = hashes;
        AtomicFile.Write(path, stream =>
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
            AddEntry(zip, ManifestEntry, JsonBytes(manifest), created, CompressionLevel.Optimal);
            foreach (var (name, bytes) in sorted)
                AddEntry(zip, name, bytes, created, store?.Invoke(name) == true ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
        });
    }

    /// <summary>
    /// The manifest and every entry of a package after checking that it is a zip with a manifest, not from a newer Kiln,
    /// and that every entry is listed with a matching SHA-256 and nothing else is there.
    /// </summary>
    public static (JsonObject Manifest, IReadOnlyDictionary<string, byte[]> Entries) Read(string path)
    {
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using (var zip = Open(path))
        {
            foreach (var entry in zip.Entries)
                if (!entries.TryAdd(entry.FullName, ReadEntry(path, entry)))
                    throw new InvalidDataException($"{path}: the entry '{entry.FullName}' appears twice, so the package has been altered");
        }
        if (!entries.Remove(ManifestEntry, out var manifestBytes)) throw NoManifest(path);
        var manifest = ParseManifest(path, manifestBytes);
        if (manifest["entries"] is not JsonObject listed || listed.Any(p => p.Value is not JsonValue v || !v.TryGetValue<string>(out var h) || h.Length != 64))
            throw new InvalidDataException($"{path}: {ManifestEntry} field 'entries' is not an object of SHA-256 hashes");
        foreach (var (name, hash) in listed)
        {
            if (!entries.TryGetValue(name, out var bytes))
                throw new InvalidDataException($"{path}: the entry '{name}' listed in the manifest is missing");
            if (!string.Equals(Sha256(bytes), hash!.GetValue<string>(), StringComparison.OrdinalIgnoreCase))
                throw new InvalidDataException($"{path}: the entry '{name}' does not match its SHA-256 in the manifest; the file was changed or damaged after it was saved");
        }
        var unexpected = entries.Keys.Where(name => !listed.ContainsKey(name)).Select(n => $"'{n}'").ToList();
        if (unexpected.Count > 0)
            throw new InvalidDataException($"{path}: unexpected entries {string.Join(", ", unexpected)} that the manifest does not list; the package has been altered");
        return (manifest, entries);
    }

    /// <summary>The manifest alone, for listing packages and telling their kinds apart: the format version is checked, the entries' hashes are not.</summary>
    public static JsonObject ReadManifest(string path)
    {
        using var zip = Open(path);
        var entry = zip.GetEntry(ManifestEntry) ?? throw NoManifest(path);
        return ParseManifest(path, ReadEntry(path, entry));
    }

    /// <summary>The manifest's "kind": <c>estimator</c>, a composite kind such as <c>pipeline</c>, or <c>neural-network</c>.</summary>
    public static string KindOf(JsonObject manifest) =>
        manifest["kind"] is JsonValue v && v.TryGetValue<string>(out var kind) ? kind : "unknown";

    static JsonObject ParseManifest(string path, byte[] bytes)
    {
        JsonObject json;
        try
        {
            json = JsonNode.Parse(bytes) as JsonObject ?? throw new InvalidDataException($"{path}: {ManifestEntry} is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: {ManifestEntry} is not valid JSON: {e.Message}", e);
        }
        if (!json.TryGetPropertyValue("formatVersion", out var versionNode)) throw new InvalidDataException($"{path}: {ManifestEntry} lacks 'formatVersion'");
        if (versionNode is not JsonValue versionValue || !versionValue.TryGetValue<int>(out var version))
            throw new InvalidDataException($"{path}: {ManifestEntry} field 'formatVersion' is not a whole number");
        var writtenBy = json["kilnVersion"] is JsonValue v && v.TryGetValue<string>(out var text) ? text : "an unknown version";
        if (version > FormatVersion)
            throw new InvalidDataException(
                $"{path} is in Kiln model package format {version} (written by Kiln {writtenBy}), but this Kiln ({KilnVersion}) reads format {FormatVersion} and older; upgrade Kiln to load it");
        if (version < 1) throw new InvalidDataException($"{path}: {ManifestEntry} gives format version {version}, which no Kiln writes");
        return json;
    }

    static ZipArchive Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"model package {path} does not exist", path);
        var stream = File.OpenRead(path);
        try
        {
            return new ZipArchive(stream, ZipArchiveMode.Read);
        }
        catch (InvalidDataException e)
        {
            stream.Dispose();
            throw new InvalidDataException(StartsLikeZip(path)
                ? $"{path} is a damaged Kiln model package: it is truncated or its zip directory is broken ({e.Message})"
                : $"{path} is not a Kiln model package (it is not a zip file)", e);
        }
    }

    static bool StartsLikeZip(string path)
    {
        Span<byte> head = stackalloc byte[4];
        using var file = File.OpenRead(path);
        return file.ReadAtLeast(head, 4, throwOnEndOfStream: false) == 4 && head.SequenceEqual("PK\u0003\u0004"u8);
    }

    static byte[] ReadEntry(string path, ZipArchiveEntry entry)
    {
        try
        {
            using var stream = entry.Open();
            using var buffer = new MemoryStream(checked((int)Math.Min(entry.Length, int.MaxValue)));
            stream.CopyTo(buffer);
            return buffer.ToArray();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            throw new InvalidDataException($"{path}: the entry '{entry.FullName}' cannot be read; the file is damaged ({e.Message})", e);
        }
    }

    static InvalidDataException NoManifest(string path) =>
        new($"{path} is not a Kiln model package: it has no {ManifestEntry}");

    static void AddEntry(ZipArchive zip, string name, byte[] bytes, DateTimeOffset created, CompressionLevel level)
    {
        var entry = zip.CreateEntry(name, level);
        entry.LastWriteTime = created;
        using var stream = entry.Open();
        stream.Write(bytes);
    }

    static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
