namespace Kiln.Data;

/// <summary>A column name that the frame does not have; the message lists the names it does have.</summary>
public sealed class UnknownColumnException(string name, IEnumerable<string> available)
    : KeyNotFoundException($"no column named '{name}' (columns: {string.Join(", ", available)})")
{
    public string ColumnName { get; } = name;
}
