namespace Kiln.Learn;

/// <summary>Input that does not fit what a model was fitted on: a missing column, another type, NaN where none may be.</summary>
public sealed class SchemaMismatchException(string message) : ArgumentException(message);
