using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kiln.Data.Datasets;

/// <summary>
/// The datasets the workbook uses, read from <c>catalog.json</c> inside Kiln.Data. Every URL points at a fixed
/// commit or release of a public copy, and every file carries the size and SHA-256 of exactly those bytes.
/// </summary>
public static class DatasetCatalog
{
    const string ResourceName = "Kiln.Data.Datasets.catalog.json";

    static readonly Lazy<IReadOnlyList<DatasetEntry>> Entries = new(Load);

    public static IReadOnlyList<DatasetEntry> All => Entries.Value;

    public static IEnumerable<string> Names => All.Select(e => e.Name);

    public static DatasetEntry? TryFind(string name) =>
        All.FirstOrDefault(e => string.Equals(e.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The entry with this name; an unknown name throws <see cref="UnknownDatasetException"/> listing the names there are.</summary>
    public static DatasetEntry Find(string name) => TryFind(name) ?? throw new UnknownDatasetException(name, Names);

    /// <summary>The bytes of a file that ships inside Kiln.Data (one whose <see cref="DatasetFile.IsEmbedded"/> is true).</summary>
    public static Stream OpenEmbedded(DatasetEntry entry, DatasetFile file) =>
        typeof(DatasetCatalog).Assembly.GetManifestResourceStream($"Kiln.Data.Datasets.{file.FileName}")
        ?? throw new FileNotFoundException($"dataset '{entry.Name}': {file.FileName} is not embedded in Kiln.Data", file.FileName);

    static IReadOnlyList<DatasetEntry> Load()
    {
        using var stream = typeof(DatasetCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is missing from Kiln.Data");
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        };
        var document = JsonSerializer.Deserialize<CatalogDocument>(stream, options)
            ?? throw new InvalidOperationException($"{ResourceName} is empty");
        return document.Datasets;
    }

    sealed record CatalogDocument(IReadOnlyList<DatasetEntry> Datasets);
}
