using Kiln.Data;
using Kiln.Learn;

namespace Kiln.Serving;

/// <summary>
/// One loaded version of a registered model, immutable: a request that resolved it keeps predicting with it even
/// after an alias moves to another version.
/// </summary>
public sealed class ServedModel
{
    readonly IPredictorModel _model;
    readonly IClassifierModel? _classifier;

    readonly MicroBatcher? _batcher;

    internal ServedModel(string name, int version, IPredictorModel model, string estimator, int maxBatchRows = 1)
    {
        (Name, Version, _model, Estimator) = (name, version, model, estimator);
        if (maxBatchRows > 1) _batcher = new MicroBatcher(Predict, maxBatchRows);
        Schema = model.Schema;
        // a pipeline implements every role and plays its last step's
        IModel final = model;
        while (final is Learn.Compose.PipelineModel pipeline) final = pipeline.Final;
        if (final is IClassifierModel && model is IClassifierModel classifier)
        {
            _classifier = classifier;
            Classes = [.. Enumerable.Range(0, classifier.Classes.Length).Select(classifier.Classes.Format)];
        }
        Task = final switch
        {
            IClassifierModel => "classification",
            IRegressorModel => "regression",
            IClustererModel => "clustering",
            _ => "prediction",
        };
    }

    public string Name { get; }

    public int Version { get; }

    /// <summary>The catalog name of the estimator, or the composite's kind (<c>pipeline</c>).</summary>
    public string Estimator { get; }

    /// <summary><c>classification</c>, <c>regression</c> or <c>clustering</c>.</summary>
    public string Task { get; }

    public InputSchema Schema { get; }

    /// <summary>The class labels in probability order, for classifiers; null otherwise.</summary>
    public IReadOnlyList<string>? Classes { get; }

    /// <summary>Predicts every row of <paramref name="features"/>, with class probabilities for classifiers.</summary>
    public PredictionBatch Predict(Frame features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var checkedFeatures = Schema.Check(features, $"{Name}/{Version}");
        if (_classifier is null) return new PredictionBatch(_model.Predict(checkedFeatures), null, null);
        var probabilities = _classifier.PredictProbabilities(checkedFeatures);
        var rows = probabilities.RowCount;
        var k = probabilities.ColumnCount;
        var matrix = new double[rows * k];
        for (var c = 0; c < k; c++)
        {
            var values = ((Float64Column)probabilities.Columns[c]).Values;
            for (var r = 0; r < rows; r++) matrix[r * k + c] = values[r];
        }
        // the prediction is the most probable class, first on ties, as the classifier's own Predict
        var codes = new int[rows];
        for (var r = 0; r < rows; r++)
        {
            var best = 0;
            for (var c = 1; c < k; c++) if (matrix[r * k + c] > matrix[r * k + best]) best = c;
            codes[r] = best;
        }
        return new PredictionBatch(_classifier.Classes.Take(codes), matrix, Classes);
    }

    /// <summary>
    /// Predicts like <see cref="Predict"/>; a single row is batched with other single rows that arrive while the
    /// model is busy when <see cref="ModelHostOptions.MaxBatchRows"/> allows it.
    /// </summary>
    public Task<PredictionBatch> PredictAsync(Frame features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (_batcher is null || features.RowCount != 1) return System.Threading.Tasks.Task.FromResult(Predict(features));
        return _batcher.PredictAsync(features);
    }

    public override string ToString() => $"{Name}/{Version}";
}
