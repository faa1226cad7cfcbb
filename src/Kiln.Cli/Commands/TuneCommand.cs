using System.CommandLine;
using System.Globalization;
using Kiln.Data;
using Kiln.Learn;
using Kiln.Learn.ModelSelection;
using Kiln.Learn.Training;
using Kiln.Plots;
using Spectre.Console;

namespace Kiln.Cli.Commands;

/// <summary>
/// <c>kiln tune</c>: searches a model's hyperparameters by cross-validation on most of a file (grid, random or Bayesian
/// search), compares the tuned model with the default one on held-out rows, saves the tuned model as a package, loads it
/// back to check that it predicts exactly as before, and writes the search table and charts into a report folder.
/// </summary>
public static class TuneCommand
{
    const string JsonFile = "tune.json";
    const int ShownCandidates = 10;

    public static Command Create()
    {
        var search = new Option<string>("--search") { Description = "How candidates are chosen: grid, random or bayes (TPE with early stopping of hopeless candidates)", DefaultValueFactory = _ => "bayes" };
        var space = new Option<string>("--space")
        {
            Description = "What to search, as name=v1,v2;name=log(1e-4,1);name=int(1,50);name=uniform(0,1) (default: the catalog's ranges for the model)",
        };
        var trials = new Option<int?>("--trials") { Description = "Candidates a random or Bayesian search tries (default 20 random, 30 bayes)" };
        var gridPoints = new Option<int>("--grid-points") { Description = "Values a grid takes from each range of the space", DefaultValueFactory = _ => 3 };
        var testSize = new Option<double>("--test-size") { Description = "Share of the rows held out to compare the tuned and default models", DefaultValueFactory = _ => 0.2 };
        var outPath = new Option<string>("--out") { Description = "The tuned model package to write (.kiln)", Required = true };
        var report = new Option<string>("--report") { Description = "The folder for the search table and charts (default: beside the package, NAME-tune)" };
        var command = DataCommands.Reading("tune", "Tune a model's hyperparameters by cross-validated search and save the best model as a package");
        ModelOptions.AddTo(command);
        foreach (var option in new Option[] { search, space, trials, gridPoints, ModelOptions.Folds, ModelOptions.Scoring, testSize, outPath, report })
            command.Options.Add(option);
        TrackingOptionsCli.AddRecordingOptions(command);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var output = new CliOutput(parseResult);
            var log = output.IsJson ? TextWriter.Null : parseResult.InvocationConfiguration.Error;
            var package = Path.GetFullPath(parseResult.GetValue(outPath)!);
            var folder = Path.GetFullPath(parseResult.GetValue(report) ?? Path.Combine(Path.GetDirectoryName(package)!, Path.GetFileNameWithoutExtension(package) + "-tune"));
            var seed = parseResult.GetValue(ModelOptions.Seed) ?? 0;
            var (frame, path) = FrameInput.Read(parseResult, cancellationToken);
            var setup = ModelTraining.Prepare(frame, path, parseResult.GetValue(ModelOptions.Target)!, parseResult.GetValue(ModelOptions.Model)!,
                ModelOptions.ParameterValues(parseResult), seed);
            setup.RequireSupervised("tuning");
            var searchSpace = parseResult.GetValue(space) is { } text ? SearchSpace.Parse(text, setup.Pipeline) : SearchSpace.Default(setup.Pipeline);
            var searcher = Searcher(parseResult.GetValue(search)!, searchSpace, parseResult.GetValue(trials), parseResult.GetValue(gridPoints), seed);
            var options = new TuningOptions
            {
                TestSize = parseResult.GetValue(testSize), Folds = ModelOptions.FoldCount(parseResult), Scoring = parseResult.GetValue(ModelOptions.Scoring), Seed = seed,
            };
            log.WriteLine($"tune: {searcher.Method} search of {setup.Entry.Name} over {searchSpace}");
            var fingerprint = DataFingerprint.Of(frame);
            using var tracked = CommandRun.Start(parseResult, $"tune {setup.Entry.Name}", seed, fingerprint, cancellationToken);
            var result = ModelTuning.Tune(setup, searcher, options, new ProgressLine(log, "tune"), cancellationToken);

            ModelPackage.Save(result.TunedModel, package, new PackageInfo
            {
                Metrics = result.After.Evaluation.Summary(), DataFingerprint = fingerprint, Seed = seed,
            });
            var run = new TuneRun(result, setup, searchSpace.ToString(), package, folder, VerifyPackage(result, package));
            ReportFolder.Write(folder, JsonFile, "tune", staging => WriteReport(run, staging), cancellationToken);
            Record(tracked, run, path);
            if (output.IsJson) output.WriteJson(Summary(run));
            else Print(output, run);
            return Task.FromResult(0);
        });
        return command;
    }

    /// <summary>One finished tuning: the result, what was tuned over which space, where the package and report went, and how many held-out rows the reloaded package was checked on.</summary>
    sealed record TuneRun(TuningResult Result, TrainingSetup Setup, string Space, string Package, string Folder, int VerifiedRows);

    /// <summary>The tuning as one tracked run: the search settings and best parameters, the scores before and after, the package and the report.</summary>
    static void Record(CommandRun tracked, TuneRun run, string data)
    {
        if (tracked.RunId is null) return;
        var r = run.Result;
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["model"] = run.Setup.Entry.Name, ["target"] = run.Setup.Target.Name, ["search"] = r.Search.Method, ["space"] = run.Space,
            ["scoring"] = r.Search.Scoring[0], ["cv"] = r.Search.FoldCount.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (name, value) in r.Search.BestParameters) parameters["best." + name] = SearchSpace.Format(value);
        tracked.LogParams(parameters);
        tracked.SetTags(new Dictionary<string, string> { ["kiln.command"] = "tune", ["kiln.data"] = data });
        tracked.LogMetrics(new Dictionary<string, double>
        {
            ["best_cv_score"] = r.Search.BestScore, ["default_cv_score"] = r.Baseline.MeanTestScore(),
            ["held_out_before"] = r.Before.Score, ["held_out_after"] = r.After.Score, ["search_seconds"] = r.Search.Seconds,
        });
        foreach (var candidate in r.Search.Candidates)
            tracked.LogMetrics(new Dictionary<string, double> { ["candidate_score"] = candidate.MeanTestScore }, step: candidate.Index);
        tracked.LogModelPackage(run.Package);
        tracked.LogArtifact(run.Folder);
        tracked.Finish();
    }

    /// <summary>The library's search by name, its errors naming the command's options.</summary>
    static ParameterSearch Searcher(string method, SearchSpace space, int? trials, int gridPoints, long seed)
    {
        try
        {
            return ParameterSearch.Create(method, space, trials, gridPoints, seed);
        }
        catch (ArgumentException e)
        {
            // the library names its settings (search, trials, grid points); the command names its options
            throw new ArgumentException("--" + e.Message.Replace("grid points", "grid-points", StringComparison.Ordinal), e);
        }
    }

    /// <summary>Loads the package just written and requires the same predictions (and probabilities) on the held-out rows as the model in memory.</summary>
    static int VerifyPackage(TuningResult result, string package)
    {
        var loaded = ModelPackage.Load(package);
        var rows = result.TestFeatures;
        var expected = ((IPredictorModel)result.TunedModel).Predict(rows);
        var actual = ((IPredictorModel)loaded).Predict(rows);
        for (var i = 0; i < rows.RowCount; i++)
            if (!Equals(expected.GetValue(i), actual.GetValue(i)))
                throw Mismatch(package, $"predicts {actual.Format(i)} for held-out row {i} where the tuned model predicted {expected.Format(i)}");
        if (result.TunedModel is IClassifierModel classifier && loaded is IClassifierModel reloaded
            && result.TunedModel is not Kiln.Learn.Compose.PipelineModel { Role: not EstimatorRole.Classifier })
        {
            var (before, after) = (classifier.PredictProbabilities(rows), reloaded.PredictProbabilities(rows));
            for (var c = 0; c < before.ColumnCount; c++)
                if (!before[c].AsFloat64().Values.SequenceEqual(after[c].AsFloat64().Values))
                    throw Mismatch(package, $"gives other probabilities of class '{before[c].Name}' than the tuned model");
        }
        return rows.RowCount;
    }

    static InvalidOperationException Mismatch(string package, string what)
    {
        File.Delete(package);
        return new InvalidOperationException($"the saved package {what}, so it was removed; please report this");
    }

    static string Parameters(IReadOnlyDictionary<string, object?> parameters) => SearchSpace.Describe(parameters);

    static string F(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    static object Summary(TuneRun run)
    {
        var r = run.Result;
        return new
        {
            Model = run.Setup.Entry.Name, Search = r.Search.Method, run.Space,
            Scoring = r.Search.Scoring[0], Folds = r.Search.FoldCount, r.TrainRows, TestRows = r.TestFeatures.RowCount,
            Candidates = r.Search.Candidates.Count, Pruned = r.Search.PrunedCount, BestParameters = Readable(r.Search.BestParameters),
            BestScore = r.Search.BestScore, BestStd = r.Search.Best.StdTestScore,
            DefaultScore = r.Baseline.MeanTestScore(), DefaultStd = r.Baseline.StdTestScore(),
            HeldOut = new { Before = r.Before.Score, After = r.After.Score, BeforeScores = r.Before.Evaluation, AfterScores = r.After.Evaluation },
            r.Improved, r.Verdict, run.Package, run.VerifiedRows, Report = run.Folder, r.Search.Seconds,
            Top = r.Search.Candidates.OrderBy(c => c.Rank).Take(ShownCandidates).Select(c => new
            {
                c.Rank, Parameters = Readable(c.Parameters), Mean = c.MeanTestScore, Std = c.StdTestScore, c.Pruned,
                FitSeconds = c.Scores.MeanFitSeconds,
            }),
        };
    }

    static Dictionary<string, string> Readable(IReadOnlyDictionary<string, object?> parameters) =>
        parameters.ToDictionary(p => p.Key, p => SearchSpace.Format(p.Value));

    static void Print(CliOutput output, TuneRun run)
    {
        var (r, setup) = (run.Result, run.Setup);
        var search = r.Search;
        var scoring = search.Scoring[0];
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"{search.Method} search of {setup.Entry.Name}: {search.Candidates.Count} candidates × {search.FoldCount} folds" +
                (search.PrunedCount > 0 ? $", {search.PrunedCount} stopped early" : "") + $", {search.Seconds:F1} s")
            .AddColumns("rank", "parameters", $"mean {scoring}", "± std", "fit s");
        foreach (var c in search.Candidates.OrderBy(c => c.Rank).Take(ShownCandidates))
            table.AddRow(c.Rank.ToString(CultureInfo.InvariantCulture), Markup.Escape(Parameters(c.Parameters)) + (c.Pruned ? " (stopped)" : ""),
                F(c.MeanTestScore), F(c.StdTestScore), c.Scores.MeanFitSeconds.ToString("F2", CultureInfo.InvariantCulture));
        output.Console.Write(table);
        output.Writer.WriteLine($"best: {Parameters(search.BestParameters)}");
        output.Writer.WriteLine($"defaults: cross-validated {scoring} {F(r.Baseline.MeanTestScore())} ± {F(r.Baseline.StdTestScore())}; " +
            $"held-out {F(r.Before.Score)} before tuning, {F(r.After.Score)} after ({r.TestFeatures.RowCount:N0} rows)");
        output.Writer.WriteLine(r.Verdict);
        output.Writer.WriteLine($"saved {run.Package} (reloaded: the same predictions on all {run.VerifiedRows:N0} held-out rows)");
        output.Writer.WriteLine(run.Folder);
    }

    static void WriteReport(TuneRun run, string folder)
    {
        var (r, setup) = (run.Result, run.Setup);
        var search = r.Search;
        var scoring = search.Scoring[0];
        search.Table().WriteCsv(Path.Combine(folder, "search-results.csv"));
        var ranked = search.Candidates.OrderBy(c => c.Rank).ToList();
        var candidates = ModelCharts.ModelComparison([.. ranked.Select(c => $"#{c.Index} {Parameters(c.Parameters)}")],
            [.. ranked.Select(c => c.MeanTestScore)], [.. ranked.Select(c => c.StdTestScore)], $"mean {scoring} over {search.FoldCount} folds (± std)");
        candidates.Title = "Search candidates, best first";
        candidates.Save(Path.Combine(folder, "candidates.png"));
        var history = HistoryChart(search, scoring);
        history.Save(Path.Combine(folder, "search-history.png"));

        var html = new HtmlReport($"Tuning {setup.Entry.Name} for {setup.Target.Name}");
        html.KeyValues(("model", setup.Entry.Name), ("search", $"{search.Method}: {search.Candidates.Count} candidates × {search.FoldCount} folds, {search.PrunedCount} stopped early"),
            ("rows", $"{r.TrainRows:N0} searched on, {r.TestFeatures.RowCount:N0} held out"), ("best parameters", Parameters(search.BestParameters)),
            ("space", run.Space), ("package", $"{Path.GetFileName(run.Package)} (reloaded: same predictions on {run.VerifiedRows:N0} held-out rows)"));
        html.Heading("Verdict").Paragraph(r.Verdict)
            .Table(["model", $"cross-validated {scoring}", "± std", $"held-out {scoring}"],
                [["defaults", F(r.Baseline.MeanTestScore()), F(r.Baseline.StdTestScore()), F(r.Before.Score)],
                 ["tuned", F(search.BestScore), F(search.Best.StdTestScore), F(r.After.Score)]]);
        html.Heading("Candidates")
            .Paragraph("Each candidate's mean score over the folds, with a whisker of one standard deviation. Candidates stopped early " +
                "(their running mean fell below the median of earlier candidates) are scored on the folds they ran.")
            .Chart(candidates)
            .Table(["rank", "parameters", "mean", "± std", "folds", "fit s"], ranked.Take(25).Select(c => (IReadOnlyList<string>)[
                c.Rank.ToString(CultureInfo.InvariantCulture), Parameters(c.Parameters), F(c.MeanTestScore), F(c.StdTestScore),
                c.Scores.Folds.Count.ToString(CultureInfo.InvariantCulture), c.Scores.MeanFitSeconds.ToString("F2", CultureInfo.InvariantCulture)]));
        html.Heading("Search history").Paragraph("Each candidate's score in the order tried, and the best so far.").Chart(history);
        foreach (var dimension in search.Candidates[0].Parameters.Keys)
        {
            var chart = ParameterChart(search, dimension, scoring);
            var file = $"parameter-{string.Concat(dimension.Select(ch => char.IsLetterOrDigit(ch) ? ch : '-'))}.png";
            chart.Save(Path.Combine(folder, file));
            html.Heading($"Score against {dimension}", 3).Chart(chart);
        }
        AtomicFile.WriteAllText(Path.Combine(folder, JsonFile), CliOutput.ToJson(Summary(run)));
        html.Save(Path.Combine(folder, "index.html"));
    }

    static Chart HistoryChart(SearchResult search, string scoring)
    {
        var xs = search.Candidates.Select(c => (double)c.Index + 1).ToArray();
        var scores = search.Candidates.Select(c => c.MeanTestScore).ToArray();
        var best = new double[scores.Length];
        var running = double.NegativeInfinity;
        for (var i = 0; i < best.Length; i++)
        {
            // a stopped candidate's partial mean is not a result to beat
            if (!search.Candidates[i].Pruned) running = Math.Max(running, scores[i]);
            best[i] = double.IsNegativeInfinity(running) ? scores[i] : running;
        }
        return new Chart("Search history") { XLabel = "candidate", YLabel = $"mean {scoring}" }
            .Scatter(xs, scores, "candidate")
            .Line(xs, best, "best so far");
    }

    /// <summary>Mean score against one parameter: a scatter for numbers (on a log axis when they span decades), bars of the best score per value otherwise.</summary>
    static Chart ParameterChart(SearchResult search, string parameter, string scoring)
    {
        var values = search.Candidates.Select(c => c.Parameters[parameter]).ToArray();
        var scores = search.Candidates.Select(c => c.MeanTestScore).ToArray();
        if (values.All(v => v is int or long or double or float))
        {
            var xs = values.Select(v => Convert.ToDouble(v, CultureInfo.InvariantCulture)).ToArray();
            var logarithmic = xs.All(x => x > 0) && xs.Max() / xs.Min() >= 100;
            return new Chart($"Score against {parameter}") { XLabel = logarithmic ? $"log10({parameter})" : parameter, YLabel = $"mean {scoring}" }
                .Scatter(logarithmic ? [.. xs.Select(Math.Log10)] : xs, scores);
        }
        var labels = values.Select(SearchSpace.Format).Distinct().ToArray();
        var best = labels.Select(label => Enumerable.Range(0, values.Length).Where(i => SearchSpace.Format(values[i]) == label).Max(i => scores[i])).ToArray();
        return new Chart($"Best score for each {parameter}") { XLabel = parameter, YLabel = $"best mean {scoring}" }.Bar(labels, best);
    }
}
