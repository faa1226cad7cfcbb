using Kiln.Data;
using Kiln.Learn;

namespace Kiln.Serving;

/// <summary>
/// Reads request rows written as CSV with a header row naming the model's input fields; the columns are read with the
/// schema's types, so a value that does not parse is an error naming its line and column.
/// </summary>
public static class CsvRows
{
    public static Frame Read(string csv, InputSchema schema, string source = "the CSV body")
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (string.IsNullOrWhiteSpace(csv)) throw new InvalidInputException($"{source} is empty: send a header row naming the input fields, then the rows");
        var types = schema.Columns.ToDictionary(c => c.Name, c => c.Type, StringComparer.Ordinal);
        Frame frame;
        try
        {
            frame = CsvReader.ReadText(csv, new CsvOptions { HasHeader = true, Types = types, InferDates = false }, source);
        }
        catch (DataFormatException e)
        {
            throw new InvalidInputException(e.Message, e.Line is { } line ? (int)Math.Max(0, line - 2) : null, e.ColumnName);
        }
        foreach (var name in frame.ColumnNames)
            if (!types.ContainsKey(name))
                throw new InvalidInputException($"{source}: unknown field '{name}'; the model takes {string.Join(", ", schema.Names.Select(n => $"'{n}'"))}", null, name);
        foreach (var column in schema.Columns)
            if (!frame.HasColumn(column.Name))
                throw new InvalidInputException($"{source}: field '{column.Name}' ({column.Type.Name()}) is missing", null, column.Name);
        if (frame.RowCount == 0) throw new InvalidInputException($"{source} has a header but no rows");
        return schema.Check(frame);
    }
}
