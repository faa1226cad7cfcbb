using System.Diagnostics;
using System.Numerics.Tensors;
using Kiln.Data;
using Kiln.Neural;
using Kiln.Neural.Callbacks;
using Kiln.Neural.Config;
using Kiln.Neural.Training;

namespace Kiln.Bench;

/// <summary>
/// Kiln's side of bench/nn-vs-torch.sh: trains the network of an architecture spec (with its compile settings) on an
/// IDX image dataset, pixels scaled by 1/255, on every training row (no validation split), and prints each epoch's
/// seconds, "NAME.epoch_seconds" (the median of the epochs after the first), "NAME.epoch_cpu_seconds" (the same median
/// of the process's processor time, which other work on the machine disturbs less) and "NAME.accuracy" on the test images.
/// </summary>
public static class NeuralBenchmark
{
    public static void Run(string name, string spec, string folder, int epochs, int threads, int batchSize)
    {
        TorchRuntime.SetThreads(threads);
        using var model = ModelConfig.Load(spec, seed: 0);
        if (model.CompiledLoss is null) throw new ArgumentException($"{spec}: the spec has no compile part; the benchmark trains with the spec's optimizer and loss");
        var (xTrain, yTrain) = Load(folder, "train", model.InputShapes[0]);
        var (xTest, yTest) = Load(folder, "t10k", model.InputShapes[0]);
        var timer = new EpochTimer(name);
        model.Fit(xTrain, yTrain, new FitOptions { Epochs = epochs, BatchSize = batchSize, Callbacks = [timer] });
        Timing.Report($"{name}.epoch_seconds", MedianAfterFirst(timer.Seconds));
        Timing.Report($"{name}.epoch_cpu_seconds", MedianAfterFirst(timer.ProcessorSeconds));
        Timing.Report($"{name}.accuracy", model.Evaluate(xTest, yTest, batchSize: 1000)["accuracy"]);
    }

    /// <summary>The images of one part (train or t10k) scaled to [0, 1] in the network's input shape, and their class indices.</summary>
    static (Tensor<float> X, Tensor<float> Y) Load(string folder, string part, IReadOnlyList<long> rowShape)
    {
        var images = IdxReader.ReadBytes(PartPath(folder, $"{part}-images-idx3-ubyte"));
        var labels = IdxReader.ReadBytes(PartPath(folder, $"{part}-labels-idx1-ubyte"));
        var rows = (int)images.Lengths[0];
        var pixels = new byte[images.FlattenedLength];
        images.FlattenTo(pixels);
        var x = new float[pixels.Length];
        for (var i = 0; i < x.Length; i++) x[i] = pixels[i] / 255f;
        var classes = new byte[labels.FlattenedLength];
        labels.FlattenTo(classes);
        var y = new float[classes.Length];
        for (var i = 0; i < y.Length; i++) y[i] = classes[i];
        return (Tensor.Create(x, [rows, .. rowShape.Select(d => (nint)d)]), Tensor.Create(y, [y.Length]));
    }

    static string PartPath(string folder, string part) =>
        new[] { part, part + ".gz" }.Select(file => Path.Combine(folder, file)).FirstOrDefault(File.Exists)
        ?? throw new FileNotFoundException($"{folder}: no {part} (.gz or not)");

    static double MedianAfterFirst(List<double> epochs)
    {
        var values = epochs.Count > 1 ? epochs.Skip(1).ToArray() : [.. epochs];
        Array.Sort(values);
        var middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    /// <summary>Times each epoch, in wall-clock and processor seconds, from its first batch to its end and writes it to standard error as it goes.</summary>
    sealed class EpochTimer(string name) : ICallback
    {
        readonly Stopwatch _clock = new();
        TimeSpan _processorAtStart;

        public List<double> Seconds { get; } = [];

        public List<double> ProcessorSeconds { get; } = [];

        public void OnEpochBegin(int epoch, TrainingControl control)
        {
            _processorAtStart = Process.GetCurrentProcess().TotalProcessorTime;
            _clock.Restart();
        }

        public void OnEpochEnd(int epoch, IReadOnlyDictionary<string, double> logs, TrainingControl control)
        {
            Seconds.Add(_clock.Elapsed.TotalSeconds);
            ProcessorSeconds.Add((Process.GetCurrentProcess().TotalProcessorTime - _processorAtStart).TotalSeconds);
            Console.Error.WriteLine(FormattableString.Invariant(
                $"{name}.epoch_{epoch + 1} {Seconds[^1]:0.####} s, cpu {ProcessorSeconds[^1]:0.####} s, loss {logs["loss"]:0.####}, accuracy {logs["accuracy"]:0.####}"));
        }
    }
}
