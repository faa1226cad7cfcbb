using System.Globalization;
using System.Text;

namespace Kiln.Data;

/// <summary>
/// The result of <see cref="Frame.Describe()"/>: one <see cref="ColumnSummary"/> per described column.
/// <see cref="ToString"/> prints it as pandas does (statistics as rows); <see cref="ToFrame"/> gives it
/// as a typed frame with one row per column (pandas' <c>describe().T</c>).
/// </summary>
public sealed record FrameDescription(IReadOnlyList<ColumnSummary> Columns)
{
    public ColumnSummary this[string column] =>
        Columns.FirstOrDefault(c => c.Name == column) ?? throw new UnknownColumnException(column, Columns.Select(c => c.Name));

    /// <summary>One row per described column: column, type, count, then mean … max and unique, top, freq where any column has them.</summary>
    public Frame ToFrame()
    {
        var columns = new List<Column>
        {
            new StringColumn("column", [.. Columns.Select(c => c.Name)]),
            new StringColumn("type", [.. Columns.Select(c => c.TypeName)]),
            new Int64Column("count", [.. Columns.Select(c => (long)c.Count)]),
        };
        foreach (var (label, read) in Statistics)
            if (Columns.Any(c => read(c) is not null))
                columns.Add(new Float64Column(label, [.. Columns.Select(c => read(c) ?? double.NaN)]));
        if (Columns.Any(c => c.Unique is not null))
        {
            columns.Add(new Int64Column("unique", [.. Columns.Select(c => (long)(c.Unique ?? 0))], [.. Columns.Select(c => c.Unique is null)]));
            columns.Add(new StringColumn("top", [.. Columns.Select(c => c.Top)]));
            columns.Add(new Int64Column("freq", [.. Columns.Select(c => (long)(c.Frequency ?? 0))], [.. Columns.Select(c => c.Frequency is null)]));
        }
        return new Frame(columns);
    }

    /// <summary>Statistics as rows and described columns as columns, like pandas prints <c>describe()</c>.</summary>
    public override string ToString()
    {
        var rows = new List<(string Label, Func<ColumnSummary, string?> Cell)>
        {
            ("count", c => c.Count.ToString(CultureInfo.InvariantCulture)),
        };
        foreach (var (label, read) in Statistics)
            if (Columns.Any(c => read(c) is not null))
                rows.Add((label, c => c.IsNumeric ? Number(read(c)) : null));
        if (Columns.Any(c => c.Unique is not null))
        {
            rows.Add(("unique", c => c.Unique?.ToString(CultureInfo.InvariantCulture)));
            rows.Add(("top", c => c.IsNumeric ? null : c.Top ?? "NaN"));
            rows.Add(("freq", c => c.Frequency?.ToString(CultureInfo.InvariantCulture)));
        }
        List<string[]> cells = [["", .. Columns.Select(c => c.Name)]];
        foreach (var (label, cell) in rows) cells.Add([label, .. Columns.Select(c => cell(c) ?? "NaN")]);
        var widths = new int[Columns.Count + 1];
        foreach (var row in cells)
            for (var j = 0; j < row.Length; j++) widths[j] = Math.Max(widths[j], row[j].Length);
        var text = new StringBuilder();
        foreach (var row in cells)
            text.AppendJoin("  ", row.Select((cell, j) => j == 0 ? cell.PadRight(widths[j]) : cell.PadLeft(widths[j]))).Append('\n');
        return text.ToString().TrimEnd('\n');
    }

    static string Number(double? value) =>
        value is { } v ? v.ToString("G6", CultureInfo.InvariantCulture) : "NaN";

    static readonly (string Label, Func<ColumnSummary, double?> Read)[] Statistics =
    [
        ("mean", c => c.Mean), ("std", c => c.Std), ("min", c => c.Min), ("25%", c => c.LowerQuartile),
        ("50%", c => c.Median), ("75%", c => c.UpperQuartile), ("max", c => c.Max),
    ];
}
