namespace Kiln.Data.Datasets;

/// <summary>A dataset whose files are all present and verified in the cache folder.</summary>
public sealed record CachedDataset(DatasetEntry Entry, string Folder, IReadOnlyList<string> Files)
{
    /// <summary>The full path of one of the dataset's files, by its catalog file name.</summary>
    public string PathOf(string fileName)
    {
        var file = Entry.Files.FirstOrDefault(f => f.FileName == fileName)
            ?? throw new ArgumentException(
                $"dataset '{Entry.Name}' has no file '{fileName}' (files: {string.Join(", ", Entry.Files.Select(f => f.FileName))})",
                nameof(fileName));
        return Path.Combine(Folder, file.FileName);
    }
}
