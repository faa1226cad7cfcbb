using Kiln.Data;
using Kiln.Learn;
using Kiln.Neural.Packaging;

namespace Kiln.Serving;

/// <summary>
/// One loaded version of a registered model, immutable: a request that resolved it keeps predicting with it even
/// after an alias moves to another version. It predicts from rows (a tabular model package) or from image files (a
/// neural-network package over images); <see cref="InputKind"/> says which.
/// </summary>
public sealed class ServedModel
{
    readonly IPredictorModel? _model;
    readonly IClassifierModel? _classifier;
    readonly ServedNetwork? _network;

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

    internal ServedModel(string name, int version, ServedNetwork network, string estimator)
    {
        (Name, Version, _network, Estimator) = (name, version, network, estimator);
        Schema = new InputSchema([]);
        InputKind = ServedInputKind.Images;
        Images = network.Preprocessing;
        Classes = network.Classes;
        Task = "classification";
    }

    public string Name { get; }

    public int Version { get; }

    /// <summary>The catalog name of the estimator, or the composite's kind (<c>pipeline</c>).</summary>
    public string Estimator { get; }

    /// <summary><c>classification</c>, <c>regression</c> or <c>clustering</c>.</summary>
    public string Task { get; }

    /// <summary>The fields each input row must have; empty for a model over images.</summary>
    public InputSchema Schema { get; }

    /// <summary>Whether the model predicts from rows or from image files.</summary>
    public ServedInputKind InputKind { get; }

    /// <summary>For a model over images, how its package prepares them (image size, colour mode, scaling); null for rows.</summary>
    public ImagePreprocessing? Images { get; }

    /// <summary>The class labels in probability order, for classifiers; null otherwise.</summary>
    public IReadOnlyList<string>? Classes { get; }

    /// <summary>Predicts every row of <paramref name="features"/>, with class probabilities for classifiers.</summary>
    public PredictionBatch Predict(Frame features)
    {
        ArgumentNullException.ThrowIfNull(features);
        EnsureTakes(ServedInputKind.Rows);
        var checkedFeatures = Schema.Check(features, $"{Name}/{Version}");
        if (_classifier is null) return new PredictionBatch(_model!.Predict(checkedFeatures), null, null);
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

    /// <summary>Decodes uploaded images for this model, after checking them against <paramref name="limits"/>; the first bad file is the error.</summary>
    public ImageBatch ReadImages(IReadOnlyList<ImageUpload> uploads, ImageLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        EnsureTakes(ServedInputKind.Images);
        limits.Validate();
        return ImageBatch.Read(uploads, Images!, limits);
    }

    /// <summary>Each image's class, with its confidence and every class's probability.</summary>
    public PredictionBatch Predict(ImageBatch images)
    {
        ArgumentNullException.ThrowIfNull(images);
        EnsureTakes(ServedInputKind.Images);
        return _network!.Predict(images);
    }

    /// <summary>Refuses input of the other kind with a message saying what the model takes.</summary>
    public void EnsureTakes(ServedInputKind kind)
    {
        if (kind == InputKind) return;
        throw new UnsupportedInputException(InputKind == ServedInputKind.Images
            ? $"{Name}/{Version} is a network over {Images!.ColorMode} {Images.Height}×{Images.Width} images: send image files as multipart/form-data, or one image/png or image/jpeg body, not rows"
            : $"{Name}/{Version} takes rows ({string.Join(", ", Schema.Names.Select(n => $"'{n}'"))}) as JSON or CSV, not images");
    }

    public override string ToString() => $"{Name}/{Version}";
}
