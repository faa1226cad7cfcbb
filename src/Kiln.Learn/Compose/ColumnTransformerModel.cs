using System.Globalization;
using Kiln.Data;

namespace Kiln.Learn.Compose;

/// <summary>A fitted <see cref="ColumnTransformer"/>: each part's fitted transformer with the column names it was resolved to.</summary>
public sealed class ColumnTransformerModel : ITransformerModel, ICompositeModel
{
    public const string CompositeKind = "column-transformer";

    readonly NamedModel[] _parts;
    readonly string[][] _columns;
    readonly string[] _passthrough;

    internal ColumnTransformerModel(ColumnTransformer estimator, InputSchema schema, NamedModel[] parts, string[][] columns, string[] passthrough)
    {
        Estimator = estimator;
        Schema = schema;
        _parts = parts;
        _columns = columns;
        _passthrough = passthrough;
        OutputNames = [.. parts.SelectMany(p => ((ITransformerModel)p.Model).OutputNames).Concat(passthrough)];
    }

    public IEstimator Estimator { get; }

    /// <summary>The selected columns and the passed-through remainder, in the order of the frame it was fitted on.</summary>
    public InputSchema Schema { get; }

    public string Kind => CompositeKind;

    public IReadOnlyList<NamedModel> Parts => _parts;

    /// <summary>The columns each part was resolved to, in part order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> PartColumns => _columns;

    /// <summary>The unselected columns appended unchanged (empty when the remainder is dropped).</summary>
    public IReadOnlyList<string> PassthroughColumns => _passthrough;

    public IReadOnlyList<string> OutputNames { get; }

    public Frame Transform(Frame features)
    {
        var input = Schema.Check(features, CompositeKind);
        var outputs = new Frame[_parts.Length];
        PartsInParallel.Run(_parts.Length, CancellationToken.None, i =>
            outputs[i] = ((ITransformerModel)_parts[i].Model).Transform(input.Select(_columns[i])));
        var columns = new List<Column>(OutputNames.Count);
        for (var i = 0; i < outputs.Length; i++)
        {
            if (outputs[i].RowCount != input.RowCount)
                throw new InvalidOperationException($"column transformer part '{_parts[i].Name}' gave {outputs[i].RowCount} rows for {input.RowCount}");
            columns.AddRange(outputs[i].Columns);
        }
        foreach (var name in _passthrough) columns.Add(input[name]);
        return new Frame(columns);
    }

    public void Save(ModelWriter writer)
    {
        ModelFormat.WriteSchema(writer.Section("schema"), Schema);
        writer.Write("remainder", Kebab.Of(((ColumnTransformer)Estimator).Remainder.ToString()));
        writer.Write("passthrough", _passthrough);
        writer.Write("names", [.. _parts.Select(p => p.Name)]);
        var columns = writer.Section("columns");
        var parts = writer.Section("parts");
        for (var i = 0; i < _parts.Length; i++)
        {
            var key = i.ToString(CultureInfo.InvariantCulture);
            columns.Write(key, _columns[i]);
            parts.WriteModel(key, _parts[i].Model);
        }
    }

    public static ColumnTransformerModel Load(ModelReader reader)
    {
        var schema = ModelFormat.ReadSchema(reader.Section("schema"));
        var remainder = reader.ReadString("remainder") switch
        {
            "drop" => Remainder.Drop,
            "passthrough" => Remainder.Passthrough,
            var other => throw new InvalidDataException($"model package: column transformer remainder '{other}' is neither drop nor passthrough"),
        };
        var passthrough = Names(reader.ReadStrings("passthrough"), "passthrough");
        var names = Names(reader.ReadStrings("names"), "names");
        var columnsSection = reader.Section("columns");
        var partsSection = reader.Section("parts");
        var parts = new NamedModel[names.Length];
        var columns = new string[names.Length][];
        for (var i = 0; i < names.Length; i++)
        {
            var key = i.ToString(CultureInfo.InvariantCulture);
            columns[i] = Names(columnsSection.ReadStrings(key), $"columns/{key}");
            parts[i] = new NamedModel(names[i], partsSection.ReadModel(key));
            if (parts[i].Model is not ITransformerModel)
                throw new InvalidDataException($"model package: column transformer part '{names[i]}' is not a transformer");
        }
        var known = schema.Names.ToHashSet(StringComparer.Ordinal);
        if (columns.SelectMany(c => c).Concat(passthrough).FirstOrDefault(c => !known.Contains(c)) is { } stray)
            throw new InvalidDataException($"model package: column transformer uses column '{stray}', which its input schema lacks");
        var estimator = new ColumnTransformer(parts.Select((p, i) => new ColumnTransformerPart(p.Name, p.Model.Estimator, ColumnSelector.ByName(columns[i]))))
        {
            Remainder = remainder,
        };
        return new ColumnTransformerModel(estimator, schema, parts, columns, passthrough);
    }

    static string[] Names(string?[] values, string key) =>
        [.. values.Select(v => v ?? throw new InvalidDataException($"model package: column transformer '{key}' holds an empty name"))];
}
