namespace Kiln.Data.Datasets;

/// <summary>
/// One file of a dataset: where it comes from, the name it gets in the cache (a relative path, which may
/// have folders, as in <c>obama/obama.jpg</c>), and its exact size and SHA-256, which every download must match.
/// A file without a URL ships inside Kiln.Data.
/// </summary>
public sealed record DatasetFile(string FileName, Uri? Url, long Bytes, string Sha256)
{
    public bool IsEmbedded => Url is null;
}
