using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Numerics.Tensors;
using Kiln.Neural;
using Kiln.Neural.Callbacks;
using Kiln.Neural.Config;
using Kiln.Neural.Packaging;
using Kiln.Neural.Training;
using Kiln.Plots;

namespace Kiln.Cli.Commands;

/// <summary><c>kiln nn train</c>: train a network described by a JSON spec on an IDX image dataset, save it as one package, report on it.</summary>
public static class NnCommands
{
    const int GalleryImages = 16;

    static readonly string[] CallbackNames = ["early-stopping", "checkpoint", "reduce-lr", "tensorboard"];

    public static Command Create()
    {
        var nn = new Command("nn", "Neural networks: train from a JSON architecture spec (kiln predict applies the package), compare variants of one");
        nn.Subcommands.Add(Train());
        nn.Subcommands.Add(NnExperimentCommands.Experiment());
        nn.Subcommands.Add(NnExperimentCommands.Overfit());
        return nn;
    }

    static Command Train()
    {
        var data = new Option<string>("--data") { Description = "mnist, fashion-mnist, or a folder with the four IDX files", Required = true };
        var arch = new Option<string>("--arch") { Description = "The architecture spec (JSON; see docs/neural.md)", Required = true };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training rows", DefaultValueFactory = _ => 5 };
        var batchSize = new Option<int>("--batch-size") { Description = "Rows per training step", DefaultValueFactory = _ => 64 };
        var optimizer = new Option<string>("--optimizer") { Description = $"Replace the spec's optimizer: {string.Join(", ", ModelConfig.OptimizerNames)}" };
        var learningRate = new Option<double?>("--lr") { Description = "Replace the optimizer's learning rate" };
        var validationSplit = new Option<double>("--validation-split") { Description = "Share of the training rows held out to validate each epoch", DefaultValueFactory = _ => 0.1 };
        var callbacks = new Option<string>("--callbacks") { Description = $"Comma-separated: {string.Join(", ", CallbackNames)}" };
        var seed = new Option<long>("--seed") { Description = "Seed of the first weights, the row order and dropout", DefaultValueFactory = _ => 0 };
        var limit = new Option<int?>("--limit") { Description = "Train on the first N training rows only" };
        var outPath = new Option<string>("--out") { Description = "The model package to write (.kiln)", Required = true };
        var report = new Option<string>("--report") { Description = "Write an HTML report with PNG/SVG charts into this folder" };
        var command = new Command("train", "Train a network from a JSON spec on MNIST-style images and save it as one package");
        foreach (var option in new Option[] { data, arch, epochs, batchSize, optimizer, learningRate, validationSplit, callbacks, seed, limit, outPath, report, CliOutput.JsonOption })
            command.Options.Add(option);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var output = new CliOutput(parseResult);
            var settings = new TrainSettings(
                parseResult.GetValue(data)!, parseResult.GetValue(arch)!, parseResult.GetValue(epochs), parseResult.GetValue(batchSize),
                parseResult.GetValue(optimizer), parseResult.GetValue(learningRate), parseResult.GetValue(validationSplit),
                parseResult.GetValue(callbacks), parseResult.GetValue(seed), parseResult.GetValue(limit),
                Path.GetFullPath(parseResult.GetValue(outPath)!), parseResult.GetValue(report) is { } folder ? Path.GetFullPath(folder) : null);
            var progress = output.IsJson ? parseResult.InvocationConfiguration.Error : output.Writer;
            return Task.FromResult(Run(settings, output, progress, cancellationToken));
        });
        return command;
    }

    sealed record TrainSettings(string Data, string Arch, int Epochs, int BatchSize, string? Optimizer, double? LearningRate, double ValidationSplit,
        string? Callbacks, long Seed, int? Limit, string Out, string? Report);

    static int Run(TrainSettings settings, CliOutput output, TextWriter progress, CancellationToken cancellation)
    {
        if (settings.Limit is < 1) throw new ArgumentException($"--limit {settings.Limit}: give at least 1 row");
        var source = IdxImageData.Resolve(settings.Data);
        var train = source.Load("train", settings.Limit);
        var test = source.Load("t10k", null);
        var classCount = Math.Max(train.Labels.Max(), test.Labels.Max()) + 1;
        var classes = source.Classes(classCount);
        var preprocessing = ImagePreprocessing.UnitGrayscale(train.Height, train.Width);

        using var model = ModelConfig.Load(settings.Arch, settings.Seed);
        if (model.InputShapes.Count != 1) throw new ArgumentException($"--arch {settings.Arch}: the network takes {model.InputShapes.Count} inputs; images feed one");
        var rowShape = model.InputShapes[0];
        if (rowShape.Aggregate(1L, (a, b) => a * b) != train.Height * train.Width)
            throw new ArgumentException($"--arch {settings.Arch}: input_shape [{string.Join(", ", rowShape)}] does not hold one {train.Height}×{train.Width} greyscale image; use [1, {train.Height}, {train.Width}] or [{train.Height * train.Width}]");
        if (model.OutputShape.Count != 1 || model.OutputShape[0] != classCount)
            throw new ArgumentException($"--arch {settings.Arch}: the network outputs [{string.Join(", ", model.OutputShape)}] but the data has {classCount} classes; end with a dense layer of {classCount} softmax units");
        Compile(model, settings);
        var oneHot = model.CompiledLoss == Loss.CategoricalCrossentropy;

        var runFolder = settings.Report ?? Path.ChangeExtension(settings.Out, null) + "-logs";
        var fitOptions = new FitOptions
        {
            Epochs = settings.Epochs,
            BatchSize = settings.BatchSize,
            ValidationSplit = settings.ValidationSplit,
            Seed = settings.Seed,
            Callbacks = [new ProgressBar(progress, live: ReferenceEquals(progress, Console.Out) && !Console.IsOutputRedirected), .. Callbacks(settings, runFolder)],
        };
        var clock = Stopwatch.StartNew();
        var history = model.Fit(Inputs(train, rowShape, preprocessing), Targets(train.Labels, classCount, oneHot), fitOptions, null, cancellation);
        var seconds = clock.Elapsed.TotalSeconds;

        cancellation.ThrowIfCancellationRequested();
        var xTest = Inputs(test, rowShape, preprocessing);
        var testMetrics = model.Evaluate(xTest, Targets(test.Labels, classCount, oneHot), batchSize: 256)
            .ToDictionary(m => "test_" + m.Key, m => m.Value, StringComparer.Ordinal);
        var outputs = model.Predict(xTest, batchSize: 256);
        var scores = new float[outputs.FlattenedLength];
        outputs.FlattenTo(scores);
        var (confusion, correct, wrong) = Outcomes(test, scores, classCount, classes);
        var accuracy = Enumerable.Range(0, classCount).Sum(i => confusion[i, i]) / (double)test.Rows;
        testMetrics["test_accuracy"] = accuracy;

        cancellation.ThrowIfCancellationRequested();
        NeuralPackage.Save(model, settings.Out, new NeuralPackageInfo
        {
            Classes = classes,
            Preprocessing = preprocessing,
            Metrics = testMetrics,
            DataFingerprint = train.Fingerprint(),
            Seed = settings.Seed,
        });
        var trainRows = (int)(train.Rows * (1 - settings.ValidationSplit));
        IReadOnlyList<string> reportFiles = [];
        if (settings.Report is { } reportFolder)
            reportFiles = NetworkTrainingReport.Write(new NetworkTrainingResult
            {
                Title = $"Training report — {Path.GetFileName(settings.Arch)} on {source.Name}",
                Facts =
                [
                    ("Data", $"{source.Name} ({source.Folder})"),
                    ("Rows", $"{trainRows:N0} train / {train.Rows - trainRows:N0} validation / {test.Rows:N0} test"),
                    ("Architecture", $"{settings.Arch} ({model.ParameterCount:N0} parameters)"),
                    ("Optimizer", ModelConfig.ToJson(model)["compile"]!["optimizer"]!.ToJsonString()),
                    ("Loss", model.CompiledLoss!.Name),
                    ("Epochs", $"{history.Epochs.Count} of {settings.Epochs}, batch size {settings.BatchSize}"),
                    ("Training time", $"{seconds:F1} s"),
                    ("Seed", settings.Seed.ToString(CultureInfo.InvariantCulture)),
                    ("Package", settings.Out),
                ],
                ArchitectureSummary = model.Summary(),
                Epochs = history.Epochs,
                TestMetrics = testMetrics,
                Classes = classes,
                Confusion = confusion,
                Correct = correct,
                Wrong = wrong,
            }, reportFolder);

        if (output.IsJson)
        {
            output.WriteJson(new
            {
                Package = settings.Out,
                Report = reportFiles.Count > 0 ? reportFiles[0] : null,
                Data = source.Name,
                TrainRows = trainRows,
                ValidationRows = train.Rows - trainRows,
                TestRows = test.Rows,
                Parameters = model.ParameterCount,
                Seconds = seconds,
                Epochs = history.Epochs,
                Test = testMetrics,
                Classes = classes,
            });
            return 0;
        }
        output.Writer.WriteLine($"trained {model.ParameterCount:N0} parameters on {trainRows:N0} rows of {source.Name} for {history.Epochs.Count} epochs in {seconds:F1} s");
        output.Writer.WriteLine($"test: {string.Join(", ", testMetrics.Select(m => $"{m.Key[5..]} {m.Value:F4}"))} on {test.Rows:N0} rows");
        if (reportFiles.Count > 0) output.Writer.WriteLine($"report: {reportFiles[0]}");
        output.Writer.WriteLine(settings.Out);
        return 0;
    }

    /// <summary>The spec's compile settings (or Adam, sparse categorical cross-entropy and accuracy), with --optimizer and --lr on top.</summary>
    static void Compile(Model model, TrainSettings settings)
    {
        var optimizer = settings.Optimizer is { } name ? ModelConfig.OptimizerNamed(name) : model.CompiledOptimizer ?? new Adam();
        if (settings.LearningRate is { } rate) optimizer = optimizer with { LearningRate = rate };
        var metrics = model.CompiledMetrics.Count > 0 ? model.CompiledMetrics : [Metric.Accuracy];
        model.Compile(optimizer, model.CompiledLoss ?? Loss.SparseCategoricalCrossentropy, [.. metrics]);
    }

    static IEnumerable<ICallback> Callbacks(TrainSettings settings, string runFolder)
    {
        if (string.IsNullOrWhiteSpace(settings.Callbacks)) yield break;
        var monitor = settings.ValidationSplit > 0 ? "val_loss" : "loss";
        foreach (var name in settings.Callbacks.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            yield return name switch
            {
                "early-stopping" => new EarlyStopping { Monitor = monitor, Patience = 3, RestoreBestWeights = true },
                "checkpoint" => new ModelCheckpoint(Path.Combine(runFolder, "checkpoints", "epoch-{epoch:D2}.safetensors")) { Monitor = monitor, SaveBestOnly = true },
                "reduce-lr" => new ReduceLearningRateOnPlateau { Monitor = monitor, Patience = 2, Factor = 0.5 },
                "tensorboard" => new TensorBoard(Path.Combine(runFolder, "tensorboard")),
                _ => throw new ArgumentException($"--callbacks: '{name}' is not one of {string.Join(", ", CallbackNames)}"),
            };
    }

    /// <summary>The images as the network's input rows, preprocessed as the package will record.</summary>
    internal static Tensor<float> Inputs(IdxImages images, IReadOnlyList<long> rowShape, ImagePreprocessing preprocessing)
    {
        var values = new float[images.Pixels.Length];
        for (var i = 0; i < values.Length; i++) values[i] = images.Pixels[i];
        preprocessing.Apply(values);
        return Tensor.Create(values, [images.Rows, .. rowShape.Select(d => (nint)d)]);
    }

    internal static Tensor<float> Targets(byte[] labels, int classCount, bool oneHot)
    {
        if (!oneHot) return Tensor.Create([.. labels.Select(l => (float)l)], [labels.Length]);
        var values = new float[labels.Length * classCount];
        for (var i = 0; i < labels.Length; i++) values[i * classCount + labels[i]] = 1;
        return Tensor.Create(values, [labels.Length, classCount]);
    }

    /// <summary>The test confusion matrix and the first right and wrong predictions, as gallery images with their confidence.</summary>
    static (int[,] Confusion, List<GalleryImage> Correct, List<GalleryImage> Wrong) Outcomes(IdxImages test, float[] scores, int classCount, IReadOnlyList<string> classes)
    {
        var confusion = new int[classCount, classCount];
        var (correct, wrong) = (new List<GalleryImage>(), new List<GalleryImage>());
        var size = test.Height * test.Width;
        for (var r = 0; r < test.Rows; r++)
        {
            var row = scores.AsSpan(r * classCount, classCount);
            var predicted = 0;
            for (var c = 1; c < classCount; c++)
                if (row[c] > row[predicted]) predicted = c;
            var truth = test.Labels[r];
            confusion[truth, predicted]++;
            var list = predicted == truth ? correct : wrong;
            if (list.Count < GalleryImages)
                list.Add(new GalleryImage(test.Pixels[(r * size)..((r + 1) * size)], test.Height, test.Width,
                    $"{classes[truth]} / {classes[predicted]}", $"{row[predicted] * 100:F0}% · row {r}", predicted == truth));
        }
        return (confusion, correct, wrong);
    }
}
