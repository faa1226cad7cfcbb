namespace Kiln.Data.Tests.Frames;

/// <summary>Reads a column's values into plain lists, so assertions compare them with literals.</summary>
internal static class ColumnValues
{
    public static List<string?> Texts(Frame frame, string column)
    {
        var strings = frame.Column<StringColumn>(column);
        return [.. Enumerable.Range(0, strings.Length).Select(i => strings[i])];
    }

    public static double[] Numbers(Frame frame, string column) => frame.Column<Float64Column>(column).Values.ToArray();

    public static long[] Integers(Frame frame, string column) => frame.Column<Int64Column>(column).Values.ToArray();
}
