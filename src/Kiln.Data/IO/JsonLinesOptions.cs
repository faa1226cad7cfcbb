namespace Kiln.Data;

/// <summary>How <see cref="JsonLines.Read"/> turns JSON values into typed columns.</summary>
public sealed record JsonLinesOptions
{
    public static JsonLinesOptions Default { get; } = new();

    /// <summary>
    /// When true (the default), a column whose every present value is an ISO-8601 string
    /// (<c>2024-03-01</c>, <c>2024-03-01T12:30:00Z</c>) becomes datetime; when false it stays string.
    /// </summary>
    public bool InferDateTimes { get; init; } = true;
}
