namespace Kiln.Data;

/// <summary>The frame's structure (pandas' <c>info()</c>).</summary>
public sealed partial class Frame
{
    /// <summary>Per column: name, type, non-null count and memory; print it or serialise it.</summary>
    public FrameInfo Info() =>
        new(RowCount, [.. _columns.Select(c => new ColumnInfo(c.Name, c.Type, c.Length - c.MissingCount, c.MemoryBytes))]);
}
