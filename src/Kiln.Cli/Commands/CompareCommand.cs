using System.CommandLine;
using System.Globalization;
using Kiln.Learn;
using Kiln.Learn.Training;
using Kiln.Plots;
using Spectre.Console;

namespace Kiln.Cli.Commands;

/// <summary>
/// <c>kiln compare</c>: cross-validates several catalog models on a file behind the same default preprocessing, scores
/// each on the same held-out rows, prints them ranked with a verdict and writes a report folder.
/// </summary>
public static class CompareCommand
{
    const string JsonFile = "comparison.json";

    public static Command Create()
    {
        var task = new Option<string>("--task") { Description = "classification or regression (default: read from the target)" };
        task.AcceptOnlyFromAmong("classification", "regression");
        var models = new Option<string>("--models") { Description = "Comma-separated catalog names (default: a short list of the usual models for the task)" };
        var all = new Option<bool>("--all") { Description = "Every catalog model of the task (meta-ensembles, count models and, on large files, kernel SVMs left out, with the reason)" };
        var testSize = new Option<double>("--test-size") { Description = "Share of the rows held out to score every model once more", DefaultValueFactory = _ => 0.2 };
        var outPath = new Option<string>("--out") { Description = "The report folder (default: TARGET-comparison here; replaced if an earlier compare wrote it)" };
        var command = DataCommands.Reading("compare", "Compare models on a file by cross-validation and a held-out split, ranked, with a verdict and a report");
        foreach (var option in new Option[] { ModelOptions.Target, task, models, all, ModelOptions.Folds, ModelOptions.Scoring, testSize, ModelOptions.Seed, outPath })
            command.Options.Add(option);
        TrackingOptionsCli.AddRecordingOptions(command);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var output = new CliOutput(parseResult);
            var log = output.IsJson ? TextWriter.Null : parseResult.InvocationConfiguration.Error;
            var target = parseResult.GetValue(ModelOptions.Target)!;
            var (frame, path) = FrameInput.Read(parseResult, cancellationToken);
            if (!frame.HasColumn(target)) throw new Kiln.Data.UnknownColumnException(target, frame.ColumnNames);
            var role = parseResult.GetValue(task) switch
            {
                "classification" => EstimatorRole.Classifier,
                "regression" => EstimatorRole.Regressor,
                _ => ModelComparison.DetectTask(frame[target]),
            };
            IReadOnlyList<string> names;
            IReadOnlyList<string> leftOut = [];
            if (parseResult.GetValue(models) is { } list)
            {
                if (parseResult.GetValue(all)) throw new ArgumentException("give either --models or --all, not both");
                names = [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
                if (parseResult.GetValue(task) is { } named && names.Select(EstimatorCatalog.Find).FirstOrDefault(e => e.Role != role) is { } other)
                    throw new ArgumentException($"--task {named}, but '{other.Name}' is a {Kebab.Of(other.Role.ToString())}");
            }
            else (names, leftOut) = ModelComparison.DefaultModels(role, frame.RowCount, parseResult.GetValue(all));
            foreach (var reason in leftOut) log.WriteLine($"compare: left out {reason}");
            log.WriteLine($"compare: {(role == EstimatorRole.Classifier ? "classification" : "regression")} of '{target}' with {names.Count} models: {string.Join(", ", names)}");

            using var run = CommandRun.Start(parseResult, $"compare {target}", parseResult.GetValue(ModelOptions.Seed) ?? 0,
                DataFingerprint.Of(frame), cancellationToken);
            var options = new ComparisonOptions
            {
                TestSize = parseResult.GetValue(testSize), Folds = ModelOptions.FoldCount(parseResult), Scoring = parseResult.GetValue(ModelOptions.Scoring),
                Seed = parseResult.GetValue(ModelOptions.Seed) ?? 0,
            };
            var result = ModelComparison.Compare(frame, path, target, names, options, new ProgressLine(log, "compare"), cancellationToken);
            var folder = Path.GetFullPath(parseResult.GetValue(outPath) ?? $"{target}-comparison");
            ReportFolder.Write(folder, JsonFile, "compare", staging =>
            {
                ComparisonReport.Write(result, path, staging);
                Kiln.Data.AtomicFile.WriteAllText(Path.Combine(staging, JsonFile), CliOutput.ToJson(Summary(result, leftOut, folder)));
            }, cancellationToken);
            Record(run, result, path, folder);
            if (output.IsJson) output.WriteJson(Summary(result, leftOut, folder));
            else Print(output, result, folder);
            return Task.FromResult(0);
        });
        return command;
    }

    /// <summary>The comparison as one tracked run: its settings, each model's cross-validated and held-out score, and the report folder.</summary>
    static void Record(CommandRun run, ComparisonResult result, string data, string folder)
    {
        if (run.RunId is null) return;
        run.LogParams(new Dictionary<string, string>
        {
            ["target"] = result.Target, ["task"] = result.Task == EstimatorRole.Classifier ? "classification" : "regression",
            ["scoring"] = result.Scoring, ["cv"] = result.Folds.ToString(CultureInfo.InvariantCulture),
            ["models"] = string.Join(",", result.Models.Select(m => m.Entry.Name)), ["best"] = result.Best.Entry.Name,
        });
        run.SetTags(new Dictionary<string, string> { ["kiln.command"] = "compare", ["kiln.data"] = data });
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var m in result.Models.Where(m => m.Succeeded))
        {
            metrics[$"{m.Entry.Name}.cv_mean"] = m.MeanScore;
            metrics[$"{m.Entry.Name}.cv_std"] = m.StdScore;
            metrics[$"{m.Entry.Name}.held_out"] = m.HeldOut!.Score;
            metrics[$"{m.Entry.Name}.fit_seconds"] = m.FitSeconds;
        }
        if (result.Baseline is { Succeeded: true } baseline)
        {
            metrics["baseline.cv_mean"] = baseline.MeanScore;
            metrics["baseline.held_out"] = baseline.HeldOut!.Score;
        }
        run.LogMetrics(metrics);
        run.LogArtifact(folder);
        run.Finish();
    }

    static object Summary(ComparisonResult result, IReadOnlyList<string> leftOut, string folder) => new
    {
        Task = result.Task == EstimatorRole.Classifier ? "classification" : "regression",
        result.Target, result.Scoring, result.Folds, result.TrainRows, HeldOutRows = result.HeldOut.RowCount,
        Best = result.Best.Entry.Name, result.Verdict,
        Models = result.Models.Select(m => new
        {
            Model = m.Entry.Name, Mean = m.Succeeded ? m.MeanScore : (double?)null, Std = m.Succeeded ? m.StdScore : (double?)null,
            Folds = m.Scores?.TestScores(), HeldOut = m.HeldOut?.Score, HeldOutScores = m.HeldOut?.Evaluation, m.FitSeconds, m.Failure,
        }),
        Baseline = result.Baseline is { } b
            ? new { Model = b.Entry.Name, Label = result.BaselineLabel, Mean = b.Succeeded ? b.MeanScore : (double?)null, Std = b.Succeeded ? b.StdScore : (double?)null, HeldOut = b.HeldOut?.Score, b.Failure }
            : null,
        LeftOut = leftOut, Report = folder,
    };

    static void Print(CliOutput output, ComparisonResult result, string folder)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"{result.Models.Count} models, {result.Folds}-fold cross-validation on {result.TrainRows:N0} rows, {result.HeldOut.RowCount:N0} held out")
            .AddColumns([new TableColumn("rank"), new TableColumn("model").NoWrap(),
                .. new[] { $"mean {result.Scoring}", "± std" }.Concat(HeldOutColumns.Headers(result)).Append("fit s").Select(h => new TableColumn(h))]);
        var rank = 0;
        foreach (var m in result.Models)
            AddRow(table, result, m.Succeeded ? (++rank).ToString(CultureInfo.InvariantCulture) : "–", m.Entry.Name, m);
        // the baseline is scored like the models but never ranked
        if (result.Baseline is { } baseline) AddRow(table, result, "–", result.BaselineLabel, baseline);
        output.Console.Write(table);
        output.Writer.WriteLine(result.Verdict);
        output.Writer.WriteLine(Path.Combine(folder, "index.html"));
    }

    static void AddRow(Table table, ComparisonResult result, string rank, string name, ComparedModel m) =>
        table.AddRow([rank, Markup.Escape(name), m.Succeeded ? F(m.MeanScore) : Markup.Escape($"failed: {m.Failure}"), m.Succeeded ? F(m.StdScore) : "",
            .. HeldOutColumns.Values(result, m), m.Succeeded ? m.FitSeconds.ToString("0.###", CultureInfo.InvariantCulture) : ""]);

    static string F(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
