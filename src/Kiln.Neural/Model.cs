using System.Globalization;
using System.Numerics.Tensors;
using System.Text;
using Kiln.Learn;
using Kiln.Neural.Callbacks;
using Kiln.Neural.Layers;
using Kiln.Neural.Training;
using TorchSharp;
using TorchSharp.Modules;

namespace Kiln.Neural;

/// <summary>
/// What Sequential and Functional models share (Keras' Model): compile with an optimizer, a loss and metrics, then fit,
/// evaluate and predict on <see cref="Tensor{T}"/> arrays whose first dimension is the row — one array per input —
/// and read, write, save and load the weights. TorchSharp stays inside; each batch runs in its own dispose scope.
/// </summary>
public abstract class Model : IDisposable
{
    readonly List<(Regularizer Regularizer, Parameter Kernel)> _penalties = [];
    BoundOptimizer? _optimizer;
    Loss? _loss;
    Metric[] _metrics = [];

    /// <summary>The module holding every weight, for training mode, parameters and the state dictionary.</summary>
    private protected abstract torch.nn.Module Network { get; }

    /// <summary>The model's output batch for one batch per input.</summary>
    private protected abstract torch.Tensor Forward(IReadOnlyList<torch.Tensor> inputs);

    /// <summary>Each input's row shape, without the batch dimension.</summary>
    public abstract IReadOnlyList<IReadOnlyList<long>> InputShapes { get; }

    /// <summary>One output row's shape, without the batch dimension.</summary>
    public abstract IReadOnlyList<long> OutputShape { get; }

    /// <summary>A Keras-style table of the layers, their output shapes and parameter counts.</summary>
    public abstract string Summary();

    /// <summary>Parameters as Keras counts them: trainable and non-trainable (running statistics) alike.</summary>
    public long ParameterCount => Count(Network);

    /// <summary>The optimizer settings given to Compile, or null before the model is compiled.</summary>
    public Training.Optimizer? CompiledOptimizer => _optimizer?.Settings;

    /// <summary>The loss given to Compile, or null before the model is compiled.</summary>
    public Loss? CompiledLoss => _loss;

    /// <summary>The metrics given to Compile.</summary>
    public IReadOnlyList<Metric> CompiledMetrics => _metrics;

    /// <summary>Chooses how <see cref="Fit(IReadOnlyList{Tensor{float}}, Tensor{float}, FitOptions?, IProgress{FitProgress}?, CancellationToken)"/> learns: the optimizer, the loss it minimises and the metrics it reports.</summary>
    public void Compile(Training.Optimizer optimizer, Loss loss, params Metric[] metrics)
    {
        var bound = optimizer.Bind([.. Network.parameters()]);
        _optimizer?.Dispose();
        (_optimizer, _loss, _metrics) = (bound, loss, metrics);
    }

    /// <summary>Trains a one-input model; see the overload taking one array per input.</summary>
    public History Fit(Tensor<float> x, Tensor<float> y, FitOptions? options = null, IProgress<FitProgress>? progress = null,
        CancellationToken cancellation = default) => Fit([x], y, options, progress, cancellation);

