using Kiln.Data;

namespace Kiln.Learn.Tests.Compose;

/// <summary>One column per distinct text value, named <c>column=value</c>: the naming one-hot encoders follow.</summary>
internal sealed record IndicatorColumns : Estimator<IndicatorColumnsModel>
{
    protected override IndicatorColumnsModel FitCore(Frame features, Column? target, FitContext context)
    {
        var categories = features.Columns.Select(c => ((StringColumn)c).Categories.Order(StringComparer.Ordinal).ToArray()).ToArray();
        return new IndicatorColumnsModel(this, InputSchema.Of(features), categories);
    }
}

internal sealed class IndicatorColumnsModel(IndicatorColumns estimator, InputSchema schema, string[][] categories) : TransformerModel(estimator, schema)
{
    public override IReadOnlyList<string> OutputNames =>
        [.. Schema.Columns.SelectMany((c, j) => categories[j].Select(value => $"{c.Name}={value}"))];

    protected override Frame TransformCore(Frame features)
    {
        var columns = new List<Column>();
        for (var j = 0; j < features.ColumnCount; j++)
        {
            var text = (StringColumn)features[j];
            foreach (var value in categories[j])
            {
                var flags = new double[text.Length];
                for (var i = 0; i < flags.Length; i++) flags[i] = text[i] == value ? 1 : 0;
                columns.Add(new Float64Column($"{text.Name}={value}", flags));
            }
        }
        return new Frame(columns);
    }

    public override void Save(ModelWriter writer) => throw new InvalidOperationException("a test double is never saved");
}

/// <summary>Predicts the most frequent class, with the class frequencies as probabilities.</summary>
internal sealed record MajorityClassifier : Estimator<MajorityClassifierModel>
{
    protected override MajorityClassifierModel FitCore(Frame features, Column? target, FitContext context)
    {
        var labels = Enumerable.Range(0, target!.Length).Select(target.Format).ToArray();
        var classes = labels.Distinct().Order(StringComparer.Ordinal).ToArray();
        var shares = classes.Select(c => labels.Count(l => l == c) / (double)labels.Length).ToArray();
        return new MajorityClassifierModel(this, InputSchema.Of(features), classes, shares);
    }
}

internal sealed class MajorityClassifierModel(MajorityClassifier estimator, InputSchema schema, string[] classes, double[] shares) : IClassifierModel
{
    public IEstimator Estimator => estimator;
    public InputSchema Schema => schema;
    public Column Classes => new StringColumn("class", classes);

    /// <summary>The frames it was asked to predict, to show what a pipeline hands its last step.</summary>
    public List<Frame> Seen { get; } = [];

    public Column Predict(Frame features)
    {
        Seen.Add(features);
        var best = classes[Array.IndexOf(shares, shares.Max())];
        return new StringColumn("prediction", [.. Enumerable.Repeat(best, features.RowCount)]);
    }

    public Frame PredictProbabilities(Frame features) =>
        new(classes.Select((c, k) => new Float64Column(c, [.. Enumerable.Repeat(shares[k], features.RowCount)])));

    public void Save(ModelWriter writer) => throw new InvalidOperationException("a test double is never saved");
}

/// <summary>Keeps the first rows (and their target and weights): a stand-in for samplers and outlier filters.</summary>
internal sealed record KeepFirstRows(int Count) : Estimator<KeepFirstRowsModel>
{
    protected override KeepFirstRowsModel FitCore(Frame features, Column? target, FitContext context) => new(this, InputSchema.Of(features));
}

internal sealed class KeepFirstRowsModel(KeepFirstRows estimator, InputSchema schema) : IResamplingModel
{
    public IEstimator Estimator => estimator;
    public InputSchema Schema => schema;

    public ResampledData Resample(Frame features, Column? target, double[]? sampleWeights)
    {
        var rows = Enumerable.Range(0, estimator.Count).ToArray();
        return new ResampledData(features.Take(rows), target?.Take(rows), sampleWeights?[..estimator.Count], rows);
    }

    public void Save(ModelWriter writer) => throw new InvalidOperationException("a test double is never saved");
}

/// <summary>Passes rows through and keeps the frame it was fitted on, to show what a composite fits its later steps on.</summary>
internal sealed record RememberFittingRows : Estimator<RememberFittingRowsModel>
{
    protected override RememberFittingRowsModel FitCore(Frame features, Column? target, FitContext context) => new(this, InputSchema.Of(features), features);
}

internal sealed class RememberFittingRowsModel(RememberFittingRows estimator, InputSchema schema, Frame fittedOn) : TransformerModel(estimator, schema)
{
    public Frame FittedOn => fittedOn;

    public override IReadOnlyList<string> OutputNames => [.. Schema.Names];

    protected override Frame TransformCore(Frame features) => features;

    public override void Save(ModelWriter writer) => throw new InvalidOperationException("a test double is never saved");
}
