namespace Kiln.Data;

/// <summary>A correlation matrix as plain names and rows, ready for JSON and heatmaps.</summary>
public sealed record CorrelationTable(IReadOnlyList<string> Names, IReadOnlyList<IReadOnlyList<double>> Values)
{
    public double this[string row, string column] => Values[IndexOf(row)][IndexOf(column)];

    int IndexOf(string name)
    {
        for (var i = 0; i < Names.Count; i++) if (Names[i] == name) return i;
        throw new UnknownColumnException(name, Names);
    }
}