    /// <summary>
    /// Trains on rows of <paramref name="x"/> (one array per input, in the order of <see cref="InputShapes"/>) with
    /// targets <paramref name="y"/>, reporting each batch and stopping when cancelled.
    /// </summary>
    public History Fit(IReadOnlyList<Tensor<float>> x, Tensor<float> y, FitOptions? options = null, IProgress<FitProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        options ??= new FitOptions();
        options.Check();
        var (optimizer, loss) = (_optimizer, _loss) is ({ } o, { } l) ? (o, l) : throw new InvalidOperationException("compile the model before fitting it");
        var rows = CheckedRows(x, y, "fit");
        var trainRows = (int)(rows * (1 - options.ValidationSplit));
        if (trainRows < 1 || (options.ValidationSplit > 0 && trainRows == rows))
            throw new ArgumentException($"fit: a validation split of {options.ValidationSplit} leaves no rows on one side of {rows}", nameof(options));
        if (options.SampleWeights is { } given && given.Count != rows)
            throw new ArgumentException($"fit: {given.Count} sample weights for {rows} rows", nameof(options));
        var schedule = optimizer.Settings.Schedule;
        if (schedule is not null && options.Callbacks.FirstOrDefault(c => c is LearningRateScheduler or ReduceLearningRateOnPlateau) is { } rival)
            throw new ArgumentException(
                $"fit: the optimizer's {schedule} learning-rate schedule and the {rival.GetType().Name} callback would both set the learning rate; keep one of them", nameof(options));

        var xAll = x.Select(ToTorch).ToArray();
        var xTrain = xAll.Select(t => t.narrow(0, 0, trainRows)).ToArray();
        using var yAll = ToTorch(y);
        using var yTrain = yAll.narrow(0, 0, trainRows);
        using var weightsAll = RowWeights(options, yAll);
        using var weightsTrain = weightsAll?.narrow(0, 0, trainRows);
        try
        {
            torch.manual_seed(options.Seed);
            var random = new Random(unchecked((int)options.Seed));
            var order = new long[trainRows];
            for (var i = 0; i < trainRows; i++) order[i] = i;
            var batches = (trainRows + options.BatchSize - 1) / options.BatchSize;
            var history = new History();
            var control = new TrainingControl(this, options.Epochs, batches, RunParameters(options, rows));
            foreach (var callback in options.Callbacks) callback.OnTrainBegin(control);
            for (var epoch = 0; epoch < options.Epochs && !control.StopTraining; epoch++)
            {
                if (schedule is not null) LearningRate = schedule.At(epoch, options.Epochs, optimizer.Settings.LearningRate);
                foreach (var callback in options.Callbacks) callback.OnEpochBegin(epoch, control);
                if (options.Shuffle) random.Shuffle(order);
                using var epochOrder = torch.tensor(order);
                Network.train();
                double lossSum = 0;
                var accumulators = _metrics.Select(m => m.Start()).ToArray();
                for (var b = 0; b < batches; b++)
                {
                    cancellation.ThrowIfCancellationRequested();
                    foreach (var callback in options.Callbacks) callback.OnBatchBegin(b, control);
                    double batchLoss;
                    using (torch.NewDisposeScope())
                    {
                        var first = b * options.BatchSize;
                        var count = Math.Min(options.BatchSize, trainRows - first);
                        var index = epochOrder.narrow(0, first, count);
                        var output = Forward([.. xTrain.Select(t => t.index_select(0, index))]);
                        var yb = yTrain.index_select(0, index);
                        var total = WithPenalty(loss.Compute(output, yb, weightsTrain?.index_select(0, index)));
                        optimizer.ZeroGrad();
                        total.backward();
                        optimizer.Step();
                        batchLoss = total.item<float>();
                        lossSum += batchLoss * count;
                        using (torch.no_grad())
                        {
                            var detached = output.detach();
                            foreach (var accumulator in accumulators) accumulator.Add(detached, yb);
                        }
                    }
                    var seen = Math.Min((b + 1) * options.BatchSize, trainRows);
                    var batchLogs = new Dictionary<string, double> { ["loss"] = lossSum / seen };
                    for (var m = 0; m < _metrics.Length; m++) batchLogs[_metrics[m].Name] = accumulators[m].Result();
                    foreach (var callback in options.Callbacks) callback.OnBatchEnd(b, batchLogs, control);
                    progress?.Report(new FitProgress($"epoch {epoch + 1}/{options.Epochs}", b + 1, batches));
                }
                var logs = new Dictionary<string, double> { ["loss"] = lossSum / trainRows, ["learning_rate"] = LearningRate };
                for (var m = 0; m < _metrics.Length; m++) logs[_metrics[m].Name] = accumulators[m].Result();
                if (trainRows < rows)
                {
                    var validationRows = rows - trainRows;
                    var xValidation = xAll.Select(t => t.narrow(0, trainRows, validationRows)).ToArray();
                    using var yValidation = yAll.narrow(0, trainRows, validationRows);
                    using var weightsValidation = options.SampleWeights is null ? null : weightsAll!.narrow(0, trainRows, validationRows);
                    foreach (var (name, value) in Measure(xValidation, yValidation, weightsValidation, options.BatchSize, loss)) logs["val_" + name] = value;
                    foreach (var part in xValidation) part.Dispose();
                }
                history.Add(logs);
                foreach (var callback in options.Callbacks) callback.OnEpochEnd(epoch, logs, control);
            }
            foreach (var callback in options.Callbacks) callback.OnTrainEnd(control);
            return history;
        }
        finally
        {
            foreach (var part in xTrain.Concat(xAll)) part.Dispose();
        }
    }

