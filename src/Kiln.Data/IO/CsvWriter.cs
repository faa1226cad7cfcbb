using System.Globalization;
using System.Text;

namespace Kiln.Data;

/// <summary>Writes a <see cref="Frame"/> as CSV (RFC 4180 quoting); missing values are empty fields.</summary>
public static class CsvWriter
{
    public static void Write(Frame frame, string path, char separator = ',') =>
        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
            Write(frame, writer, separator);
        });

    public static void Write(Frame frame, TextWriter writer, char separator = ',')
    {
        for (var c = 0; c < frame.ColumnCount; c++)
        {
            if (c > 0) writer.Write(separator);
            writer.Write(Quote(frame[c].Name, separator));
        }
        writer.Write('\n');
        for (var r = 0; r < frame.RowCount; r++)
        {
            for (var c = 0; c < frame.ColumnCount; c++)
            {
                if (c > 0) writer.Write(separator);
                writer.Write(Field(frame[c], r, separator));
            }
            writer.Write('\n');
        }
    }

    static string Field(Column column, int row, char separator)
    {
        if (column.IsMissing(row)) return "";
        return column switch
        {
            Float64Column f => f[row].ToString("R", CultureInfo.InvariantCulture),
            Int64Column i => i[row].ToString(CultureInfo.InvariantCulture),
            BoolColumn b => b[row] ? "True" : "False",
            DateTimeColumn d => d[row].TimeOfDay == TimeSpan.Zero
                ? d[row].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : d[row].ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
            StringColumn s => Quote(s[row]!, separator),
            _ => Quote(column.Format(row), separator),
        };
    }

    static string Quote(string value, char separator)
    {
        if (value.Length == 0 || value.AsSpan().IndexOfAny([separator, '"', '\n', '\r']) < 0) return value;
        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
