namespace Kiln.Data.Datasets;

/// <summary>How far the download of one file of a dataset has come (file <paramref name="FileIndex"/> of <paramref name="FileCount"/>, from 0).</summary>
public readonly record struct DownloadProgress(
    string Dataset,
    string FileName,
    long BytesDone,
    long BytesTotal,
    int FileIndex,
    int FileCount);