    /// <summary>The loss (with any kernel penalties, as Keras reports it) and metrics on a one-input model's data, with dropout off.</summary>
    public IReadOnlyDictionary<string, double> Evaluate(Tensor<float> x, Tensor<float> y, int batchSize = 32) => Evaluate([x], y, batchSize);

    /// <summary>The loss (with any kernel penalties, as Keras reports it) and metrics, one array per input, with dropout off.</summary>
    public IReadOnlyDictionary<string, double> Evaluate(IReadOnlyList<Tensor<float>> x, Tensor<float> y, int batchSize = 32)
    {
        var loss = _loss ?? throw new InvalidOperationException("compile the model before evaluating it");
        CheckedRows(x, y, "evaluate");
        var xs = x.Select(ToTorch).ToArray();
        using var ys = ToTorch(y);
        try
        {
            return Measure(xs, ys, null, batchSize, loss);
        }
        finally
        {
            foreach (var part in xs) part.Dispose();
        }
    }

    /// <summary>A one-input model's outputs for each row of <paramref name="x"/>, with dropout off.</summary>
    public Tensor<float> Predict(Tensor<float> x, int batchSize = 32) => Predict([x], batchSize);

    /// <summary>The model's outputs for each row, one array per input, with dropout off.</summary>
    public Tensor<float> Predict(IReadOnlyList<Tensor<float>> x, int batchSize = 32)
    {
        var rows = CheckedRows(x, null, "predict");
        var width = OutputShape.Aggregate(1L, (a, b) => a * b);
        var outputs = new float[rows * width];
        Network.eval();
        var xs = x.Select(ToTorch).ToArray();
        try
        {
            using (torch.no_grad())
                for (var first = 0; first < rows; first += batchSize)
                {
                    using var scope = torch.NewDisposeScope();
                    var count = Math.Min(batchSize, rows - first);
                    var output = Forward([.. xs.Select(t => t.narrow(0, first, count))]).contiguous();
                    output.data<float>().CopyTo(outputs.AsSpan((int)(first * width), (int)(count * width)));
                }
        }
        finally
        {
            foreach (var part in xs) part.Dispose();
        }
        return Tensor.Create(outputs, [rows, .. OutputShape.Select(d => (nint)d)]);
    }

    /// <summary>
    /// Every weight array in layer order, trainable or not (batch normalisation's running mean and variance too), as
    /// Keras' get_weights gives them.
    /// </summary>
    public IReadOnlyList<float[]> GetWeights() => [.. Weights().Select(w => w.Value.data<float>().ToArray())];

    /// <summary>Replaces every weight array, in the order <see cref="GetWeights"/> gives (Keras' set_weights).</summary>
    public void SetWeights(IReadOnlyList<float[]> weights)
    {
        var current = Weights();
        if (weights.Count != current.Length)
            throw new ArgumentException($"set weights: the model has {current.Length} weight arrays, not {weights.Count}", nameof(weights));
        for (var i = 0; i < current.Length; i++)
            if (weights[i].Length != current[i].Value.numel())
                throw new ArgumentException($"set weights: array {i} holds {weights[i].Length} values but the model's holds {current[i].Value.numel()}", nameof(weights));
        using var _ = torch.no_grad();
        for (var i = 0; i < current.Length; i++)
        {
            using var values = torch.tensor(weights[i], current[i].Value.shape);
            current[i].Value.copy_(values);
        }
    }

    /// <summary>Writes every weight array, by name, to a safetensors file (Keras' save_weights); the file is replaced whole or not at all.</summary>
    public void SaveWeights(string path) => WeightsFile.Write(path, NamedWeights());

    /// <summary>Reads weights written by <see cref="SaveWeights"/> for a model of the same architecture; names and shapes must match.</summary>
    public void LoadWeights(string path) => LoadNamedWeights(WeightsFile.Read(path), path);

    /// <summary>Every weight array by name with its shape, as a weights file holds them.</summary>
    internal IReadOnlyList<(string Name, long[] Shape, float[] Values)> NamedWeights() =>
        [.. Weights().Select(w => (w.Key, w.Value.shape, w.Value.data<float>().ToArray()))];

