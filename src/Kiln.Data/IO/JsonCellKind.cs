namespace Kiln.Data;

/// <summary>What one JSON value in one row turned out to be, before the column's type is decided.</summary>
enum JsonCellKind : byte
{
    Missing,
    Integer,
    Float,
    Bool,
    String,
    /// <summary>A nested object or array, kept as its JSON text.</summary>
    Nested,
}
