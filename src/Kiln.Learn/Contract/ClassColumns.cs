using System.Globalization;
using Kiln.Data;

namespace Kiln.Learn;

/// <summary>Saves and loads a classifier's class column with its type, so predictions after loading have the target's type.</summary>
public static class ClassColumns
{
    public static void Save(ModelWriter writer, Column classes)
    {
        writer.Write("class-name", classes.Name);
        writer.Write("class-type", classes.Type.Name());
        writer.Write("classes", [.. Enumerable.Range(0, classes.Length).Select(i => classes.GetValue(i) switch
        {
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
            var v => Convert.ToString(v, CultureInfo.InvariantCulture),
        })]);
    }

    public static Column Load(ModelReader reader)
    {
        var name = reader.ReadString("class-name");
        var values = reader.ReadStrings("classes");
        if (values.Any(v => v is null)) throw new InvalidDataException("model package: a class label is missing");
        return DataTypeNames.Parse(reader.ReadString("class-type")) switch
        {
            DataType.String => new StringColumn(name, values),
            DataType.Int64 => new Int64Column(name, [.. values.Select(v => long.Parse(v!, CultureInfo.InvariantCulture))]),
            DataType.Float64 => new Float64Column(name, [.. values.Select(v => double.Parse(v!, CultureInfo.InvariantCulture))]),
            DataType.Bool => new BoolColumn(name, [.. values.Select(v => bool.Parse(v!))]),
            DataType.DateTime => new DateTimeColumn(name, [.. values.Select(v => DateTime.Parse(v!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind))]),
            var other => throw new InvalidDataException($"model package: classes of type {other.Name()} cannot be read"),
        };
    }
}
