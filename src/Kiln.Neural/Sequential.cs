using System.Globalization;
using System.Numerics.Tensors;
using System.Text;
using Kiln.Learn;
using Kiln.Neural.Callbacks;
using Kiln.Neural.Layers;
using Kiln.Neural.Training;
using TorchSharp;

namespace Kiln.Neural;

/// <summary>
/// A stack of layers, each feeding the next (Keras' Sequential): built for a fixed input shape, compiled with an
/// optimizer, a loss and metrics, then fitted, evaluated and used to predict. Inputs and outputs are
/// <see cref="Tensor{T}"/> arrays whose first dimension is the row (sample); TorchSharp stays inside.
/// </summary>
public sealed class Sequential : IDisposable
{
    readonly torch.nn.Module<torch.Tensor, torch.Tensor>[] _modules;
    readonly torch.nn.Module<torch.Tensor, torch.Tensor> _network;
    readonly IReadOnlyList<long>[] _outputShapes;
    torch.optim.Optimizer? _optimizer;
    Loss? _loss;
    Metric[] _metrics = [];

    /// <param name="inputShape">One input's shape without the batch dimension, e.g. [28, 28] for MNIST images.</param>
    /// <param name="layers">The layers, first to last.</param>
    /// <param name="seed">Seed of the initial weights.</param>
    public Sequential(IReadOnlyList<long> inputShape, IEnumerable<Layer> layers, long seed = 0)
    {
        if (inputShape.Count == 0 || inputShape.Any(d => d < 1))
            throw new ArgumentException($"input shape [{string.Join(", ", inputShape)}]: give each dimension of one input, all at least 1", nameof(inputShape));
        TorchRuntime.Describe();
        InputShape = [.. inputShape];
        Layers = [.. layers];
        if (Layers.Count == 0) throw new ArgumentException("a sequential model needs at least one layer", nameof(layers));
        torch.manual_seed(seed);
        _modules = new torch.nn.Module<torch.Tensor, torch.Tensor>[Layers.Count];
        _outputShapes = new IReadOnlyList<long>[Layers.Count];
        var shape = InputShape;
        for (var i = 0; i < Layers.Count; i++)
        {
            _modules[i] = Layers[i].Build(shape);
            shape = _outputShapes[i] = Layers[i].OutputShape(shape);
        }
        _network = torch.nn.Sequential(_modules.Select((m, i) => ($"{i}_{Layers[i].Kind}", m)));
    }

    public IReadOnlyList<long> InputShape { get; }

    public IReadOnlyList<long> OutputShape => _outputShapes[^1];

    public IReadOnlyList<Layer> Layers { get; }

    public long ParameterCount => _modules.Sum(Count);

