using Kiln.Data;
using Spectre.Console;

namespace Kiln.Cli;

/// <summary>Renders frames as console tables and as JSON-ready rows.</summary>
public static class FrameTable
{
    public static Table Render(Frame frame, bool showIndex = true)
    {
        var table = new Table().Border(TableBorder.Rounded);
        if (showIndex) table.AddColumn(new TableColumn("").RightAligned());
        foreach (var column in frame.Columns)
        {
            var header = new TableColumn($"[bold]{Markup.Escape(column.Name)}[/]\n[dim]{column.Type.Name()}[/]");
            table.AddColumn(column.Type.IsNumeric() ? header.RightAligned() : header);
        }
        for (var r = 0; r < frame.RowCount; r++)
        {
            var cells = frame.Columns.Select(c => Markup.Escape(c.Format(r)));
            table.AddRow(showIndex ? [r.ToString(System.Globalization.CultureInfo.InvariantCulture), .. cells] : [.. cells]);
        }
        return table;
    }

    /// <summary>Rows as name → value maps (missing as null), the shape pandas' <c>to_json(orient="records")</c> gives.</summary>
    public static List<Dictionary<string, object?>> Records(Frame frame)
    {
        var records = new List<Dictionary<string, object?>>(frame.RowCount);
        for (var r = 0; r < frame.RowCount; r++)
        {
            var record = new Dictionary<string, object?>(frame.ColumnCount);
            foreach (var column in frame.Columns) record[column.Name] = column.GetValue(r);
            records.Add(record);
        }
        return records;
    }
}
