using Kiln.Data;

namespace Kiln.Learn;

/// <summary>
/// The columns a model was fitted on, by name and type. <see cref="Check"/> rejects a frame that lacks one or
/// has it with another type, naming the column; the values themselves are checked by <see cref="InputValues"/>.
/// </summary>
public sealed record InputSchema(IReadOnlyList<InputColumn> Columns)
{
    public static InputSchema Of(Frame frame) =>
        new([.. frame.Columns.Select(c => new InputColumn(c.Name, c.Type))]);

    public IEnumerable<string> Names => Columns.Select(c => c.Name);

    /// <summary>The frame's columns in the schema's order (extra columns are ignored, as a fitted pipeline would).</summary>
    public Frame Check(Frame frame, string? model = null)
    {
        var missing = Columns.Where(c => !frame.HasColumn(c.Name)).Select(c => c.Name).ToList();
        if (missing.Count > 0)
            throw new SchemaMismatchException(
                $"{Prefix(model)}expected {Columns.Count} feature columns, the input lacks {string.Join(", ", missing.Select(n => $"'{n}'"))}");
        foreach (var column in Columns)
        {
            var actual = frame[column.Name].Type;
            if (actual != column.Type && !(column.Type.IsNumeric() && actual.IsNumeric()))
                throw new SchemaMismatchException(
                    $"{Prefix(model)}column '{column.Name}' was {column.Type.Name()} when fitted but is {actual.Name()} now");
        }
        return frame.ColumnCount == Columns.Count && frame.ColumnNames.SequenceEqual(Names)
            ? frame
            : frame.Select([.. Names]);
    }

    static string Prefix(string? model) => model is null ? "" : $"{model}: ";
}

public sealed record InputColumn(string Name, DataType Type);
