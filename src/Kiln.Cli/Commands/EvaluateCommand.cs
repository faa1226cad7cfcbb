using System.CommandLine;
using System.Globalization;
using Kiln.Data;
using Kiln.Learn;
using Kiln.Learn.Metrics;
using Kiln.Learn.Training;
using Kiln.Neural.Packaging;
using Kiln.Plots;
using Spectre.Console;

namespace Kiln.Cli.Commands;

/// <summary>
/// <c>kiln evaluate</c>: a model's scores on a labelled file, beside a baseline model's on the same rows when one is
/// given, and the checks a deployment pipeline gates on — scores the model must reach (<c>--require accuracy>=0.8</c>)
/// and a gain over the baseline (<c>--min-gain 0</c>), as MLflow's evaluate does with validation thresholds. A check
/// that fails makes the command exit with <see cref="CliFailure.ChecksFailed"/>, after printing every check.
/// </summary>
public static class EvaluateCommand
{
    public static Command Create()
    {
        var command = new Command("evaluate",
            "Score a model on a labelled file (the target column found by name), beside a baseline if given, with checks a pipeline can gate on; "
            + "a network from kiln nn train on a folder of labelled images (MNIST's IDX files, scored on the t10k part, or one sub-folder per class)");
        var model = ModelArgument.AddTo(command);
        FrameInput.AddTo(command);
        var reportFolder = new Option<string>("--report")
        {
            Description = "Also write report.html into this folder: per-class scores, confusion matrices and the most confused classes, "
                + "ROC and precision-recall curves, and the rows the model is surest of, least sure of and most wrong about",
        };
        var baseline = new Option<string>("--baseline")
        {
            Description = "Also score this model on the same rows and show it beside (a package or models:/NAME@ALIAS); --min-gain checks the model against it",
        };
        var require = new Option<string[]>("--require")
        {
            Description = "A score the model must reach, as SCORE>=VALUE with scikit-learn's scoring names, greater is better "
                + "(accuracy>=0.8, roc_auc>=0.85, neg_root_mean_squared_error>=-5); repeatable; a miss exits with 1",
            AllowMultipleArgumentsPerToken = true,
        };
        var scoring = new Option<string>("--scoring") { Description = "The score --min-gain compares (scikit-learn's scoring names; default accuracy or r2)" };
        var minGain = new Option<double?>("--min-gain")
        {
            Description = "How far the --scoring score must exceed the baseline's (0: at least as good); a miss exits with 1",
        };
        foreach (var option in new Option[] { reportFolder, baseline, require, scoring, minGain, CliOutput.JsonOption }) command.Options.Add(option);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var output = new CliOutput(parseResult);
            var requirements = (parseResult.GetValue(require) ?? []).Select(Requirement.Parse).ToList();
            var gain = parseResult.GetValue(minGain);
            if (gain is not null && parseResult.GetValue(baseline) is null)
                throw new ArgumentException("--min-gain compares the model with a baseline: give --baseline MODEL too");
            if (parseResult.GetValue(scoring) is not null && gain is null)
                throw new ArgumentException("--scoring names the score --min-gain compares: give --min-gain too");

            using var argument = ModelArgument.Open(parseResult.GetValue(model)!, parseResult, cancellationToken);
            if (NeuralPrediction.IsNeuralPackage(argument.Path))
            {
                Option[] tabularOnly = [reportFolder, baseline, require, minGain];
                if (tabularOnly.FirstOrDefault(o => parseResult.GetResult(o) is not null) is { } given)
                    throw new ArgumentException($"{given.Name} works on tabular models; a network is scored on labelled images alone (its report comes from kiln nn train --report)");
                using var network = NeuralPackage.Load(argument.Path);
                var data = parseResult.GetValue(FrameInput.File)!;
                var networkScores = NeuralPrediction.Evaluate(network, data);
                if (output.IsJson) output.WriteJson(new { Model = argument.Label, networkScores.Target, networkScores.Classification });
                else TrainCommands.WriteScores(output, networkScores, $"{argument.Label} on {Path.GetFileName(Path.TrimEndingDirectorySeparator(data))}");
                return Task.FromResult(0);
            }
            var fitted = ModelPackage.Load(argument.Path);
            var (frame, path) = FrameInput.Read(parseResult, cancellationToken);
            var target = ModelTraining.TargetOf(fitted) ?? throw new ArgumentException($"{argument.Label} holds no classifier or regressor to score");
            if (!frame.HasColumn(target))
                throw new DataFormatException(path, null, target, "the model's target column is not in the file, so there is nothing to score against");
            var scores = ModelTraining.Evaluate(fitted, frame, target);
            var other = parseResult.GetValue(baseline) is { } text ? Baseline.Score(text, target, frame, parseResult, cancellationToken) : null;

            var checks = new List<Check>();
            foreach (var requirement in requirements)
            {
                var value = Score(fitted, requirement.Scoring, frame, target);
                checks.Add(new Check($"{requirement.Scoring} >= {F(requirement.Minimum)}", requirement.Scoring, value, null, value >= requirement.Minimum));
            }
            if (gain is { } least)
            {
                var name = parseResult.GetValue(scoring) ?? Scorers.DefaultFor(fitted)!;
                var (value, baselineValue) = (Score(fitted, name, frame, target), Score(other!.Model, name, frame, target));
                checks.Add(new Check($"{name} gain over the baseline >= {F(least)}", name, value, baselineValue, value - baselineValue >= least));
            }

            string? report = null;
            if (parseResult.GetValue(reportFolder) is { } folder)
            {
                Directory.CreateDirectory(folder);
                report = Path.Combine(folder, "report.html");
                EvaluationReport.Build(fitted, frame, target, path).Save(report);
            }
            var passed = checks.All(c => c.Passed);
            if (output.IsJson)
            {
                output.WriteJson(new
                {
                    Model = argument.Label, scores.Target, scores.Classification, scores.Regression, Report = report,
                    Baseline = other is null ? null : new { Model = other.Label, other.Scores.Classification, other.Scores.Regression },
                    Checks = checks, Passed = passed,
                });
            }
            else
            {
                TrainCommands.WriteScores(output, scores, $"{argument.Label} on {Path.GetFileName(path)}");
                if (other is not null) TrainCommands.WriteScores(output, other.Scores, $"baseline {other.Label} on {Path.GetFileName(path)}");
                if (checks.Count > 0) WriteChecks(output, checks);
                if (report is not null) output.Console.MarkupLineInterpolated($"report: {report}");
            }
            if (!passed)
            {
                var failed = checks.Where(c => !c.Passed).ToList();
                parseResult.InvocationConfiguration.Error.WriteLine(
                    $"kiln evaluate: {failed.Count} of {checks.Count} checks failed: {string.Join("; ", failed.Select(c => $"{c.Name} (got {F(c.Value)}{(c.Baseline is { } b ? $", baseline {F(b)}" : "")})"))}");
            }
            return Task.FromResult(passed ? 0 : CliFailure.ChecksFailed);
        });
        return command;
    }

    /// <summary>A score the model must reach: <c>SCORE>=VALUE</c>.</summary>
    sealed record Requirement(string Scoring, double Minimum)
    {
        public static Requirement Parse(string text)
        {
            var at = text.IndexOf(">=", StringComparison.Ordinal);
            if (at <= 0 || !double.TryParse(text[(at + 2)..].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var minimum))
                throw new ArgumentException($"--require '{text}': write SCORE>=VALUE, such as accuracy>=0.8 (scores are greater-is-better; errors are negated "
                    + "as in scikit-learn: neg_root_mean_squared_error>=-5)");
            var scoring = text[..at].Trim();
            Scorers.Get(scoring);
            return new Requirement(scoring, minimum);
        }
    }

    /// <summary>The baseline model, what output calls it, and its scores on the same rows.</summary>
    sealed record Baseline(IModel Model, string Label, Evaluation Scores)
    {
        public static Baseline Score(string text, string target, Frame frame, ParseResult parseResult, CancellationToken cancellationToken)
        {
            using var argument = ModelArgument.Open(text, parseResult, cancellationToken);
            var model = ModelPackage.Load(argument.Path);
            if (ModelTraining.TargetOf(model) is not { } predicted || predicted != target)
                throw new ArgumentException($"--baseline {argument.Label} does not predict '{target}' as the model does, so the two cannot be compared");
            return new Baseline(model, argument.Label, ModelTraining.Evaluate(model, frame, target));
        }
    }

    /// <summary>One check and how it went; <see cref="Baseline"/> is the baseline's score when the check compares with it.</summary>
    sealed record Check(string Name, string Scoring, double Value, double? Baseline, bool Passed);

    static double Score(IModel model, string scoring, Frame frame, string target) =>
        Scorers.Get(scoring).Score(model as IPredictorModel ?? throw new ArgumentException("the model does not predict, so it has no score"),
            frame.Drop(target), frame[target]);

    static void WriteChecks(CliOutput output, IReadOnlyList<Check> checks)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("checks").AddColumns("check", "model", "baseline", "result");
        foreach (var check in checks)
            table.AddRow(Markup.Escape(check.Name), F(check.Value), check.Baseline is { } b ? F(b) : "", check.Passed ? "[green]passed[/]" : "[red]FAILED[/]");
        output.Console.Write(table);
    }

    static string F(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
