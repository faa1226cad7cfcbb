namespace Kiln.Data.Datasets;

/// <summary>A dataset name that the catalog does not have; the message lists the names it does have.</summary>
public sealed class UnknownDatasetException(string name, IEnumerable<string> available)
    : KeyNotFoundException($"no dataset named '{name}' (datasets: {string.Join(", ", available)})")
{
    public string DatasetName { get; } = name;
}
