using System.CommandLine;
using System.Globalization;
using System.Numerics.Tensors;
using System.Text.Json.Nodes;
using Kiln.Data;
using Kiln.Neural.Config;
using Kiln.Neural.Experiments;
using Kiln.Neural.Packaging;
using Kiln.Neural.Training;
using Kiln.Plots;
using Spectre.Console;

namespace Kiln.Cli.Commands;

/// <summary>
/// <c>kiln nn experiment</c>: train variants of a spec on the same images and compare them; <c>kiln nn overfit</c>: the
/// overfitting investigation, a big network on 1,000 images against dropout, L2 and early stopping.
/// </summary>
public static class NnExperimentCommands
{
    static readonly string[] ModeNames = ["one-at-a-time", "grid"];

    public static Command Experiment()
    {
        var options = new ExperimentOptions(epochs: 5, batchSize: 64, validationSplit: 0.1, limit: null);
        options.Base.Required = true;
        options.Vary.Required = true;
        var command = new Command("experiment",
            "Train variants of a spec (hidden layers, units, activation, dropout, optimizer, learning rate, batch size, L2 …) on the same images and compare them");
        options.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => Task.FromResult(Run(options.Read(parseResult, preset: false), parseResult, cancellationToken)));
        return command;
    }

    public static Command Overfit()
    {
        var options = new ExperimentOptions(OverfittingStudy.Training.Epochs, OverfittingStudy.Training.BatchSize, OverfittingStudy.ValidationSplit, OverfittingStudy.Rows);
        options.Base.Description = "Replace the built-in big network (three hidden dense layers of 512 units) with this spec";
        options.Vary.Description = $"Replace the remedies tried against it (default: {OverfittingStudy.Remedies})";
        var command = new Command("overfit",
            "The overfitting investigation: a big network on few images learns them by heart; dropout, L2 and early stopping are each tried against it, side by side with the train–validation gap");
        options.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => Task.FromResult(Run(options.Read(parseResult, preset: true), parseResult, cancellationToken)));
        return command;
    }

    /// <summary>The options both commands take; only their defaults differ.</summary>
    sealed class ExperimentOptions
    {
        public ExperimentOptions(int epochs, int batchSize, double validationSplit, int? limit)
        {
            Epochs = new Option<int>("--epochs") { Description = "Passes over the training rows (a variant may vary it)", DefaultValueFactory = _ => epochs };
            BatchSize = new Option<int>("--batch-size") { Description = "Rows per training step (a variant may vary it)", DefaultValueFactory = _ => batchSize };
            ValidationSplit = new Option<double>("--validation-split") { Description = "Share of the training rows held out to validate", DefaultValueFactory = _ => validationSplit };
            Limit = new Option<int?>("--limit") { Description = "Use the first N training rows only", DefaultValueFactory = _ => limit };
        }

        public Option<string> Data { get; } = new("--data") { Description = "mnist, fashion-mnist, or a folder with the four IDX files", Required = true };
        public Option<string> Base { get; } = new("--base") { Description = "The spec every variant starts from (JSON; see docs/neural.md)" };
        public Option<string> Vary { get; } = new("--vary") { Description = $"What to vary, e.g. 'layers=1,2,3;units=64,128;optimizer=sgd,adam'; keys: {string.Join(", ", Variation.Keys)}" };
        public Option<string> Mode { get; } = new("--mode") { Description = "one-at-a-time: each value against the base; grid: every combination", DefaultValueFactory = _ => "one-at-a-time" };
        public Option<int> Epochs { get; }
        public Option<int> BatchSize { get; }
        public Option<double> ValidationSplit { get; }
        public Option<int?> Limit { get; }
        public Option<long> Seed { get; } = new("--seed") { Description = "Seed of every variant's first weights, row order and dropout", DefaultValueFactory = _ => 0 };
        public Option<int> MaxVariants { get; } = new("--max-variants") { Description = "Refuse experiments with more variants than this", DefaultValueFactory = _ => VariantGenerator.DefaultMaxVariants };
        public Option<string> Out { get; } = new("--out") { Description = "The folder for results.csv, results.json and the HTML report" };

        public void AddTo(Command command)
        {
            foreach (var option in new Option[] { Data, Base, Vary, Mode, Epochs, BatchSize, ValidationSplit, Limit, Seed, MaxVariants, Out, CliOutput.JsonOption })
                command.Options.Add(option);
        }

        public ExperimentSettings Read(ParseResult parseResult, bool preset) => new(
            parseResult.GetValue(Data)!, parseResult.GetValue(Base), parseResult.GetValue(Vary) ?? (preset ? OverfittingStudy.Remedies : ""),
            parseResult.GetValue(Mode)!, parseResult.GetValue(Epochs), parseResult.GetValue(BatchSize), parseResult.GetValue(ValidationSplit),
            parseResult.GetValue(Limit), parseResult.GetValue(Seed), parseResult.GetValue(MaxVariants), parseResult.GetValue(Out), preset);
    }

    sealed record ExperimentSettings(string Data, string? Base, string Vary, string Mode, int Epochs, int BatchSize, double ValidationSplit,
        int? Limit, long Seed, int MaxVariants, string? Out, bool Preset);

    static int Run(ExperimentSettings settings, ParseResult parseResult, CancellationToken cancellation)
    {
        var output = new CliOutput(parseResult);
        var progress = output.IsJson ? parseResult.InvocationConfiguration.Error : output.Writer;
        if (settings.Limit is < 1) throw new ArgumentException($"--limit {settings.Limit}: give at least 1 row");
        if (settings.ValidationSplit is < 0 or >= 1) throw new ArgumentException($"--validation-split {settings.ValidationSplit}: give a share in [0, 1)");
        var mode = settings.Mode switch
        {
            "one-at-a-time" => ExperimentMode.OneAtATime,
            "grid" => ExperimentMode.Grid,
            _ => throw new ArgumentException($"--mode {settings.Mode}: give one of {string.Join(", ", ModeNames)}"),
        };
        var variation = Variation.Parse(settings.Vary, "--vary");
        var source = IdxImageData.Resolve(settings.Data);
        var train = source.Load("train", settings.Limit);
        var test = source.Load("t10k", null);
        var classCount = Math.Max(train.Labels.Max(), test.Labels.Max()) + 1;
        var classes = source.Classes(classCount);

        var baseName = settings.Base is { } path ? Path.GetFileName(path) : "the big network";
        var (baseConfig, rowShape, oneHot) = BaseConfig(settings, train, classCount);
        var variants = VariantGenerator.Generate(baseConfig, new ExperimentTraining { Epochs = settings.Epochs, BatchSize = settings.BatchSize },
            variation, mode, baseName, settings.MaxVariants);
        var outFolder = Path.GetFullPath(settings.Out ?? (settings.Preset ? $"overfit-{source.Name}"
            : Path.GetFileNameWithoutExtension(settings.Base!) + "-experiment"));

        var preprocessing = ImagePreprocessing.UnitGrayscale(train.Height, train.Width);
        var data = new ExperimentData(Inputs(train, rowShape, preprocessing), Targets(train.Labels, classCount, oneHot),
            settings.ValidationSplit, Inputs(test, rowShape, preprocessing), Targets(test.Labels, classCount, oneHot));
        progress.WriteLine($"{variants.Count} variants on {data.TrainRows:N0} training, {data.ValidationRows:N0} validation and {test.Count:N0} test rows of {source.Name}: " +
            string.Join("; ", variants.Select(v => v.Name)));
        var result = Kiln.Neural.Experiments.Experiment.Run(variants, data, settings.Seed, new ProgressLines(progress), cancellation);

        var ranked = result.Ranked;
        var facts = new List<(string, string)>
        {
            ("Data", $"{source.Name} ({source.Folder})"),
            ("Rows", $"{data.TrainRows:N0} train / {data.ValidationRows:N0} validation / {test.Count:N0} test"),
            ("Base", settings.Base is { } spec ? Path.GetFullPath(spec) : $"built in: {baseConfig["layers"]!.AsArray().Count - 1} hidden dense layers of 512 units"),
            ("Variation", variation.ToString()),
            ("Mode", settings.Mode),
            ("Training", $"{settings.Epochs} epochs, batch size {settings.BatchSize} unless varied"),
            ("Seed", settings.Seed.ToString(CultureInfo.InvariantCulture)),
            ("Finished", $"{result.Variants.Count} of {result.Planned} variants in {result.Variants.Sum(v => v.Seconds):F1} s of training"),
        };
        var comparison = new ExperimentComparison
        {
            Title = settings.Preset ? $"Overfitting investigation on {source.Name}" : $"Experiment — {baseName} on {source.Name}",
            Facts = facts,
            Keys = [.. variation.Settings.Select(s => (s.Key, s.Values))],
            Variants = [.. ranked.Select(Compared)],
            Planned = result.Planned,
        };
        var files = new List<string>(ExperimentReport.Write(comparison, outFolder));
        var csv = Path.Combine(outFolder, "results.csv");
        Table(ranked, variation).WriteCsv(csv);
        var json = Path.Combine(outFolder, "results.json");
        var summary = Summary(ranked, result, variation, settings, source.Name, data, test.Count, outFolder);
        AtomicFile.WriteAllText(json, CliOutput.ToJson(summary));
        files.InsertRange(1, [csv, json]);

        if (output.IsJson) output.WriteJson(summary);
        else
        {
            output.Console.Write(ConsoleTable(ranked, result.RankedBy));
            output.Writer.WriteLine($"report: {files[0]}");
            output.Writer.WriteLine(csv);
        }
        if (!result.Cancelled) return 0;
        parseResult.InvocationConfiguration.Error.WriteLine($"kiln: stopped after {result.Variants.Count} of {result.Planned} variants; the results of those are in {outFolder}");
        return CliFailure.Cancelled;
    }

    /// <summary>The base as a full config (the spec, or the built-in big network for the overfitting study), checked against the images.</summary>
    static (JsonObject Config, IReadOnlyList<long> RowShape, bool OneHot) BaseConfig(ExperimentSettings settings, IdxImageSet train, int classCount)
    {
        var where = settings.Base is { } path ? $"--base {path}" : "the built-in network";
        using var model = settings.Base is { } spec
            ? ModelConfig.Load(spec, settings.Seed)
            : ModelConfig.FromJson(OverfittingStudy.BaseConfig(train.Height * train.Width, classCount), settings.Seed, "overfitting network");
        if (model.InputShapes.Count != 1) throw new ArgumentException($"{where}: the network takes {model.InputShapes.Count} inputs; images feed one");
        var rowShape = model.InputShapes[0];
        if (rowShape.Aggregate(1L, (a, b) => a * b) != train.Height * train.Width)
            throw new ArgumentException($"{where}: input_shape [{string.Join(", ", rowShape)}] does not hold one {train.Height}×{train.Width} greyscale image; use [1, {train.Height}, {train.Width}] or [{train.Height * train.Width}]");
        if (model.OutputShape.Count != 1 || model.OutputShape[0] != classCount)
            throw new ArgumentException($"{where}: the network outputs [{string.Join(", ", model.OutputShape)}] but the data has {classCount} classes; end with a dense layer of {classCount} softmax units");
        return (ModelConfig.ToJson(model), rowShape, model.CompiledLoss == Loss.CategoricalCrossentropy);
    }

    /// <summary>The images as the network's input rows, preprocessed as a package of the network would record.</summary>
    static Tensor<float> Inputs(IdxImageSet images, IReadOnlyList<long> rowShape, ImagePreprocessing preprocessing)
    {
        var values = new float[images.Pixels.Length];
        for (var i = 0; i < values.Length; i++) values[i] = images.Pixels[i];
        preprocessing.Apply(values);
        return Tensor.Create(values, [images.Count, .. rowShape.Select(d => (nint)d)]);
    }

    /// <summary>The labels as class indices, or one-hot rows for a categorical cross-entropy network.</summary>
    static Tensor<float> Targets(byte[] labels, int classCount, bool oneHot)
    {
        if (!oneHot) return Tensor.Create([.. labels.Select(l => (float)l)], [labels.Length]);
        var values = new float[labels.Length * classCount];
        for (var i = 0; i < labels.Length; i++) values[i * classCount + labels[i]] = 1;
        return Tensor.Create(values, [labels.Length, classCount]);
    }

    static ComparedVariant Compared(VariantResult result) => new()
    {
        Name = result.Variant.Name,
        Settings = result.Variant.Settings,
        Epochs = result.Epochs,
        TrainAccuracy = result.TrainAccuracy,
        ValidationAccuracy = result.ValidationAccuracy,
        ValidationLoss = result.ValidationLoss,
        TrainLoss = result.TrainLoss,
        TestAccuracy = result.TestAccuracy,
        Seconds = result.Seconds,
        Parameters = result.Parameters,
        RestoredEpoch = result.RestoredEpoch,
    };

    /// <summary>The results as a table, best first: one column per varied key (blank where the base's setting stands), then the measures.</summary>
    static Frame Table(IReadOnlyList<VariantResult> ranked, Variation variation)
    {
        Column Numbers(string name, Func<VariantResult, double> value) => new Float64Column(name, [.. ranked.Select(value)]);
        double Measure(IReadOnlyDictionary<string, double>? part, string name) => part?.GetValueOrDefault(name, double.NaN) ?? double.NaN;
        return new Frame(
        [
            new Int64Column("rank", [.. Enumerable.Range(1, ranked.Count).Select(i => (long)i)]),
            new StringColumn("variant", [.. ranked.Select(r => r.Variant.Name)]),
            .. variation.Settings.Select(s => new StringColumn(s.Key, [.. ranked.Select(r => r.Variant.Settings.GetValueOrDefault(s.Key))])),
            Numbers("train_accuracy", r => r.TrainAccuracy),
            Numbers("val_accuracy", r => r.ValidationAccuracy),
            Numbers("test_accuracy", r => r.TestAccuracy),
            Numbers("gap", r => r.Gap),
            Numbers("train_loss", r => Measure(r.Train, "loss")),
            Numbers("val_loss", r => Measure(r.Validation, "loss")),
            Numbers("test_loss", r => Measure(r.Test, "loss")),
            Numbers("loss_gap", r => r.LossGap),
            new Int64Column("epochs", [.. ranked.Select(r => (long)r.Epochs.Count)]),
            Numbers("restored_epoch", r => r.RestoredEpoch ?? double.NaN),
            Numbers("seconds", r => r.Seconds),
            new Int64Column("parameters", [.. ranked.Select(r => r.Parameters)]),
        ]);
    }

    static object Summary(IReadOnlyList<VariantResult> ranked, ExperimentResult result, Variation variation, ExperimentSettings settings,
        string dataName, ExperimentData data, int testRows, string outFolder) => new
    {
        Out = outFolder,
        Report = Path.Combine(outFolder, "report.html"),
        Data = dataName,
        TrainRows = data.TrainRows,
        ValidationRows = data.ValidationRows,
        TestRows = testRows,
        Vary = variation.ToString(),
        settings.Mode,
        settings.Seed,
        result.RankedBy,
        result.Planned,
        result.Cancelled,
        Variants = ranked.Select((r, i) => new
        {
            Rank = i + 1,
            r.Variant.Name,
            r.Variant.Settings,
            TrainAccuracy = Finite(r.TrainAccuracy),
            ValidationAccuracy = Finite(r.ValidationAccuracy),
            TestAccuracy = Finite(r.TestAccuracy),
            Gap = Finite(r.Gap),
            LossGap = Finite(r.LossGap),
            r.Train,
            r.Validation,
            r.Test,
            Epochs = r.Epochs.Count,
            r.RestoredEpoch,
            r.Seconds,
            r.Parameters,
            r.Variant.Training,
            History = r.Epochs,
            Config = r.Variant.Config,
        }),
    };

    static double? Finite(double value) => double.IsFinite(value) ? value : null;

    static Table ConsoleTable(IReadOnlyList<VariantResult> ranked, string rankedBy)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"best first by {rankedBy}")
            .AddColumns("#", "variant", "train acc", "val acc", "test acc", "gap", "val loss", "epochs", "seconds", "parameters");
        for (var i = 0; i < ranked.Count; i++)
        {
            var r = ranked[i];
            table.AddRow(N(i + 1), Markup.Escape(r.Variant.Name), F(r.TrainAccuracy), F(r.ValidationAccuracy), F(r.TestAccuracy), F(r.Gap), F(r.ValidationLoss),
                r.RestoredEpoch is { } best ? $"{r.Epochs.Count} (best {best})" : N(r.Epochs.Count), r.Seconds.ToString("0.0", CultureInfo.InvariantCulture), N(r.Parameters));
        }
        return table;
    }

    static string F(double value) => double.IsFinite(value) ? value.ToString("0.0000", CultureInfo.InvariantCulture) : "";

    static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A line when a variant starts, after each of its epochs (as Keras prints with verbose=2) and when it is measured.</summary>
    sealed class ProgressLines(TextWriter writer) : IProgress<ExperimentProgress>
    {
        public void Report(ExperimentProgress value)
        {
            var prefix = $"[{value.Variant + 1}/{value.Variants}] {value.Name}";
            if (value.Finished is { } done)
                writer.WriteLine($"{prefix}: train {F(done.TrainAccuracy)}, validation {F(done.ValidationAccuracy)} (loss {F(done.ValidationLoss)}), test {F(done.TestAccuracy)} " +
                    $"after {done.Epochs.Count} epochs in {done.Seconds:F1} s");
            else if (value.Logs is { } logs)
                writer.WriteLine($"{prefix} epoch {value.Epoch}/{value.Epochs} - " +
                    string.Join(" - ", logs.Where(l => l.Key != "learning_rate").Select(l => $"{l.Key}: {l.Value.ToString("0.0000", CultureInfo.InvariantCulture)}")));
            else writer.WriteLine($"{prefix}: training");
        }
    }
}
