using System.Numerics.Tensors;
using Kiln.Data;
using Kiln.Neural;
using Kiln.Neural.Packaging;

namespace Kiln.Serving;

/// <summary>
/// A neural-network package served over images: uploads are decoded and prepared as the package's preprocessing
/// records (image size, colour mode, scale and offset), the same way <c>kiln predict</c> reads image files, and each
/// answer is the most probable class with every class's probability.
/// </summary>
internal sealed class ServedNetwork
{
    const int BatchSize = 64;
    readonly Model _model;
    readonly long[] _rowShape;

    ServedNetwork(PackagedNetwork network, ImagePreprocessing preprocessing, long[] rowShape)
    {
        (_model, Preprocessing, _rowShape) = (network.Model, preprocessing, rowShape);
        Classes = ClassProbabilities.Labels((int)network.Model.OutputShape[0], network.Info.Classes);
    }

    public ImagePreprocessing Preprocessing { get; }

    /// <summary>The class of each probability, in the network's output order.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>Loads a neural-network package, refusing (as not servable) one whose images the package does not describe.</summary>
    public static ServedModel Load(string name, int version, string path, string estimator)
    {
        PackagedNetwork network;
        try
        {
            network = NeuralPackage.Load(path);
        }
        catch (NeuralRuntimeException e)
        {
            // the runtime, not the package, failed: the version is tried again at the next reading of the registry
            throw new ModelNotServedException($"version {version} of '{name}' is a neural network, and {e.Message}");
        }
        try
        {
            var model = network.Model;
            if (model.InputShapes.Count != 1)
                throw new InvalidDataException($"version {version} of '{name}' is a network with {model.InputShapes.Count} inputs; the server feeds networks one image each");
            if (model.OutputShape.Count != 1)
                throw new InvalidDataException($"version {version} of '{name}' answers outputs of shape [{string.Join(", ", model.OutputShape)}], not one score per class");
            if (network.Info.Preprocessing is not { Height: not null, Width: not null } preprocessing)
                throw new InvalidDataException($"version {version} of '{name}' is a network whose package records no image size, so uploaded images cannot be prepared for it; the server serves networks over images (kiln nn train writes them)");
            long[] rowShape;
            try
            {
                rowShape = preprocessing.RowShape(model.InputShapes[0]);
            }
            catch (ArgumentException e)
            {
                throw new InvalidDataException($"version {version} of '{name}': the network's {e.Message}", e);
            }
            var served = new ServedNetwork(network, preprocessing, rowShape);
            served.WarmUp();
            return new ServedModel(name, version, served, estimator);
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    /// <summary>One pass over a blank image, so that the first request does not pay for libtorch setting up its kernels.</summary>
    void WarmUp()
    {
        var blank = new float[_rowShape.Aggregate(1L, (a, b) => a * b)];
        _model.Predict(Tensor.Create(blank, [1, .. _rowShape.Select(d => (nint)d)]));
    }

    /// <summary>Each image's most probable class (the first on ties) and every class's probability.</summary>
    public PredictionBatch Predict(ImageBatch images)
    {
        var inputs = Tensor.Create(images.Values, [images.Count, .. _rowShape.Select(d => (nint)d)]);
        var probabilities = ClassProbabilities.Of(_model.Predict(inputs, BatchSize), Classes);
        var predicted = new string?[images.Count];
        for (var r = 0; r < predicted.Length; r++) predicted[r] = Classes[probabilities.Best(r)];
        return new PredictionBatch(new StringColumn("prediction", predicted), probabilities.Values.ToArray(), Classes);
    }
}