    /// <summary>Replaces the weights by name; <paramref name="path"/> (a file or package entry) starts every error.</summary>
    internal void LoadNamedWeights(IReadOnlyList<(string Name, long[] Shape, float[] Values)> weights, string path)
    {
        var stored = weights.ToDictionary(w => w.Name);
        var current = Weights();
        var missing = current.Where(w => !stored.ContainsKey(w.Key)).Select(w => w.Key).ToArray();
        if (missing.Length > 0 || stored.Count != current.Length)
            throw new InvalidDataException($"{path}: the file's weights [{string.Join(", ", stored.Keys)}] are not this model's [{string.Join(", ", current.Select(w => w.Key))}]");
        foreach (var (name, tensor) in current)
            if (!stored[name].Shape.SequenceEqual(tensor.shape))
                throw new InvalidDataException($"{path}: weight '{name}' has shape [{string.Join(", ", stored[name].Shape)}] in the file but [{string.Join(", ", tensor.shape)}] in the model");
        using var _ = torch.no_grad();
        foreach (var (name, tensor) in current)
        {
            using var values = torch.tensor(stored[name].Values, tensor.shape);
            tensor.copy_(values);
        }
    }

    /// <summary>The optimizer's learning rate (every parameter group's), which callbacks may change between batches.</summary>
    internal double LearningRate
    {
        get => (_optimizer ?? throw new InvalidOperationException("compile the model first")).LearningRate;
        set => (_optimizer ?? throw new InvalidOperationException("compile the model first")).LearningRate = value;
    }

