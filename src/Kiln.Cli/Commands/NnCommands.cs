using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Numerics.Tensors;
using Kiln.Data;
using Kiln.Neural;
using Kiln.Neural.Batches;
using Kiln.Neural.Images;
using Kiln.Neural.Callbacks;
using Kiln.Neural.Config;
using Kiln.Neural.Packaging;
using Kiln.Neural.Training;
using Kiln.Neural.Tracking;
using Kiln.Plots;

namespace Kiln.Cli.Commands;

/// <summary><c>kiln nn train</c>: train a network described by a JSON spec on an IDX image dataset or a folder of class folders, save it as one package, report on it.</summary>
public static class NnCommands
{
    const int GalleryImages = 16;

    static readonly string[] CallbackNames = ["early-stopping", "checkpoint", "reduce-lr", "tensorboard"];

    public static Command Create()
    {
        var nn = new Command("nn", "Neural networks: train from a JSON architecture spec (kiln predict applies the package)");
        nn.Subcommands.Add(Train());
        nn.Subcommands.Add(NnExperimentCommands.Experiment());
        nn.Subcommands.Add(NnExperimentCommands.Overfit());
        return nn;
    }

    static Command Train()
    {
        var data = new Option<string>("--data") { Description = "mnist, fashion-mnist, a folder with the four IDX files, or a folder of images with one sub-folder per class", Required = true };
        var testData = new Option<string>("--test-data") { Description = "Image folders: a folder of the same class folders to test on (default: the validation images)" };
        var augment = new Option<string>("--augment") { Description = "Random changes to training images, e.g. 'flip=horizontal;rotation=10;shift=0.1;zoom=0.1;shear=5;brightness=0.2;contrast=0.2'" };
        var classWeight = new Option<string>("--class-weight") { Description = "balanced: weigh each class's rows inversely to its size in the training loss; none (default)" };
        var arch = new Option<string>("--arch") { Description = "The architecture spec (JSON; see docs/neural.md)", Required = true };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training rows", DefaultValueFactory = _ => 5 };
        var batchSize = new Option<int>("--batch-size") { Description = "Rows per training step", DefaultValueFactory = _ => 64 };
        var optimizer = new Option<string>("--optimizer") { Description = $"Replace the spec's optimizer: {string.Join(", ", ModelConfig.OptimizerNames)}" };
        var learningRate = new Option<double?>("--lr") { Description = "Replace the optimizer's learning rate" };
        var validationSplit = new Option<double>("--validation-split") { Description = "Share of the training rows held out to validate each epoch (class by class for image folders)", DefaultValueFactory = _ => 0.1 };
        var callbacks = new Option<string>("--callbacks") { Description = $"Comma-separated: {string.Join(", ", CallbackNames)}" };
        var seed = new Option<long>("--seed") { Description = "Seed of the first weights, the row order and dropout", DefaultValueFactory = _ => 0 };
        var limit = new Option<int?>("--limit") { Description = "Train on the first N training rows only (image folders: N images drawn at random)" };
        var outPath = new Option<string>("--out") { Description = "The model package to write (.kiln)", Required = true };
        var report = new Option<string>("--report") { Description = "Write an HTML report with PNG/SVG charts into this folder" };
        var command = new Command("train", "Train a network from a JSON spec on MNIST-style images or an image folder and save it as one package");
        foreach (var option in new Option[] { data, testData, arch, epochs, batchSize, optimizer, learningRate, validationSplit, augment, classWeight, callbacks, seed, limit, outPath, report, CliOutput.JsonOption })
            command.Options.Add(option);
        TrackingOptionsCli.AddRecordingOptions(command);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var output = new CliOutput(parseResult);
            var settings = new TrainSettings(
                parseResult.GetValue(data)!, parseResult.GetValue(testData), parseResult.GetValue(arch)!, parseResult.GetValue(epochs), parseResult.GetValue(batchSize),
                parseResult.GetValue(optimizer), parseResult.GetValue(learningRate), parseResult.GetValue(validationSplit),
                parseResult.GetValue(augment), parseResult.GetValue(classWeight), parseResult.GetValue(callbacks), parseResult.GetValue(seed), parseResult.GetValue(limit),
                Path.GetFullPath(parseResult.GetValue(outPath)!), parseResult.GetValue(report) is { } folder ? Path.GetFullPath(folder) : null);
            var progress = output.IsJson ? parseResult.InvocationConfiguration.Error : output.Writer;
            using var run = CommandRun.Start(parseResult, $"nn train {Path.GetFileNameWithoutExtension(settings.Arch)}", settings.Seed, null, cancellationToken);
            return Task.FromResult(Run(settings, output, progress, run, cancellationToken));
        });
        return command;
    }

    sealed record TrainSettings(string Data, string? TestData, string Arch, int Epochs, int BatchSize, string? Optimizer, double? LearningRate, double ValidationSplit,
        string? Augment, string? ClassWeight, string? Callbacks, long Seed, int? Limit, string Out, string? Report);

    static int Run(TrainSettings settings, CliOutput output, TextWriter progress, CommandRun run, CancellationToken cancellation)
    {
        if (settings.ValidationSplit is < 0 or >= 1) throw new ArgumentException($"--validation-split {settings.ValidationSplit}: give a fraction in [0, 1)");
        var augmentation = settings.Augment is { } augmentText ? Augmentation(augmentText) : null;
        var balanced = settings.ClassWeight switch
        {
            null or "none" => false,
            "balanced" => true,
            var other => throw new ArgumentException($"--class-weight {other}: give balanced or none"),
        };

        using var model = ModelConfig.Load(settings.Arch, settings.Seed);
        if (model.InputShapes.Count != 1) throw new ArgumentException($"--arch {settings.Arch}: the network takes {model.InputShapes.Count} inputs; images feed one");
        Compile(model, settings);
        var rowShape = model.InputShapes[0];
        var labels = model.CompiledLoss == Loss.CategoricalCrossentropy ? LabelMode.OneHot : LabelMode.Index;
        using var data = NetworkData.Open(settings.Data, settings.TestData, settings.Arch, rowShape, labels, settings.ValidationSplit, settings.Limit, settings.Seed);
        var classes = data.Classes;
        var classCount = classes.Count;
        if (model.OutputShape.Count != 1 || model.OutputShape[0] != classCount)
            throw new ArgumentException($"--arch {settings.Arch}: the network outputs [{string.Join(", ", model.OutputShape)}] but the data has {classCount} classes; end with a dense layer of {classCount} softmax units");

        var runFolder = settings.Report ?? Path.ChangeExtension(settings.Out, null) + "-logs";
        IBatchSource train = new BatchLoader(data.Train, settings.BatchSize, shuffle: true, seed: settings.Seed);
        if (augmentation is not null)
            train = new AugmentedBatches(train, augmentation, settings.Seed, [data.Preprocessing.Channels, data.Preprocessing.Height!.Value, data.Preprocessing.Width!.Value]);
        var validation = data.Validation is { } held ? new BatchLoader(held, settings.BatchSize, shuffle: false) : null;
        var fitOptions = new FitOptions
        {
            Epochs = settings.Epochs,
            BatchSize = settings.BatchSize,
            Seed = settings.Seed,
            ClassWeights = balanced ? BalancedClassWeights.Of(data.Train) : null,
            Callbacks =
            [
                new ProgressBar(progress, live: ReferenceEquals(progress, Console.Out) && !Console.IsOutputRedirected), .. Callbacks(settings, runFolder, validation is not null, model),
                .. run.RunId is null ? Array.Empty<ICallback>() : [new TrackingCallback(run, Path.Combine(runFolder, "tracking"))],
            ],
        };
        var clock = Stopwatch.StartNew();
        var history = model.Fit(train, validation, fitOptions, null, cancellation);
        var seconds = clock.Elapsed.TotalSeconds;

        cancellation.ThrowIfCancellationRequested();
        var evaluation = new BatchLoader(data.Evaluation, 256, shuffle: false);
        var prefix = data.EvaluationName + "_";
        var testMetrics = model.Evaluate(evaluation, cancellation).ToDictionary(m => prefix + m.Key, m => m.Value, StringComparer.Ordinal);
        var outputs = model.Predict(evaluation, cancellation);
        var scores = new float[outputs.FlattenedLength];
        outputs.FlattenTo(scores);
        var (confusion, correct, wrong, leastConfident) = Outcomes(data, scores, classCount, classes);
        var evaluated = data.Evaluation.Count;
        testMetrics[prefix + "accuracy"] = Enumerable.Range(0, classCount).Sum(i => confusion[i, i]) / (double)evaluated;

        cancellation.ThrowIfCancellationRequested();
        NeuralPackage.Save(model, settings.Out, new NeuralPackageInfo
        {
            Classes = classes,
            Preprocessing = data.Preprocessing,
            Metrics = testMetrics,
            DataFingerprint = data.Fingerprint,
            Seed = settings.Seed,
        });
        run.SetTags(new Dictionary<string, string> { ["kiln.command"] = "nn train", ["kiln.data"] = data.Location, ["kiln.data_fingerprint"] = data.Fingerprint });
        run.LogMetrics(testMetrics);
        run.LogModelPackage(settings.Out);
        var (trainRows, validationRows) = (data.Train.Count, data.Validation?.Count ?? 0);
        var evaluatedOn = data.EvaluationName switch { "test" => "test", "val" => "validation", _ => "training" };
        IReadOnlyList<string> reportFiles = [];
        if (settings.Report is { } reportFolder)
            reportFiles = NetworkTrainingReport.Write(new NetworkTrainingResult
            {
                Title = $"Training report — {Path.GetFileName(settings.Arch)} on {data.Name}",
                Facts =
                [
                    ("Data", $"{data.Name} ({data.Location})"),
                    ("Rows", $"{trainRows:N0} train / {validationRows:N0} validation / {evaluated:N0} {evaluatedOn} scored below"),
                    ("Architecture", $"{settings.Arch} ({model.ParameterCount:N0} parameters)"),
                    ("Optimizer", ModelConfig.ToJson(model)["compile"]!["optimizer"]!.ToJsonString()),
                    ("Loss", model.CompiledLoss!.Name),
                    ("Epochs", $"{history.Epochs.Count} of {settings.Epochs}, batch size {settings.BatchSize}"),
                    ("Augmentation", settings.Augment ?? "none"),
                    ("Class weights", balanced ? "balanced" : "none"),
                    ("Callbacks", settings.Callbacks ?? "none"),
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
                LeastConfident = leastConfident,
                Predictions = new TestPredictions(data.Evaluation.RowClasses!, scores),
            }, reportFolder);

        if (reportFiles.Count > 0) run.LogArtifact(settings.Report!);
        run.Finish();
        if (output.IsJson)
        {
            output.WriteJson(new
            {
                Package = settings.Out,
                Report = reportFiles.Count > 0 ? reportFiles[0] : null,
                Data = data.Name,
                TrainRows = trainRows,
                ValidationRows = validationRows,
                TestRows = evaluated,
                EvaluatedOn = evaluatedOn,
                Parameters = model.ParameterCount,
                Seconds = seconds,
                Epochs = history.Epochs,
                Test = testMetrics,
                Classes = classes,
            });
            return 0;
        }
        output.Writer.WriteLine($"trained {model.ParameterCount:N0} parameters on {trainRows:N0} rows of {data.Name} for {history.Epochs.Count} epochs in {seconds:F1} s");
        output.Writer.WriteLine($"{evaluatedOn}: {string.Join(", ", testMetrics.Select(m => $"{m.Key[prefix.Length..]} {m.Value:F4}"))} on {evaluated:N0} rows");
        if (reportFiles.Count > 0) output.Writer.WriteLine($"report: {reportFiles[0]}");
        output.Writer.WriteLine(settings.Out);
        return 0;
    }

    static ImageAugmentation Augmentation(string text)
    {
        try
        {
            return ImageAugmentation.Parse(text);
        }
        catch (ArgumentException error)
        {
            throw NetworkData.Prefixed("--augment", error);
        }
    }

    /// <summary>The spec's compile settings (or Adam, sparse categorical cross-entropy and accuracy), with --optimizer and --lr on top.</summary>
    static void Compile(Model model, TrainSettings settings)
    {
        var optimizer = settings.Optimizer is { } name ? ModelConfig.OptimizerNamed(name) : model.CompiledOptimizer ?? new Adam();
        if (settings.LearningRate is { } rate) optimizer = optimizer with { LearningRate = rate };
        var metrics = model.CompiledMetrics.Count > 0 ? model.CompiledMetrics : [Metric.Accuracy];
        model.Compile(optimizer, model.CompiledLoss ?? Loss.SparseCategoricalCrossentropy, [.. metrics]);
    }

    static IEnumerable<ICallback> Callbacks(TrainSettings settings, string runFolder, bool validated, Model model)
    {
        if (string.IsNullOrWhiteSpace(settings.Callbacks)) yield break;
        var monitor = validated ? "val_loss" : "loss";
        foreach (var name in settings.Callbacks.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (name == "reduce-lr" && model.CompiledOptimizer?.Schedule is { } schedule)
                throw new ArgumentException(
                    $"--callbacks reduce-lr: the optimizer follows a {schedule} learning-rate schedule, which already sets the rate each epoch; " +
                    $"leave out reduce-lr, or remove \"schedule\" from the optimizer in {settings.Arch}");
            yield return name switch
            {
                "early-stopping" => new EarlyStopping { Monitor = monitor, Patience = 3, RestoreBestWeights = true },
                "checkpoint" => new ModelCheckpoint(Path.Combine(runFolder, "checkpoints", "epoch-{epoch:D2}.safetensors")) { Monitor = monitor, SaveBestOnly = true },
                "reduce-lr" => new ReduceLearningRateOnPlateau { Monitor = monitor, Patience = 2, Factor = 0.5 },
                "tensorboard" => new TensorBoard(Path.Combine(runFolder, "tensorboard")),
                _ => throw new ArgumentException($"--callbacks: '{name}' is not one of {string.Join(", ", CallbackNames)}"),
            };
        }
    }

    /// <summary>The evaluation confusion matrix and the first right and wrong predictions, as gallery images with their confidence.</summary>
    static (int[,] Confusion, List<GalleryImage> Correct, List<GalleryImage> Wrong, List<GalleryImage> LeastConfident) Outcomes(
        NetworkData data, float[] scores, int classCount, IReadOnlyList<string> classes)
    {
        var confusion = new int[classCount, classCount];
        var (correct, wrong) = (new List<GalleryImage>(), new List<GalleryImage>());
        var truths = data.Evaluation.RowClasses!;
        var predictions = new int[truths.Count];
        var confidences = new float[truths.Count];
        GalleryImage Image(int r) => data.GalleryImage(r, $"{classes[truths[r]]} / {classes[predictions[r]]}",
            $"{confidences[r] * 100:F0}% · row {r}", predictions[r] == truths[r]);
        for (var r = 0; r < truths.Count; r++)
        {
            var row = scores.AsSpan(r * classCount, classCount);
            var predicted = 0;
            for (var c = 1; c < classCount; c++)
                if (row[c] > row[predicted]) predicted = c;
            (predictions[r], confidences[r]) = (predicted, row[predicted]);
            var truth = truths[r];
            confusion[truth, predicted]++;
            var list = predicted == truth ? correct : wrong;
            if (list.Count < GalleryImages) list.Add(Image(r));
        }
        var leastConfident = Enumerable.Range(0, truths.Count).OrderBy(r => confidences[r]).ThenBy(r => r).Take(GalleryImages).Select(Image).ToList();
        return (confusion, correct, wrong, leastConfident);
    }
}
