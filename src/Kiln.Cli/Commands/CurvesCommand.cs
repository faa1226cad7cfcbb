using System.CommandLine;
using System.Globalization;
using Kiln.Data;
using Kiln.Learn;
using Kiln.Learn.ModelSelection;
using Kiln.Learn.Training;
using Kiln.Plots;

namespace Kiln.Cli.Commands;

/// <summary>
/// <c>kiln curves</c>: a model's learning curve (training and validation score at 10% to 100% of the training rows) and,
/// for one hyperparameter, its validation curve, written as charts, JSON and an HTML page, with a one-line diagnosis of
/// under-fitting, over-fitting or whether more data would help, read from the numbers.
/// </summary>
public static class CurvesCommand
{
    const string JsonFile = "curves.json";
    const int DefaultCurvePoints = 6;

    public static Command Create()
    {
        var values = new Option<string>("--values") { Description = "The values of the --param NAME given without a value, comma-separated (default: points of the catalog's search range for it)" };
        var sizes = new Option<string>("--sizes") { Description = "Training sizes of the learning curve: fractions or row counts, comma-separated", DefaultValueFactory = _ => "0.1,0.25,0.5,0.75,1" };
        var outPath = new Option<string>("--out") { Description = "The folder for the charts and the report (default: MODEL-curves here; replaced if an earlier curves wrote it)" };
        var command = DataCommands.Reading("curves", "Learning and validation curves of a model on a file, with a diagnosis of under- or over-fitting");
        ModelOptions.AddTo(command);
        foreach (var option in new Option[] { values, sizes, ModelOptions.Folds, ModelOptions.Scoring, outPath }) command.Options.Add(option);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var output = new CliOutput(parseResult);
            var log = output.IsJson ? TextWriter.Null : parseResult.InvocationConfiguration.Error;
            var model = parseResult.GetValue(ModelOptions.Model)!;
            var folder = Path.GetFullPath(parseResult.GetValue(outPath) ?? $"{model}-curves");
            var seed = parseResult.GetValue(ModelOptions.Seed) ?? 0;
            // --param NAME (no value) names the hyperparameter of the validation curve; --param name=value fixes one
            var (fixedValues, varied) = ModelOptions.SplitParameters(parseResult);
            if (varied.Count > 1) throw new ArgumentException($"--param names one hyperparameter to vary, not {varied.Count} ({string.Join(", ", varied)})");
            var parameter = varied.SingleOrDefault();
            if (parseResult.GetValue(values) is not null && parameter is null)
                throw new ArgumentException("--values needs --param NAME, the hyperparameter they are values of");
            var (frame, path) = FrameInput.Read(parseResult, cancellationToken);
            var setup = ModelTraining.Prepare(frame, path, parseResult.GetValue(ModelOptions.Target)!, model, fixedValues, seed);
            setup.RequireSupervised("drawing curves");
            var classifier = setup.Entry.Role == EstimatorRole.Classifier;
            var folds = ModelOptions.FoldCount(parseResult);
            var validation = new CrossValidationOptions
            {
                Splitter = classifier ? new StratifiedKFold(folds, Shuffle: true, Seed: seed) : new KFold(folds, Shuffle: true, Seed: seed),
                Scoring = parseResult.GetValue(ModelOptions.Scoring) is { } scoring ? [scoring] : null,
            };

            log.WriteLine($"curves: learning curve of {setup.Entry.Name} on {setup.Table.RowCount:N0} rows, {folds} folds");
            var learning = LearningCurve.Compute(setup.Pipeline, setup.Features, setup.Target,
                new LearningCurveOptions { TrainSizes = Sizes(parseResult.GetValue(sizes)!), Shuffle = true, Seed = seed }, validation,
                new ProgressLine(log, "curves"), cancellationToken);
            ValidationCurveResult? curve = null;
            if (parameter is { } name)
            {
                var points = CurveValues(setup, name, parseResult.GetValue(values));
                log.WriteLine($"curves: validation curve of {name} over {string.Join(", ", points.Select(SearchSpace.Format))}");
                curve = ValidationCurve.Compute(setup.Pipeline, setup.Features, setup.Target, name, points, validation, new ProgressLine(log, "curves"), cancellationToken);
            }
            var run = new CurvesRun(setup, learning, CurveDiagnosis.Of(learning), curve, folder);
            ReportFolder.Write(folder, JsonFile, "curves", staging => WriteReport(run, staging), cancellationToken);
            if (output.IsJson) output.WriteJson(Summary(run));
            else
            {
                output.Writer.WriteLine(run.Diagnosis.Sentence);
                if (curve is not null) output.Writer.WriteLine(BestValueLine(curve));
                output.Writer.WriteLine(folder);
            }
            return Task.FromResult(0);
        });
        return command;
    }

    sealed record CurvesRun(TrainingSetup Setup, LearningCurveResult Learning, CurveDiagnosis Diagnosis, ValidationCurveResult? Validation, string Folder);

    static double[] Sizes(string text) =>
        [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(part =>
            double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var size) && size > 0
                ? size
                : throw new ArgumentException($"--sizes: '{part}' is not a fraction in (0, 1] or a row count"))];

    /// <summary>The values given, or evenly spaced points of the catalog's default search range for the parameter.</summary>
    static IReadOnlyList<object?> CurveValues(TrainingSetup setup, string parameter, string? values)
    {
        var text = values ?? (parameter.Contains("__", StringComparison.Ordinal) ? null : setup.Entry.Parameter(parameter).Search)
            ?? throw new ArgumentException($"--param {parameter}: the catalog has no default range for it, so give --values (for example --values 1,2,4,8)");
        return SearchSpace.Parse($"{parameter}={text}", setup.Pipeline).Dimensions[0].GridValues(DefaultCurvePoints);
    }

    static string BestValueLine(ValidationCurveResult curve)
    {
        var best = curve.BestIndex;
        return $"best {curve.Parameter}={SearchSpace.Format(curve.BestValue)}: validation {curve.Scoring} {F(curve.Scores.ValidationMean[best])} ± {F(curve.Scores.ValidationStd[best])}" +
            $" (training {F(curve.Scores.TrainingMean[best])})";
    }

    static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    static object Summary(CurvesRun run) => new
    {
        Model = run.Setup.Entry.Name, Target = run.Setup.Target.Name, Rows = run.Setup.Table.RowCount, run.Learning.Scoring,
        Diagnosis = new { Verdict = Kebab.Of(run.Diagnosis.Verdict.ToString()), run.Diagnosis.Sentence },
        Learning = new
        {
            run.Learning.TrainSizes, TrainingMean = run.Learning.Scores.TrainingMean, TrainingStd = run.Learning.Scores.TrainingStd,
            ValidationMean = run.Learning.Scores.ValidationMean, ValidationStd = run.Learning.Scores.ValidationStd,
        },
        Validation = run.Validation is not { } v ? null : new
        {
            v.Parameter, Values = v.Values.Select(SearchSpace.Format), Best = SearchSpace.Format(v.BestValue),
            TrainingMean = v.Scores.TrainingMean, TrainingStd = v.Scores.TrainingStd, ValidationMean = v.Scores.ValidationMean, ValidationStd = v.Scores.ValidationStd,
        },
        run.Folder,
    };

    static void WriteReport(CurvesRun run, string folder)
    {
        var learning = run.Learning;
        var learningChart = ModelCharts.LearningCurve([.. learning.TrainSizes.Select(s => (double)s)],
            new ScoreBand(learning.Scores.TrainingMean, learning.Scores.TrainingStd), new ScoreBand(learning.Scores.ValidationMean, learning.Scores.ValidationStd), learning.Scoring);
        learningChart.SavePng(Path.Combine(folder, "learning-curve.png"));
        learningChart.SaveSvg(Path.Combine(folder, "learning-curve.svg"));
        var html = new HtmlReport($"Learning curves of {run.Setup.Entry.Name} for {run.Setup.Target.Name}");
        html.KeyValues(("model", run.Setup.Entry.Name), ("rows", run.Setup.Table.RowCount.ToString("N0", CultureInfo.InvariantCulture)),
            ("score", learning.Scoring), ("folds", learning.Scores.Validation[0].Length.ToString(CultureInfo.InvariantCulture)));
        html.Heading("Diagnosis").Paragraph(run.Diagnosis.Sentence);
        html.Heading("Learning curve")
            .Paragraph("The model was fitted on growing shares of each fold's training rows and scored on those rows (training) and on the fold's held-out rows (validation); " +
                "bands are one standard deviation over folds. A wide gap that stays is over-fitting; two low curves that meet are under-fitting; a validation curve still rising at the right means more data would help.")
            .Chart(learningChart)
            .Table(["training rows", "training", "± std", "validation", "± std"], learning.TrainSizes.Select((size, i) => (IReadOnlyList<string>)[
                size.ToString("N0", CultureInfo.InvariantCulture), F(learning.Scores.TrainingMean[i]), F(learning.Scores.TrainingStd[i]),
                F(learning.Scores.ValidationMean[i]), F(learning.Scores.ValidationStd[i])]));
        if (run.Validation is { } curve)
        {
            var numeric = curve.Values.All(v => v is int or long or double or float);
            // values that are not all numbers (none, names) are drawn at their positions and listed in the axis label
            var xs = numeric ? curve.Values.Select(v => Convert.ToDouble(v, CultureInfo.InvariantCulture)).ToArray() : [.. Enumerable.Range(0, curve.Values.Count).Select(i => (double)i)];
            var label = numeric ? curve.Parameter : $"{curve.Parameter} ({string.Join(", ", curve.Values.Select((v, i) => $"{i}: {SearchSpace.Format(v)}"))})";
            var chart = ModelCharts.ValidationCurve(label, xs, new ScoreBand(curve.Scores.TrainingMean, curve.Scores.TrainingStd),
                new ScoreBand(curve.Scores.ValidationMean, curve.Scores.ValidationStd), curve.Scoring);
            chart.SavePng(Path.Combine(folder, "validation-curve.png"));
            chart.SaveSvg(Path.Combine(folder, "validation-curve.svg"));
            html.Heading($"Validation curve of {curve.Parameter}")
                .Paragraph($"{BestValueLine(curve)}. Where training keeps rising while validation falls, the model over-fits; where both are low, it under-fits.")
                .Chart(chart)
                .Table([curve.Parameter, "training", "± std", "validation", "± std"], curve.Values.Select((value, i) => (IReadOnlyList<string>)[
                    SearchSpace.Format(value), F(curve.Scores.TrainingMean[i]), F(curve.Scores.TrainingStd[i]), F(curve.Scores.ValidationMean[i]), F(curve.Scores.ValidationStd[i])]));
        }
        AtomicFile.WriteAllText(Path.Combine(folder, JsonFile), CliOutput.ToJson(Summary(run)));
        html.Save(Path.Combine(folder, "index.html"));
    }
}