    /// <summary>A Keras-style table of the layers, their output shapes and parameter counts.</summary>
    public string Summary()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"Layer (type)",-28}{"Output shape",-20}{"Params",12}");
        for (var i = 0; i < Layers.Count; i++)
        {
            var shape = $"(None, {string.Join(", ", _outputShapes[i])})";
            text.AppendLine(CultureInfo.InvariantCulture, $"{$"{Layers[i].Kind}_{i} ({Layers[i].GetType().Name})",-28}{shape,-20}{Count(_modules[i]),12:N0}");
        }
        text.Append(CultureInfo.InvariantCulture, $"Total params: {ParameterCount:N0}");
        return text.ToString();
    }

    /// <summary>Chooses how <see cref="Fit"/> learns: the optimizer, the loss it minimises and the metrics it reports.</summary>
    public void Compile(Training.Optimizer optimizer, Loss loss, params Metric[] metrics)
    {
        _optimizer?.Dispose();
        _optimizer = optimizer.Create(_network.parameters());
        _loss = loss;
        _metrics = metrics;
    }

    /// <summary>Trains on rows of <paramref name="x"/> with targets <paramref name="y"/>, reporting each batch and stopping when cancelled.</summary>
    public History Fit(Tensor<float> x, Tensor<float> y, FitOptions? options = null, IProgress<FitProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        options ??= new FitOptions();
        options.Check();
        var (optimizer, loss) = (_optimizer, _loss) is ({ } o, { } l) ? (o, l) : throw new InvalidOperationException("compile the model before fitting it");
        var rows = CheckedRows(x, y, "fit");
        var trainRows = (int)(rows * (1 - options.ValidationSplit));
        if (trainRows < 1 || (options.ValidationSplit > 0 && trainRows == rows))
            throw new ArgumentException($"fit: a validation split of {options.ValidationSplit} leaves no rows on one side of {rows}", nameof(options));

        using var xAll = ToTorch(x);
        using var yAll = ToTorch(y);
        using var xTrain = xAll.narrow(0, 0, trainRows);
        using var yTrain = yAll.narrow(0, 0, trainRows);
        torch.manual_seed(options.Seed);
        var random = new Random(unchecked((int)options.Seed));
        var order = Enumerable.Range(0, trainRows).Select(i => (long)i).ToArray();
        var batches = (trainRows + options.BatchSize - 1) / options.BatchSize;
        var history = new History();
        var control = new TrainingControl(this);
        foreach (var callback in options.Callbacks) callback.OnTrainBegin(control);
        for (var epoch = 0; epoch < options.Epochs && !control.StopTraining; epoch++)
        {
            foreach (var callback in options.Callbacks) callback.OnEpochBegin(epoch, control);
            if (options.Shuffle) random.Shuffle(order);
            _network.train();
            double lossSum = 0;
            var metricSums = new double[_metrics.Length];
            for (var b = 0; b < batches; b++)
            {
                cancellation.ThrowIfCancellationRequested();
                using var scope = torch.NewDisposeScope();
                var first = b * options.BatchSize;
                var count = Math.Min(options.BatchSize, trainRows - first);
                var index = torch.tensor(order.AsSpan(first, count).ToArray());
                var (xb, yb) = (xTrain.index_select(0, index), yTrain.index_select(0, index));
                var output = _network.forward(xb);
                var batchLoss = loss.Compute(output, yb);
                optimizer.zero_grad();
                batchLoss.backward();
                optimizer.step();
                lossSum += batchLoss.item<float>() * count;
                using (torch.no_grad())
                    for (var m = 0; m < _metrics.Length; m++) metricSums[m] += _metrics[m].RowSum(output, yb);
                progress?.Report(new FitProgress($"epoch {epoch + 1}/{options.Epochs}", b + 1, batches));
            }
            var logs = new Dictionary<string, double> { ["loss"] = lossSum / trainRows, ["learning_rate"] = LearningRate };
            for (var m = 0; m < _metrics.Length; m++) logs[_metrics[m].Name] = metricSums[m] / trainRows;
            if (trainRows < rows)
            {
                using var xValidation = xAll.narrow(0, trainRows, rows - trainRows);
                using var yValidation = yAll.narrow(0, trainRows, rows - trainRows);
                foreach (var (name, value) in Measure(xValidation, yValidation, options.BatchSize, loss)) logs["val_" + name] = value;
            }
            history.Add(logs);
            foreach (var callback in options.Callbacks) callback.OnEpochEnd(epoch, logs, control);
        }
        foreach (var callback in options.Callbacks) callback.OnTrainEnd(control);
        return history;
    }

    /// <summary>The loss and metrics on <paramref name="x"/> and <paramref name="y"/>, with dropout off.</summary>
    public IReadOnlyDictionary<string, double> Evaluate(Tensor<float> x, Tensor<float> y, int batchSize = 32)
    {
        var loss = _loss ?? throw new InvalidOperationException("compile the model before evaluating it");
        CheckedRows(x, y, "evaluate");
        using var xs = ToTorch(x);
        using var ys = ToTorch(y);
        return Measure(xs, ys, batchSize, loss);
    }

    /// <summary>The model's outputs for each row of <paramref name="x"/>, with dropout off.</summary>
    public Tensor<float> Predict(Tensor<float> x, int batchSize = 32)
    {
        var rows = CheckedRows(x, null, "predict");
        var width = OutputShape.Aggregate(1L, (a, b) => a * b);
        var outputs = new float[rows * width];
        _network.eval();
        using var xs = ToTorch(x);
        using (torch.no_grad())
            for (var first = 0; first < rows; first += batchSize)
            {
                using var scope = torch.NewDisposeScope();
                var count = Math.Min(batchSize, rows - first);
                var output = _network.forward(xs.narrow(0, first, count)).contiguous();
                output.data<float>().CopyTo(outputs.AsSpan((int)(first * width), (int)(count * width)));
            }
        return Tensor.Create(outputs, [rows, .. OutputShape.Select(d => (nint)d)]);
    }

    /// <summary>The optimizer's learning rate (every parameter group's), which callbacks may change between batches.</summary>
    internal double LearningRate
    {
        get => (_optimizer ?? throw new InvalidOperationException("compile the model first")).ParamGroups.First().LearningRate;
        set
        {
            foreach (var group in (_optimizer ?? throw new InvalidOperationException("compile the model first")).ParamGroups) group.LearningRate = value;
        }
    }

    /// <summary>
    /// Every weight array in layer order, trainable or not (batch normalisation's running mean and variance too), as
    /// Keras' get_weights gives them.
    /// </summary>
    public IReadOnlyList<float[]> GetWeights() => [.. Weights().Select(w => w.data<float>().ToArray())];

    /// <summary>Replaces every weight array, in the order <see cref="GetWeights"/> gives (Keras' set_weights).</summary>
    public void SetWeights(IReadOnlyList<float[]> weights)
    {
        var current = Weights();
        if (weights.Count != current.Length)
            throw new ArgumentException($"set weights: the model has {current.Length} weight arrays, not {weights.Count}", nameof(weights));
        using var _ = torch.no_grad();
        for (var i = 0; i < current.Length; i++)
        {
            if (weights[i].Length != current[i].numel())
                throw new ArgumentException($"set weights: array {i} holds {weights[i].Length} values but the model's holds {current[i].numel()}", nameof(weights));
            using var values = torch.tensor(weights[i], current[i].shape);
            current[i].copy_(values);
        }
    }

    public void Dispose()
    {
        _optimizer?.Dispose();
        _network.Dispose();
    }

    Dictionary<string, double> Measure(torch.Tensor x, torch.Tensor y, int batchSize, Loss loss)
    {
        _network.eval();
        var rows = x.shape[0];
        double lossSum = 0;
        var metricSums = new double[_metrics.Length];
        using (torch.no_grad())
            for (long first = 0; first < rows; first += batchSize)
            {
                using var scope = torch.NewDisposeScope();
                var count = Math.Min(batchSize, rows - first);
                var (xb, yb) = (x.narrow(0, first, count), y.narrow(0, first, count));
                var output = _network.forward(xb);
                lossSum += loss.Compute(output, yb).item<float>() * count;
                for (var m = 0; m < _metrics.Length; m++) metricSums[m] += _metrics[m].RowSum(output, yb);
            }
        var results = new Dictionary<string, double> { ["loss"] = lossSum / rows };
        for (var m = 0; m < _metrics.Length; m++) results[_metrics[m].Name] = metricSums[m] / rows;
        return results;
    }

    /// <summary>The row count, after checking each row of x has the input shape and y has as many rows.</summary>
    int CheckedRows(Tensor<float> x, Tensor<float>? y, string operation)
    {
        var lengths = x.Lengths;
        if (lengths.Length != InputShape.Count + 1 || !InputShape.SequenceEqual(lengths[1..].ToArray().Select(d => (long)d)))
            throw new ArgumentException(
                $"{operation}: x has shape [{string.Join(", ", lengths.ToArray())}] but the model takes rows of shape [{string.Join(", ", InputShape)}]", "x");
        if (y is not null && y.Lengths[0] != lengths[0])
            throw new ArgumentException($"{operation}: x has {lengths[0]} rows but y has {y.Lengths[0]}", "y");
        if (lengths[0] == 0) throw new ArgumentException($"{operation}: x has no rows", "x");
        return (int)lengths[0];
    }

    static torch.Tensor ToTorch(Tensor<float> values)
    {
        var data = new float[values.FlattenedLength];
        values.FlattenTo(data);
        return torch.tensor(data, [.. values.Lengths.ToArray().Select(d => (long)d)]);
    }

    /// <summary>The model's float state — weights, biases and running statistics — in layer order; counters are left out.</summary>
    torch.Tensor[] Weights() => Floats(_network);

    static torch.Tensor[] Floats(torch.nn.Module module) =>
        [.. module.state_dict().Values.Where(t => t.dtype == torch.ScalarType.Float32)];

    /// <summary>Parameters as Keras counts them: trainable and non-trainable (running statistics) alike.</summary>
    static long Count(torch.nn.Module module) => Floats(module).Sum(t => t.numel());
}
