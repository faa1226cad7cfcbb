using Kiln.Data;

namespace Kiln.Learn.Features;

/// <summary>
/// Keeps the k numeric columns that score highest against the target (scikit-learn's SelectKBest): chi2, ANOVA F,
/// regression F or mutual information. Ties go to the later column and an undefined (NaN) score ranks lowest,
/// as there. The kept columns pass through untouched, in input order.
/// </summary>
[Estimator("select-k-best", EstimatorRole.Transformer, "Keep the k columns that score highest against the target",
    Capabilities = [Capability.RequiresTarget, Capability.NonNegativeInput, Capability.Randomized])]
public sealed record SelectKBest : Estimator<SelectKBestModel>
{
    [Parameter("How many columns to keep; none keeps all (scores are still computed)", Min = 1)]
    public int? K { get; init; } = 10;

    [Parameter("chi2 and f-classif and mutual-info-classif score against classes; f-regression and mutual-info-regression against a number")]
    public ScoreFunction ScoreFunction { get; init; } = ScoreFunction.FClassif;

    [Parameter("Neighbours per point for the mutual information estimators", Min = 1)]
    public int Neighbors { get; init; } = 3;

    [Parameter("Seed of the tie-breaking noise of the mutual information estimators")]
    public int Seed { get; init; }

    protected override SelectKBestModel FitCore(Frame features, Column? target, FitContext context)
    {
        if (target is null)
            throw new ArgumentException("select-k-best: needs a target column to score the features against", nameof(target));
        var columns = NumericInput.Columns(features, "select-k-best");
        var values = new double[columns.Length][];
        for (var j = 0; j < values.Length; j++) values[j] = columns[j].Values.ToArray();
        var scores = ScoreFunction switch
        {
            ScoreFunction.Chi2 => FeatureScores.Chi2(values, Classes(target), [.. features.ColumnNames]),
            ScoreFunction.FClassif => FeatureScores.FClassif(values, Classes(target)),
            ScoreFunction.FRegression => FeatureScores.FRegression(values, NumericTarget(target)),
            ScoreFunction.MutualInfoClassif => MutualInformation.WithClasses(values, Classes(target), Neighbors, Seed),
            _ => MutualInformation.WithTarget(values, NumericTarget(target), Neighbors, Seed),
        };
        return new SelectKBestModel(this, InputSchema.Of(features), Best(scores, K ?? scores.Length), scores);
    }

    static ClassLabels Classes(Column target) =>
        target.Type == DataType.DateTime
            ? throw new ArgumentException($"select-k-best: the target '{target.Name}' is datetime; class labels are text, int64, bool or float64", nameof(target))
            : ClassLabels.Of(target, nameof(target));

    static double[] NumericTarget(Column target)
    {
        if (!target.Type.IsNumeric())
            throw new ArgumentException($"select-k-best: the target '{target.Name}' is {target.Type.Name()}; f-regression and mutual-info-regression need a numeric target", nameof(target));
        var values = target.AsFloat64().Values.ToArray();
        for (var i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i]))
                throw new ArgumentException($"select-k-best: the target '{target.Name}' holds {values[i]} at row {i}; it needs finite values", nameof(target));
        return values;
    }

    /// <summary>As scikit-learn: a stable ascending sort with NaN as the lowest score, then the last k, returned in column order.</summary>
    static int[] Best(double[] scores, int k)
    {
        k = Math.Min(k, scores.Length);
        var order = new int[scores.Length];
        for (var j = 0; j < order.Length; j++) order[j] = j;
        var keys = Array.ConvertAll(scores, s => double.IsNaN(s) ? double.MinValue : s);
        // a stable sort by (score, position) since Array.Sort is not stable
        Array.Sort(order, (a, b) => keys[a] != keys[b] ? keys[a].CompareTo(keys[b]) : a.CompareTo(b));
        var selected = order[^k..];
        Array.Sort(selected);
        return selected;
    }
}

/// <summary>A fitted <see cref="SelectKBest"/>: every column's score and the columns kept.</summary>
public sealed class SelectKBestModel : ColumnSelectionModel
{
    readonly double[] _scores;

    internal SelectKBestModel(SelectKBest estimator, InputSchema schema, int[] selected, double[] scores)
        : base(estimator, schema, selected) => _scores = scores;

    /// <summary>Each input column's score, in input order.</summary>
    public IReadOnlyList<double> Scores => _scores;

    public override void Save(ModelWriter writer) => WriteState(writer, "scores", _scores);

    public static SelectKBestModel Load(ModelReader reader)
    {
        var (selected, scores) = ReadState(reader, "select-k-best", "scores");
        return new SelectKBestModel((SelectKBest)reader.Estimator, reader.Schema, selected, scores);
    }
}
