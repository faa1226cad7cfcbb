using System.Globalization;
using System.Text;

namespace Kiln.Data;

/// <summary>
/// A frame's structure as pandas' <c>info()</c> prints it: size, and per column the type, non-null count
/// and memory. A plain record, so the CLI prints <see cref="ToString"/> and serialises it to JSON as is.
/// </summary>
public sealed record FrameInfo(int RowCount, IReadOnlyList<ColumnInfo> Columns)
{
    public int ColumnCount => Columns.Count;

    public long MemoryBytes => Columns.Sum(c => c.MemoryBytes);

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{RowCount} rows x {ColumnCount} columns\n");
        var nameWidth = Math.Max("Column".Length, Columns.Count == 0 ? 0 : Columns.Max(c => c.Name.Length));
        var indexWidth = Math.Max(1, (ColumnCount - 1).ToString(CultureInfo.InvariantCulture).Length);
        text.Append(CultureInfo.InvariantCulture, $"{"#".PadLeft(indexWidth)}  {"Column".PadRight(nameWidth)}  {"Non-Null",8}  {"Type",-8}  Memory\n");
        for (var i = 0; i < Columns.Count; i++)
        {
            var c = Columns[i];
            text.Append(CultureInfo.InvariantCulture,
                $"{i.ToString(CultureInfo.InvariantCulture).PadLeft(indexWidth)}  {c.Name.PadRight(nameWidth)}  {c.NonNullCount,8}  {c.TypeName,-8}  {Bytes(c.MemoryBytes)}\n");
        }
        var typeCounts = Columns.GroupBy(c => c.TypeName).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}({g.Count()})");
        text.Append("types: ").AppendJoin(", ", typeCounts).Append('\n');
        text.Append("memory: ").Append(Bytes(MemoryBytes));
        return text.ToString();
    }

    static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.0 'KB'", CultureInfo.InvariantCulture),
        < 1024L * 1024 * 1024 => (bytes / (1024.0 * 1024)).ToString("0.0 'MB'", CultureInfo.InvariantCulture),
        _ => (bytes / (1024.0 * 1024 * 1024)).ToString("0.0 'GB'", CultureInfo.InvariantCulture),
    };
}
