namespace Kiln.Data;

/// <summary>A column to sort by and its direction.</summary>
public readonly record struct SortKey(string Column, bool Ascending = true)
{
    public static SortKey Descending(string column) => new(column, Ascending: false);

    public static implicit operator SortKey(string column) => new(column);
}
