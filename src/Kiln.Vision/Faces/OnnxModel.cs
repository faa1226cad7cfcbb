using Kiln.Data;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Kiln.Vision.Faces;

/// <summary>
/// An ONNX model run by ONNX Runtime on the CPU, opened with checks that its input and outputs are the ones the
/// detector decodes, so a wrong file fails at once with its name rather than deep inside decoding.
/// </summary>
sealed class OnnxModel : IDisposable
{
    readonly InferenceSession _session;

    public OnnxModel(string path, string inputName, IReadOnlyList<string> outputNames)
    {
        Path = path;
        using var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            // UltraFace's export lists its weights among the graph inputs, which ONNX Runtime warns about once per weight.
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        // Idle worker threads sleep rather than spin: between inferences a video loop decodes, draws and encodes on the same cores.
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        try
        {
            _session = new InferenceSession(path, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new DataFormatException(path, null, null, $"not an ONNX model ONNX Runtime can load: {e.Message}");
        }
        if (!_session.InputMetadata.TryGetValue(inputName, out var input) || input.Dimensions.Length != 4 || input.Dimensions.Any(d => d <= 0))
        {
            _session.Dispose();
            throw new DataFormatException(path, null, null,
                $"expected an input '{inputName}' of fixed shape [1, 3, height, width]; the model has {Describe(_session.InputMetadata)}");
        }
        var missing = outputNames.Where(name => !_session.OutputMetadata.ContainsKey(name)).ToList();
        if (missing.Count > 0)
        {
            _session.Dispose();
            throw new DataFormatException(path, null, null,
                $"lacks the output{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}; it has {Describe(_session.OutputMetadata)}");
        }
        (InputName, OutputNames) = (inputName, outputNames);
        (InputHeight, InputWidth) = (input.Dimensions[2], input.Dimensions[3]);
    }

    public string Path { get; }

    public string InputName { get; }

    public IReadOnlyList<string> OutputNames { get; }

    public int InputHeight { get; }

    public int InputWidth { get; }

    /// <summary>Runs the model on an NCHW float blob held by OpenCV (no copy) and returns the outputs in <see cref="OutputNames"/>' order.</summary>
    public IDisposableReadOnlyCollection<OrtValue> Run(OpenCvSharp.Mat blob)
    {
        long[] shape = [1, 3, InputHeight, InputWidth];
        var length = 3L * InputHeight * InputWidth;
        if (!blob.IsContinuous() || blob.Total() != length)
            throw new ArgumentException($"the input blob holds {blob.Total()} values, the model takes {length}", nameof(blob));
        using var input = OrtValue.CreateTensorValueWithData(OrtMemoryInfo.DefaultInstance, TensorElementType.Float, shape, blob.Data, length * sizeof(float));
        using var runOptions = new RunOptions();
        return _session.Run(runOptions, [InputName], [input], OutputNames);
    }

    public void Dispose() => _session.Dispose();

    static string Describe(IReadOnlyDictionary<string, NodeMetadata> nodes) =>
        string.Join(", ", nodes.Select(n => $"{n.Key} [{string.Join(", ", n.Value.Dimensions)}]"));
}
