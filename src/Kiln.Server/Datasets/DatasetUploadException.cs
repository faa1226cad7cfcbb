namespace Kiln.Server.Datasets;

/// <summary>An upload that was refused: too large, not a CSV file, or a file the reader cannot parse (its message names the row and column).</summary>
public sealed class DatasetUploadException(string message, Exception? inner = null) : Exception(message, inner);
