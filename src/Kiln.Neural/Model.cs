using System.Globalization;
using System.Numerics.Tensors;
using System.Text;
using Kiln.Learn;
using Kiln.Neural.Batches;
using Kiln.Neural.Callbacks;
using Kiln.Neural.Layers;
using Kiln.Neural.Training;
using TorchSharp;
using TorchSharp.Modules;
using TensorDataset = Kiln.Neural.Batches.TensorDataset;

namespace Kiln.Neural;

/// <summary>
/// What Sequential and Functional models share (Keras' Model): compile with an optimizer, a loss and metrics, then fit,
/// evaluate and predict on <see cref="Tensor{T}"/> arrays whose first dimension is the row — one array per input — or
/// on a <see cref="IBatchSource"/> that reads its batches as they are needed, and read, write, save and load the
/// weights. TorchSharp stays inside; each batch runs in its own dispose scope.
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
    /// targets <paramref name="y"/>, reporting each batch and stopping when cancelled. The arrays are read through a
    /// <see cref="TensorDataset"/> and <see cref="BatchLoader"/>s built from the options, so this is the same training
    /// as on any batch source.
    /// </summary>
    public History Fit(IReadOnlyList<Tensor<float>> x, Tensor<float> y, FitOptions? options = null, IProgress<FitProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        options ??= new FitOptions();
        options.Check();
        RequireCompiled();
        var rows = CheckedRows(x, y, "fit");
        var trainRows = (int)(rows * (1 - options.ValidationSplit));
        if (trainRows < 1 || (options.ValidationSplit > 0 && trainRows == rows))
            throw new ArgumentException($"fit: a validation split of {options.ValidationSplit} leaves no rows on one side of {rows}", nameof(options));
        if (options.SampleWeights is { } given && given.Count != rows)
            throw new ArgumentException($"fit: {given.Count} sample weights for {rows} rows", nameof(options));

        using var data = new TensorDataset(x, y, options.SampleWeights);
        // Keras takes the validation rows from the end, before shuffling
        IDataset trainData = trainRows < rows ? new Subset(data, Enumerable.Range(0, trainRows).ToArray()) : data;
        var train = new BatchLoader(trainData, options.BatchSize, options.Shuffle, options.Seed);
        var validation = trainRows < rows ? new BatchLoader(new Subset(data, Enumerable.Range(trainRows, rows - trainRows).ToArray()), options.BatchSize, shuffle: false) : null;
        return Train(train, validation, options, progress, cancellation);
    }

    /// <summary>
    /// Trains on the batches of <paramref name="train"/>, measuring <paramref name="validation"/> after each epoch when
    /// given; the sources choose batch size, order and row weights, so the options' batch size, shuffle, validation
    /// split and sample weights (which are for arrays) do not apply. Class weights, epochs, seed and callbacks do.
    /// </summary>
    public History Fit(IBatchSource train, IBatchSource? validation = null, FitOptions? options = null, IProgress<FitProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        options ??= new FitOptions();
        options.Check();
        RequireCompiled();
        if (options.ValidationSplit > 0)
            throw new ArgumentException("fit: a validation split divides arrays; with a batch source, give the validation data as a second source", nameof(options));
        if (options.SampleWeights is not null)
            throw new ArgumentException("fit: sample weights belong to arrays; a batch source gives its rows' weights with each batch (TensorDataset takes them)", nameof(options));
        return Train(train, validation, options, progress, cancellation);
    }

    /// <summary>The one training loop: a dispose scope per batch, class weights on training batches only, validation after each epoch.</summary>
    History Train(IBatchSource train, IBatchSource? validation, FitOptions options, IProgress<FitProgress>? progress, CancellationToken cancellation)
    {
        var (optimizer, loss) = RequireCompiled();
        CheckShapes(train, "fit");
        if (validation is not null) CheckShapes(validation, "fit (validation)");
        var schedule = optimizer.Settings.Schedule;
        if (schedule is not null && options.Callbacks.FirstOrDefault(c => c is LearningRateScheduler or ReduceLearningRateOnPlateau) is { } rival)
            throw new ArgumentException(
                $"fit: the optimizer's {schedule} learning-rate schedule and the {rival.GetType().Name} callback would both set the learning rate; keep one of them", nameof(options));
        torch.manual_seed(options.Seed);
        var batches = train.BatchCount;
        var history = new History();
        var control = new TrainingControl(this, options.Epochs, batches, RunParameters(options, train));
        foreach (var callback in options.Callbacks) callback.OnTrainBegin(control);
        for (var epoch = 0; epoch < options.Epochs && !control.StopTraining; epoch++)
        {
            if (schedule is not null) LearningRate = schedule.At(epoch, options.Epochs, optimizer.Settings.LearningRate);
            foreach (var callback in options.Callbacks) callback.OnEpochBegin(epoch, control);
            Network.train();
            double lossSum = 0;
            long seen = 0;
            var accumulators = _metrics.Select(m => m.Start()).ToArray();
            for (var b = 0; b < batches; b++)
            {
                cancellation.ThrowIfCancellationRequested();
                foreach (var callback in options.Callbacks) callback.OnBatchBegin(b, control);
                using (torch.NewDisposeScope())
                {
                    var batch = CheckedBatch(train.Read(epoch, b), "fit", b, epoch);
                    var yb = batch.Targets!;
                    var output = Forward(batch.Inputs);
                    var total = WithPenalty(loss.Compute(output, yb, TrainingWeights(batch, options.ClassWeights)));
                    optimizer.ZeroGrad();
                    total.backward();
                    optimizer.Step();
                    lossSum += total.item<float>() * batch.Rows;
                    seen += batch.Rows;
                    using (torch.no_grad())
                    {
                        var detached = output.detach();
                        foreach (var accumulator in accumulators) accumulator.Add(detached, yb);
                    }
                }
                var batchLogs = new Dictionary<string, double> { ["loss"] = lossSum / seen };
                for (var m = 0; m < _metrics.Length; m++) batchLogs[_metrics[m].Name] = accumulators[m].Result();
                foreach (var callback in options.Callbacks) callback.OnBatchEnd(b, batchLogs, control);
                progress?.Report(new FitProgress($"epoch {epoch + 1}/{options.Epochs}", b + 1, batches));
            }
            var logs = new Dictionary<string, double> { ["loss"] = lossSum / seen, ["learning_rate"] = LearningRate };
            for (var m = 0; m < _metrics.Length; m++) logs[_metrics[m].Name] = accumulators[m].Result();
            if (validation is not null)
                foreach (var (name, value) in Measure(validation, loss, "fit (validation)", cancellation)) logs["val_" + name] = value;
            history.Add(logs);
            foreach (var callback in options.Callbacks) callback.OnEpochEnd(epoch, logs, control);
        }
        foreach (var callback in options.Callbacks) callback.OnTrainEnd(control);
        return history;
    }

    /// <summary>The loss (with any kernel penalties, as Keras reports it) and metrics on a one-input model's data, with dropout off.</summary>
    public IReadOnlyDictionary<string, double> Evaluate(Tensor<float> x, Tensor<float> y, int batchSize = 32) => Evaluate([x], y, batchSize);

    /// <summary>The loss (with any kernel penalties, as Keras reports it) and metrics, one array per input, with dropout off.</summary>
    public IReadOnlyDictionary<string, double> Evaluate(IReadOnlyList<Tensor<float>> x, Tensor<float> y, int batchSize = 32)
    {
        var (_, loss) = RequireCompiled("evaluating");
        CheckedRows(x, y, "evaluate");
        using var data = new TensorDataset(x, y);
        return Measure(new BatchLoader(data, batchSize, shuffle: false), loss, "evaluate", default);
    }

    /// <summary>The loss (with kernel penalties) and metrics over one pass of a source's batches (its epoch 0), with dropout off; row weights in the batches count.</summary>
    public IReadOnlyDictionary<string, double> Evaluate(IBatchSource source, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var (_, loss) = RequireCompiled("evaluating");
        CheckShapes(source, "evaluate");
        return Measure(source, loss, "evaluate", cancellation);
    }

    /// <summary>A one-input model's outputs for each row of <paramref name="x"/>, with dropout off.</summary>
    public Tensor<float> Predict(Tensor<float> x, int batchSize = 32) => Predict([x], batchSize);

    /// <summary>The model's outputs for each row, one array per input, with dropout off.</summary>
    public Tensor<float> Predict(IReadOnlyList<Tensor<float>> x, int batchSize = 32)
    {
        CheckedRows(x, null, "predict");
        using var data = new TensorDataset(x);
        return Predict(new BatchLoader(data, batchSize, shuffle: false));
    }

    /// <summary>The model's outputs for every row of one pass of a source's batches (its epoch 0), in order, with dropout off; targets are not needed.</summary>
    public Tensor<float> Predict(IBatchSource source, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        CheckShapes(source, "predict");
        var width = OutputShape.Aggregate(1L, (a, b) => a * b);
        var outputs = new List<float[]>(source.BatchCount);
        var rows = 0;
        Network.eval();
        using (torch.no_grad())
            for (var b = 0; b < source.BatchCount; b++)
            {
                cancellation.ThrowIfCancellationRequested();
                using var scope = torch.NewDisposeScope();
                var batch = CheckedBatch(source.Read(0, b), "predict", b, 0, needsTargets: false);
                outputs.Add(Forward(batch.Inputs).contiguous().data<float>().ToArray());
                rows += batch.Rows;
            }
        var values = new float[rows * width];
        var at = 0;
        foreach (var part in outputs)
        {
            part.CopyTo(values, at);
            at += part.Length;
        }
        return Tensor.Create(values, [rows, .. OutputShape.Select(d => (nint)d)]);
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

    Dictionary<string, double> Measure(IBatchSource source, Loss loss, string operation, CancellationToken cancellation)
    {
        Network.eval();
        double lossSum = 0;
        long rows = 0;
        var accumulators = _metrics.Select(m => m.Start()).ToArray();
        using (torch.no_grad())
            for (var b = 0; b < source.BatchCount; b++)
            {
                cancellation.ThrowIfCancellationRequested();
                using var scope = torch.NewDisposeScope();
                var batch = CheckedBatch(source.Read(0, b), operation, b, 0);
                var output = Forward(batch.Inputs);
                lossSum += WithPenalty(loss.Compute(output, batch.Targets!, batch.Weights)).item<float>() * batch.Rows;
                rows += batch.Rows;
                foreach (var accumulator in accumulators) accumulator.Add(output, batch.Targets!);
            }
        var results = new Dictionary<string, double> { ["loss"] = lossSum / rows };
        for (var m = 0; m < _metrics.Length; m++) results[_metrics[m].Name] = accumulators[m].Result();
        return results;
    }

    /// <summary>Each training row's loss multiplier — the batch's row weight times its class's weight — or null when neither is given.</summary>
    static torch.Tensor? TrainingWeights(Batch batch, IReadOnlyDictionary<int, double>? classWeights)
    {
        if (classWeights is null) return batch.Weights;
        var y = batch.Targets!;
        var rows = batch.Rows;
        var classes = (y.dim() > 1 && y.shape[^1] > 1 ? y.argmax(-1) : y.reshape(rows, -1).select(1, 0).round().to_type(torch.ScalarType.Int64)).contiguous();
        var labels = classes.data<long>();
        var weights = new float[rows];
        for (var i = 0; i < rows; i++)
            weights[i] = classWeights.TryGetValue((int)labels[i], out var weight) ? (float)weight : 1f;
        var classWeight = torch.tensor(weights);
        return batch.Weights is { } rowWeights ? rowWeights * classWeight : classWeight;
    }

    /// <summary>What a tracking callback records of this run: the optimizer's settings, the loss, metrics and fit options.</summary>
    IReadOnlyDictionary<string, string> RunParameters(FitOptions options, IBatchSource train)
    {
        var parameters = new Dictionary<string, string>
        {
            ["optimizer"] = _optimizer!.Settings.GetType().Name,
            ["loss"] = _loss!.Name,
            ["metrics"] = string.Join(",", _metrics.Select(m => m.Name)),
            ["epochs"] = Text(options.Epochs),
            ["batch_size"] = Text(train is BatchLoader loader ? loader.BatchSize : options.BatchSize),
            ["steps"] = Text(train.BatchCount),
            ["validation_split"] = Text(options.ValidationSplit),
            ["shuffle"] = Text(train is BatchLoader { Shuffle: var shuffled } ? shuffled : options.Shuffle),
            ["seed"] = Text(options.Seed),
            ["rows"] = Text(train.RowCount),
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

    (BoundOptimizer Optimizer, Loss Loss) RequireCompiled(string operation = "fitting") =>
        (_optimizer, _loss) is ({ } o, { } l) ? (o, l) : throw new InvalidOperationException($"compile the model before {operation} it");

    /// <summary>Checks that a source feeds one array per input, each with its input's row shape.</summary>
    void CheckShapes(IBatchSource source, string operation)
    {
        var shapes = source.InputShapes;
        if (shapes.Count != InputShapes.Count)
            throw new ArgumentException($"{operation}: the model has {InputShapes.Count} inputs but the source gives {shapes.Count} arrays", nameof(source));
        for (var i = 0; i < shapes.Count; i++)
            if (!shapes[i].SequenceEqual(InputShapes[i]))
                throw new ArgumentException(
                    $"{operation}: the source's {(shapes.Count == 1 ? "rows have" : $"input {i} has rows of")} shape [{string.Join(", ", shapes[i])}] but the model takes rows of shape [{string.Join(", ", InputShapes[i])}]", nameof(source));
        if (source.BatchCount < 1) throw new ArgumentException($"{operation}: the source has no batches", nameof(source));
    }

    /// <summary>The batch, after checking it keeps the shapes its source promised and has targets when they are needed.</summary>
    Batch CheckedBatch(Batch batch, string operation, int index, int epoch, bool needsTargets = true)
    {
        var where = $"{operation}: batch {index} of epoch {epoch}";
        if (batch.InputCount != InputShapes.Count) throw new InvalidDataException($"{where} has {batch.InputCount} input arrays, not {InputShapes.Count}");
        var i = 0;
        foreach (var shape in batch.RowShapes())
        {
            if (!shape.SequenceEqual(InputShapes[i]))
                throw new InvalidDataException($"{where} has rows of shape [{string.Join(", ", shape)}] in input {i}, not [{string.Join(", ", InputShapes[i])}]");
            i++;
        }
        if (needsTargets && !batch.HasTargets) throw new InvalidDataException($"{where} has no targets; training and evaluation need labelled rows");
        return batch;
    }

    /// <summary>The model's float state — weights, biases and running statistics — by name in layer order; counters are left out.</summary>
    KeyValuePair<string, torch.Tensor>[] Weights() => Floats(Network);

    static KeyValuePair<string, torch.Tensor>[] Floats(torch.nn.Module module) =>
        [.. module.state_dict().Where(w => w.Value.dtype == torch.ScalarType.Float32)];
}
