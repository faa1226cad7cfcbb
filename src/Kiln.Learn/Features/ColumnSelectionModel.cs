using Kiln.Data;

namespace Kiln.Learn.Features;

/// <summary>The shared shape of fitted feature selectors: the kept columns pass through untouched, in input order.</summary>
public abstract class ColumnSelectionModel : TransformerModel
{
    readonly int[] _selected;
    readonly string[] _names;

    private protected ColumnSelectionModel(IEstimator estimator, InputSchema schema, int[] selected) : base(estimator, schema)
    {
        _selected = selected;
        var columns = schema.Columns;
        _names = Array.ConvertAll(selected, j => columns[j].Name);
    }

    /// <summary>The positions of the kept columns in the input schema, ascending.</summary>
    public IReadOnlyList<int> SelectedIndices => _selected;

    public override IReadOnlyList<string> OutputNames => _names;

    protected override Frame TransformCore(Frame features)
    {
        var name = EstimatorCatalog.NameOf(Estimator);
        NumericInput.Columns(features, name);
        var output = new Column[_selected.Length];
        for (var k = 0; k < output.Length; k++) output[k] = features[_selected[k]];
        return new Frame(output);
    }

    /// <summary>Reads back the kept columns and one statistic per input column, checking both against the schema.</summary>
    private protected static (int[] Selected, double[] PerColumn) ReadState(ModelReader reader, string estimator, string statistic)
    {
        var selected = reader.ReadInt32s("selected");
        var perColumn = reader.ReadDoubles(statistic);
        var count = reader.Schema.Columns.Count;
        if (perColumn.Length != count)
            throw new InvalidDataException($"model package: {estimator} holds {perColumn.Length} {statistic} for {count} columns");
        for (var k = 0; k < selected.Length; k++)
            if (selected[k] < 0 || selected[k] >= count || (k > 0 && selected[k] <= selected[k - 1]))
                throw new InvalidDataException($"model package: {estimator} selects column {selected[k]}, which is not one of {count} in order");
        return (selected, perColumn);
    }

    private protected void WriteState(ModelWriter writer, string statistic, double[] perColumn)
    {
        writer.Write("selected", _selected);
        writer.Write(statistic, perColumn);
    }
}
