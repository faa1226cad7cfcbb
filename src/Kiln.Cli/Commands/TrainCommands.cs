using System.CommandLine;
using Kiln.Data;
using Kiln.Learn;
using Kiln.Learn.Training;
using Kiln.Neural.Packaging;
using Kiln.Plots;
using Kiln.Serving.Monitoring;
using Kiln.Tracking;
using Spectre.Console;

namespace Kiln.Cli.Commands;

/// <summary><c>kiln train</c> and <c>kiln predict</c>: fit a catalog model on a CSV and apply it.</summary>
public static class TrainCommands
{
    public static IEnumerable<Command> Create() => [Train(), Predict()];

    static Command Train()
    {
        var outPath = new Option<string>("--out") { Description = "The model package to write (.kiln)", Required = true };
        var command = DataCommands.Reading("train", "Fit a model on a whole file behind default preprocessing and save it as one package; the run is recorded (kiln runs list)");
        ModelOptions.AddTo(command);
        command.Options.Add(outPath);
        TrackingOptionsCli.AddRecordingOptions(command);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var output = new CliOutput(parseResult);
            var (frame, path) = FrameInput.Read(parseResult, cancellationToken);
            var fingerprint = DataFingerprint.Of(frame);
            var modelName = parseResult.GetValue(ModelOptions.Model)!;
            var seed = parseResult.GetValue(ModelOptions.Seed);
            using var run = CommandRun.Start(parseResult, $"train {modelName}", seed, fingerprint, cancellationToken);
            var result = ModelTraining.Train(frame, path, parseResult.GetValue(ModelOptions.Target)!, modelName,
                ModelOptions.ParameterValues(parseResult), seed, new ProgressLine(output.IsJson ? TextWriter.Null : parseResult.InvocationConfiguration.Error, "train"),
                cancellationToken);
            var package = Path.GetFullPath(parseResult.GetValue(outPath)!);
            ModelPackage.Save(result.Model, package, new PackageInfo
            {
                Metrics = result.TrainingScores?.Summary(),
                DataFingerprint = fingerprint,
                Seed = seed,
            });
            var reference = WriteReference(frame, result, package, fingerprint, seed);
            Record(run, result, package, reference, path, parseResult.GetValue(ModelOptions.Target)!);
            var steps = result.Model.Steps.Select(s => s.Name).ToList();
            if (output.IsJson)
            {
                output.WriteJson(new
                {
                    Model = result.Entry.Name, Package = package, result.Rows, result.Seconds, Preprocessing = steps[..^1],
                    result.Columns, TrainingScores = result.TrainingScores, Run = run.RunId, Reference = reference,
                });
                return Task.FromResult(0);
            }
            output.Writer.WriteLine($"{result.Entry.Name} fitted on {result.Rows:N0} rows in {result.Seconds:F2} s");
            output.Writer.WriteLine($"preprocessing: {result.Columns.Numeric.Count} numeric columns imputed" +
                (result.Entry.Has(Capability.ScaleInvariant) ? "" : " and standardised") +
                $", {result.Columns.Text.Count} text columns one-hot encoded, {result.Columns.Dates.Count} date columns split into parts");
            foreach (var dropped in result.Columns.Dropped) output.Writer.WriteLine($"  left out '{dropped.Column}': {dropped.Reason}");
            if (result.TrainingScores is { } scores) WriteScores(output, scores, "training-set scores");
            if (run.RunId is { } id) output.Writer.WriteLine($"run {id} (kiln runs show {id[..8]})");
            if (reference is not null) output.Writer.WriteLine($"training reference for drift monitoring: {reference}");
            output.Writer.WriteLine(package);
            return Task.FromResult(0);
        });
        return command;
    }

    /// <summary>
    /// Writes the training reference that monitoring compares live traffic with, beside the package (not inside it: the
    /// package stays the model alone, byte-for-byte reproducible, and the reference holds a sample of training rows that
    /// need not travel wherever the model does). Null for a model that does not predict a target.
    /// </summary>
    static string? WriteReference(Frame frame, TrainingResult result, string package, string fingerprint, long? seed)
    {
        if (result.TrainingScores is not { } scores
            || TrainingReference.Build(frame, result.Model, scores.Target, result.Columns, fingerprint, seed ?? 0) is not { } reference) return null;
        var path = ReferenceProfile.PathBeside(package);
        reference.Save(path);
        return path;
    }

    /// <summary>The run's record of a training: the model and its full hyperparameters, the training scores, the package and its reference.</summary>
    static void Record(CommandRun run, TrainingResult result, string package, string? reference, string data, string target)
    {
        if (run.RunId is null) return;
        // the package's own manifest has every hyperparameter, defaults included, flattened per pipeline step
        var recorded = new Dictionary<string, string>(StringComparer.Ordinal) { ["model"] = result.Entry.Name, ["target"] = target };
        foreach (var (key, value) in RunParams.Flatten(ModelPackage.ReadManifest(package).Parameters)) recorded.TryAdd(key, value);
        run.LogParams(recorded);
        run.SetTags(new Dictionary<string, string> { ["kiln.command"] = "train", ["kiln.data"] = data, ["kiln.rows"] = result.Rows.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (result.TrainingScores is { } scores)
            run.LogMetrics(scores.Summary().ToDictionary(m => "training_" + m.Key, m => m.Value, StringComparer.Ordinal));
        run.LogMetrics(new Dictionary<string, double> { ["fit_seconds"] = result.Seconds });
        run.LogModelPackage(package);
        if (reference is not null) run.LogReference(reference);
        run.Finish();
    }

    static Command Predict()
    {
        var outPath = new Option<string>("--out") { Description = "Write the predictions to this CSV (default: print them)" };
        var probabilities = new Option<bool>("--proba") { Description = "Add one probability column per class" };
        var top = new Option<int>("--top") { Description = "Neural networks: how many ranked classes to give per row", DefaultValueFactory = _ => 3 };
        var command = new Command("predict", "Apply a model to the rows of a file; a neural network to image files, a folder of them, an IDX image file or a .npy array");
        var package = ModelArgument.AddTo(command, "written by `kiln train`, `kiln tune` or `kiln nn train`");
        FrameInput.AddTo(command);
        command.Options.Add(outPath);
        command.Options.Add(probabilities);
        command.Options.Add(top);
        command.Options.Add(CliOutput.JsonOption);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var output = new CliOutput(parseResult);
            using var argument = ModelArgument.Open(parseResult.GetValue(package)!, parseResult, cancellationToken);
            if (NeuralPrediction.IsNeuralPackage(argument.Path))
                return Task.FromResult(PredictWithNetwork(output, argument.Path, parseResult.GetValue(FrameInput.File)!,
                    parseResult.GetValue(top), parseResult.GetValue(outPath)));
            var model = ModelPackage.Load(argument.Path);
            var (frame, _) = FrameInput.Read(parseResult, cancellationToken);
            if (model is not IPredictorModel predictor)
                throw new ArgumentException("this package holds a transformer, not a model that predicts");
            var predictions = new Frame(predictor.Predict(frame));
            if (parseResult.GetValue(probabilities))
            {
                if (model is not IClassifierModel classifier || model is Kiln.Learn.Compose.PipelineModel { Role: not EstimatorRole.Classifier })
                    throw new ArgumentException("--proba needs a classifier");
                foreach (var column in classifier.PredictProbabilities(frame).Columns)
                    predictions = predictions.WithColumn(column.Rename($"p({column.Name})"));
            }
            if (parseResult.GetValue(outPath) is { } file)
            {
                predictions.WriteCsv(file);
                output.Writer.WriteLine(Path.GetFullPath(file));
            }
            else if (output.IsJson) output.WriteJson(FrameTable.Records(predictions));
            else CsvWriter.Write(predictions, output.Writer);
            return Task.FromResult(0);
        });
        return command;
    }

    static int PredictWithNetwork(CliOutput output, string package, string input, int top, string? outPath)
    {
        using var network = NeuralPackage.Load(package);
        var predictions = NeuralPrediction.Predict(network, input, top);
        // image rows are named by their file, relative to the folder given
        IReadOnlyList<string>? files = NeuralPrediction.IsImageInput(input)
            ? [.. NeuralPrediction.ImageFiles(input).Select(f => Directory.Exists(input) ? Path.GetRelativePath(input, f) : input)]
            : null;
        if (outPath is not null)
        {
            NeuralPrediction.ToFrame(predictions, files).WriteCsv(outPath);
            output.Writer.WriteLine(Path.GetFullPath(outPath));
        }
        else if (output.IsJson)
            output.WriteJson(predictions.Select((ranked, row) => new
            {
                Row = row, File = files?[row], Class = ranked[0].Class, ranked[0].Confidence,
                Top = ranked.Select(p => new { p.Class, p.Confidence }),
            }));
        else CsvWriter.Write(NeuralPrediction.ToFrame(predictions, files), output.Writer);
        return 0;
    }

    internal static void WriteScores(CliOutput output, Evaluation scores, string title)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(title).AddColumns("score", "value");
        if (scores.Classification is { } c)
        {
            table.AddRow("accuracy", F(c.Accuracy));
            table.AddRow("precision (macro / weighted)", $"{F(c.PrecisionMacro)} / {F(c.PrecisionWeighted)}");
            table.AddRow("recall (macro / weighted)", $"{F(c.RecallMacro)} / {F(c.RecallWeighted)}");
            table.AddRow("F1 (macro / weighted)", $"{F(c.F1Macro)} / {F(c.F1Weighted)}");
            if (c.RocAuc is { } auc) table.AddRow("ROC AUC", F(auc));
            if (c.LogLoss is { } loss) table.AddRow("log loss", F(loss));
        }
        if (scores.Regression is { } r)
        {
            table.AddRow("MSE", F(r.MeanSquaredError));
            table.AddRow("RMSE", F(r.RootMeanSquaredError));
            table.AddRow("MAE", F(r.MeanAbsoluteError));
            table.AddRow("R²", F(r.R2));
        }
        output.Console.Write(table);
    }

    static string F(double value) => value.ToString("G4", System.Globalization.CultureInfo.InvariantCulture);
}
