using Kiln.Data.Datasets;

namespace Kiln.Server.Datasets;

/// <summary>A dataset of Kiln's catalog, listed for every user: what it is, its task and target, and its size.</summary>
public sealed record SampleDataset(string Name, string Description, string Task, string? Target, long Bytes, bool IsBundled)
{
    public static IReadOnlyList<SampleDataset> All { get; } =
        [.. DatasetCatalog.All.Select(e => new SampleDataset(e.Name, e.Description, e.Task.ToString(), e.Target, e.TotalBytes, e.Files.All(f => f.IsEmbedded)))];
}
