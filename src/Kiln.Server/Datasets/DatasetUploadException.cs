namespace Kiln.Server.Datasets;

/// <summary>An upload that was refused: too large, not a format Kiln reads, or a file its reader cannot parse (its message names the row or column).</summary>
public sealed class DatasetUploadException(string message, Exception? inner = null) : Exception(message, inner);
