using System.Numerics.Tensors;
using System.Text;
using Kiln.Data;

namespace Kiln.Learn.Features;

/// <summary>
/// Products of numeric columns up to a total degree, in scikit-learn's PolynomialFeatures order: the bias <c>1</c>,
/// then each degree's combinations of columns in lexicographic order. Names read <c>a^2*b</c>; missing values propagate.
/// </summary>
[Estimator("polynomial-features", EstimatorRole.Transformer, "Add powers and products of numeric columns up to a degree",
    Capabilities = [Capability.AllowsMissing])]
public sealed record PolynomialFeatures : Estimator<PolynomialFeaturesModel>
{
    /// <summary>More output columns than this is almost always a mistake (degree too high for the column count).</summary>
    internal const int MaxOutputColumns = 100_000;

    [Parameter("Highest total degree of a term", Min = 1, Max = 10)]
    public int Degree { get; init; } = 2;

    [Parameter("Only products of distinct columns (a*b but not a^2)")]
    public bool InteractionOnly { get; init; }

    [Parameter("Start with a constant column of ones named 1")]
    public bool IncludeBias { get; init; } = true;

    protected override PolynomialFeaturesModel FitCore(Frame features, Column? target, FitContext context)
    {
        NumericInput.Columns(features, "polynomial-features");
        var schema = InputSchema.Of(features);
        return new PolynomialFeaturesModel(this, schema, Terms(schema.Columns.Count));
    }

    /// <summary>Each output column as the sorted column indices it multiplies (empty for the bias).</summary>
    internal int[][] Terms(int columnCount)
    {
        var terms = new List<int[]>();
        if (IncludeBias) terms.Add([]);
        for (var degree = 1; degree <= Degree; degree++)
        {
            var combination = new int[degree];
            if (!FirstCombination(combination, columnCount)) break;
            do
            {
                terms.Add((int[])combination.Clone());
                if (terms.Count > MaxOutputColumns)
                    throw new ArgumentException(
                        $"polynomial-features: degree {Degree} over {columnCount} columns makes more than {MaxOutputColumns} columns; lower parameter 'degree' or select columns first",
                        "degree");
            }
            while (NextCombination(combination, columnCount));
        }
        return [.. terms];
    }

    bool FirstCombination(int[] combination, int columnCount)
    {
        for (var i = 0; i < combination.Length; i++) combination[i] = InteractionOnly ? i : 0;
        return InteractionOnly ? combination.Length <= columnCount : columnCount > 0;
    }

    /// <summary>Advances like itertools' combinations (interaction only) or combinations_with_replacement.</summary>
    bool NextCombination(int[] combination, int columnCount)
    {
        var k = combination.Length;
        for (var i = k - 1; i >= 0; i--)
        {
            var limit = InteractionOnly ? columnCount - k + i : columnCount - 1;
            if (combination[i] >= limit) continue;
            combination[i]++;
            for (var j = i + 1; j < k; j++) combination[j] = InteractionOnly ? combination[j - 1] + 1 : combination[i];
            return true;
        }
        return false;
    }
}

/// <summary>A fitted <see cref="PolynomialFeatures"/>: the terms it multiplies out.</summary>
public sealed class PolynomialFeaturesModel : TransformerModel
{
    readonly int[][] _terms;
    readonly string[] _names;

    internal PolynomialFeaturesModel(PolynomialFeatures estimator, InputSchema schema, int[][] terms) : base(estimator, schema)
    {
        _terms = terms;
        var columnNames = schema.Names.ToArray();
        _names = Array.ConvertAll(terms, term => NameOf(term, columnNames));
    }

    public override IReadOnlyList<string> OutputNames => _names;

    protected override Frame TransformCore(Frame features)
    {
        var columns = NumericInput.Columns(features, "polynomial-features");
        var rows = features.RowCount;
        var output = new Column[_terms.Length];
        Parallel.For(0, _terms.Length, t =>
        {
            var term = _terms[t];
            var result = new double[rows];
            if (term.Length == 0) result.AsSpan().Fill(1);
            else
            {
                columns[term[0]].Values.CopyTo(result);
                // left to right, as scikit-learn multiplies the previous degree's term by one more column
                for (var f = 1; f < term.Length; f++) TensorPrimitives.Multiply(result, columns[term[f]].Values, result);
            }
            output[t] = new Float64Column(_names[t], result);
        });
        return new Frame(output);
    }

    static string NameOf(int[] term, string[] columnNames)
    {
        if (term.Length == 0) return "1";
        var name = new StringBuilder();
        for (var start = 0; start < term.Length;)
        {
            var end = start;
            while (end < term.Length && term[end] == term[start]) end++;
            if (name.Length > 0) name.Append('*');
            name.Append(columnNames[term[start]]);
            if (end - start > 1) name.Append('^').Append(end - start);
            start = end;
        }
        return name.ToString();
    }

    public override void Save(ModelWriter writer) => writer.Write("output-count", (long)_terms.Length);

    public static PolynomialFeaturesModel Load(ModelReader reader)
    {
        var estimator = (PolynomialFeatures)reader.Estimator;
        // the terms follow from the parameters and the column count; the stored count guards against a mismatch
        var terms = estimator.Terms(reader.Schema.Columns.Count);
        var stored = reader.ReadInt64("output-count");
        if (stored != terms.Length)
            throw new InvalidDataException($"model package: polynomial-features recorded {stored} output columns but its parameters give {terms.Length}");
        return new PolynomialFeaturesModel(estimator, reader.Schema, terms);
    }
}
