namespace Kiln.Serving;

/// <summary>Request rows that do not fit the model's input schema; names the row (0-based) and field when known.</summary>
public sealed class InvalidInputException(string message, int? row = null, string? field = null) : Exception(message)
{
    public int? Row { get; } = row;

    public string? Field { get; } = field;
}