    public void Dispose()
    {
        _optimizer?.Dispose();
        Network.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Remembers a built layer's kernels when the layer has a regularizer, so training adds their penalty to the loss.</summary>
    private protected void TrackPenalties(Layer layer, torch.nn.Module built)
    {
        if (layer is KernelLayer { KernelRegularizer: { } regularizer } kernelLayer)
            foreach (var kernel in kernelLayer.Kernels(built)) _penalties.Add((regularizer, kernel));
    }

    /// <summary>A summary row: name and type, output shape, parameter count, and optionally the nodes it was computed from.</summary>
    private protected static void AppendRow(StringBuilder text, string name, IReadOnlyList<long> shape, long parameters, string? connectedTo = null)
    {
        var shapeText = $"(None, {string.Join(", ", shape)})";
        text.Append(CultureInfo.InvariantCulture, $"{name,-32}{shapeText,-22}{parameters,12:N0}");
        if (connectedTo is not null) text.Append(CultureInfo.InvariantCulture, $"  {connectedTo}");
        text.AppendLine();
    }

    /// <summary>Parameters as Keras counts them: trainable and non-trainable (running statistics) alike.</summary>
    private protected static long Count(torch.nn.Module module) => Floats(module).Sum(w => w.Value.numel());

    /// <summary>The loss plus every kernel penalty; the loss itself when no layer has a regularizer.</summary>
    torch.Tensor WithPenalty(torch.Tensor loss)
    {
        foreach (var (regularizer, kernel) in _penalties) loss = loss + regularizer.Penalty(kernel);
        return loss;
    }

    Dictionary<string, double> Measure(IReadOnlyList<torch.Tensor> x, torch.Tensor y, torch.Tensor? rowWeights, int batchSize, Loss loss)
    {
        Network.eval();
        var rows = x[0].shape[0];
        double lossSum = 0;
        var accumulators = _metrics.Select(m => m.Start()).ToArray();
        using (torch.no_grad())
            for (long first = 0; first < rows; first += batchSize)
            {
                using var scope = torch.NewDisposeScope();
                var count = Math.Min(batchSize, rows - first);
                var output = Forward([.. x.Select(t => t.narrow(0, first, count))]);
                var yb = y.narrow(0, first, count);
                lossSum += WithPenalty(loss.Compute(output, yb, rowWeights?.narrow(0, first, count))).item<float>() * count;
                foreach (var accumulator in accumulators) accumulator.Add(output, yb);
            }
        var results = new Dictionary<string, double> { ["loss"] = lossSum / rows };
        for (var m = 0; m < _metrics.Length; m++) results[_metrics[m].Name] = accumulators[m].Result();
        return results;
    }

    /// <summary>Each row's loss multiplier — its sample weight times its class's weight — or null when neither is given.</summary>
    static torch.Tensor? RowWeights(FitOptions options, torch.Tensor y)
    {
        if (options.SampleWeights is null && options.ClassWeights is null) return null;
        var rows = (int)y.shape[0];
        var weights = new float[rows];
        for (var i = 0; i < rows; i++) weights[i] = options.SampleWeights?[i] ?? 1f;
        if (options.ClassWeights is { } classWeights)
        {
            using var classes = (y.dim() > 1 && y.shape[^1] > 1 ? y.argmax(-1) : y.reshape(rows, -1).select(1, 0).round().to_type(torch.ScalarType.Int64)).contiguous();
            var labels = classes.data<long>().ToArray();
            for (var i = 0; i < rows; i++)
                if (classWeights.TryGetValue((int)labels[i], out var weight)) weights[i] *= (float)weight;
        }
        return torch.tensor(weights);
    }

    /// <summary>What a tracking callback records of this run: the optimizer's settings, the loss, metrics and fit options.</summary>
    IReadOnlyDictionary<string, string> RunParameters(FitOptions options, int rows)
    {
        var parameters = new Dictionary<string, string>
        {
            ["optimizer"] = _optimizer!.Settings.GetType().Name,
            ["loss"] = _loss!.Name,
            ["metrics"] = string.Join(",", _metrics.Select(m => m.Name)),
            ["epochs"] = Text(options.Epochs),
            ["batch_size"] = Text(options.BatchSize),
            ["validation_split"] = Text(options.ValidationSplit),
            ["shuffle"] = Text(options.Shuffle),
            ["seed"] = Text(options.Seed),
            ["rows"] = Text(rows),
            ["parameters"] = Text(ParameterCount),
        };
        foreach (var property in _optimizer.Settings.GetType().GetProperties())
            if (property.Name != "EqualityContract" && property.GetValue(_optimizer.Settings) is { } value)
                parameters["optimizer." + property.Name] = Text(value);
        return parameters;

        static string Text(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
    }

    /// <summary>The row count, after checking there is one array per input, each row has its input's shape and y has as many rows.</summary>
    int CheckedRows(IReadOnlyList<Tensor<float>> x, Tensor<float>? y, string operation)
    {
        if (x.Count != InputShapes.Count)
            throw new ArgumentException($"{operation}: the model has {InputShapes.Count} inputs but {x.Count} arrays were given", nameof(x));
        var rows = x[0].Lengths[0];
        for (var i = 0; i < x.Count; i++)
        {
            var lengths = x[i].Lengths;
            var shape = InputShapes[i];
            var input = x.Count == 1 ? "x" : $"x[{i}]";
            if (lengths.Length != shape.Count + 1 || !shape.SequenceEqual(lengths[1..].ToArray().Select(d => (long)d)))
                throw new ArgumentException(
                    $"{operation}: {input} has shape [{string.Join(", ", lengths.ToArray())}] but the model takes rows of shape [{string.Join(", ", shape)}]", nameof(x));
            if (lengths[0] != rows) throw new ArgumentException($"{operation}: x[0] has {rows} rows but {input} has {lengths[0]}", nameof(x));
        }
        if (y is not null && y.Lengths[0] != rows)
            throw new ArgumentException($"{operation}: x has {rows} rows but y has {y.Lengths[0]}", nameof(y));
        if (rows == 0) throw new ArgumentException($"{operation}: x has no rows", nameof(x));
        return (int)rows;
    }

    static torch.Tensor ToTorch(Tensor<float> values)
    {
        var data = new float[values.FlattenedLength];
        values.FlattenTo(data);
        return torch.tensor(data, [.. values.Lengths.ToArray().Select(d => (long)d)]);
    }

    /// <summary>The model's float state — weights, biases and running statistics — by name in layer order; counters are left out.</summary>
    KeyValuePair<string, torch.Tensor>[] Weights() => Floats(Network);

    static KeyValuePair<string, torch.Tensor>[] Floats(torch.nn.Module module) =>
        [.. module.state_dict().Where(w => w.Value.dtype == torch.ScalarType.Float32)];
}
