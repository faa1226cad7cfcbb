using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Kiln.Data;
using Kiln.Learn;
using Kiln.Learn.Boosting;
using Kiln.Learn.Compose;
using Kiln.Learn.Inspection;
using Kiln.Learn.Metrics;
using Kiln.Learn.Trees;
using Kiln.Learn.Training;
using Kiln.Plots;
using Spectre.Console;

namespace Kiln.Cli.Commands;

/// <summary>
/// <c>kiln explain</c>: what drives a model package's predictions on a labelled file — permutation importance of the raw
/// columns for any model, and for tree models impurity importances, exact SHAP values and (for one tree) the tree
/// itself — written as charts, JSON and one HTML page into a folder that appears whole or not at all.
/// </summary>
public static class ExplainCommand
{
    const string JsonFile = "explanation.json";
    const int DiagramDepth = 4;

    public static Command Create()
    {
        var outPath = new Option<string>("--out") { Description = "The folder to write the explanation into (replaced if an earlier explain wrote it)", Required = true };
        var target = new Option<string>("--target") { Description = "The target column (default: the one the model was trained on)" };
        var repeats = new Option<int>("--repeats") { Description = "How often each column is shuffled for permutation importance", DefaultValueFactory = _ => 5 };
        var rows = new Option<int?>("--rows") { Description = "Measure permutation importance on a random sample of this many rows (default: all)" };
        var shapRows = new Option<int>("--shap-rows") { Description = "How many rows (a random sample) to compute SHAP values for", DefaultValueFactory = _ => 200 };
        var seed = new Option<long>("--seed") { Description = "Seed for the row samples and the shuffles", DefaultValueFactory = _ => 0 };
        var scoring = new Option<string>("--scoring") { Description = "The score whose drop is measured (scikit-learn's scoring names; default accuracy or r2; e.g. f1_macro, roc_auc, neg_mean_absolute_error)" };
        var top = new Option<int>("--top") { Description = "How many features the charts and the printed table show", DefaultValueFactory = _ => RankingChart.DefaultTop };
        var command = new Command("explain", "Explain a model on a labelled file: permutation importance, and for tree models SHAP values and the tree");
        var package = ModelArgument.AddTo(command);
        FrameInput.AddTo(command);
        foreach (var option in new Option[] { outPath, target, repeats, rows, shapRows, seed, scoring, top, CliOutput.JsonOption }) command.Options.Add(option);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var output = new CliOutput(parseResult);
            using var argument = ModelArgument.Open(parseResult.GetValue(package)!, parseResult, cancellationToken);
            var request = new Request(
                argument.Label, Path.GetFullPath(parseResult.GetValue(outPath)!), parseResult.GetValue(target),
                Positive(parseResult.GetValue(repeats), "--repeats"), parseResult.GetValue(rows) is { } r ? Positive(r, "--rows") : null,
                Positive(parseResult.GetValue(shapRows), "--shap-rows"), parseResult.GetValue(seed), parseResult.GetValue(scoring), Positive(parseResult.GetValue(top), "--top"));
            var log = output.IsJson ? TextWriter.Null : parseResult.InvocationConfiguration.Error;
            var model = ModelPackage.Load(argument.Path);
            if (Scorers.DefaultFor(model) is null)
                throw new ArgumentException($"{request.Model} holds no classifier or regressor, so there are no predictions to explain");
            var (frame, path) = FrameInput.Read(parseResult, cancellationToken);
            var targetName = request.Target ?? ModelTraining.TargetOf(model)
                ?? throw new ArgumentException("the package does not record its target column; name it with --target");
            if (!frame.HasColumn(targetName))
                throw new DataFormatException(path, null, targetName,
                    request.Target is null ? "the model's target column is not in the file; name another with --target" : "the --target column is not in the file");
            var explanation = Explain(model, frame, targetName, request, log, cancellationToken);
            ReportFolder.Write(request.Out, JsonFile, "explain", folder => WriteFiles(explanation, request, folder, cancellationToken), cancellationToken);
            if (output.IsJson) output.WriteJson(explanation.Summary(request.Out));
            else Print(output, explanation, request);
            return Task.FromResult(0);
        });
        return command;
    }

    sealed record Request(string Model, string Out, string? Target, int Repeats, int? Rows, int ShapRows, long Seed, string? Scoring, int Top);

    static int Positive(int value, string option) =>
        value >= 1 ? value : throw new ArgumentException($"{option} must be at least 1, not {value}");

    static IModel FinalOf(IModel model) => model is PipelineModel pipeline ? pipeline.Final : model;

    /// <summary>Everything the explanation holds, computed before anything is written.</summary>
    sealed record Explanation(string Model, string Target, int Rows, PermutationImportanceResult Permutation,
        TreeExplanation? Trees, string? TreesSkipped)
    {
        public object Summary(string folder) => new
        {
            Folder = folder, Model, Target, Rows, Permutation.Scoring, Permutation.BaselineScore,
            Top = Permutation.Ranked.Select(c => new { c.Column, c.Mean, c.StandardDeviation }),
            Shap = Trees is null ? null : new { Trees.Shap.RowCount, ExpectedValue = Trees.Shap.ExpectedValue },
            ShapSkipped = TreesSkipped,
        };
    }

    /// <summary>What a tree model adds: importances over its prepared input features, SHAP values of sampled rows, and the tree when there is one.</summary>
    sealed record TreeExplanation(IReadOnlyList<string> Features, double[] Impurity, ShapValues Shap, double[][] ShapFeatureValues,
        int[] ShapRows, FittedTree? Tree, IReadOnlyList<string>? Classes, string? Dot, string? Text, bool RawScores);

    static Explanation Explain(IModel model, Frame frame, string target, Request request, TextWriter log, CancellationToken cancellationToken)
    {
        var name = model is PipelineModel pipeline ? EstimatorCatalog.NameOf(pipeline.Final.Estimator) : EstimatorCatalog.NameOf(model.Estimator);
        var labelled = frame[target].MissingCount > 0 ? frame.Filter(frame[target].PresentFlags()) : frame;
        var clock = Stopwatch.StartNew();
        log.WriteLine($"explain: permutation importance of {model.Schema.Columns.Count} columns × {request.Repeats} shuffles on {Math.Min(labelled.RowCount, request.Rows ?? int.MaxValue):N0} rows");
        var permutation = PermutationImportance.Compute(model, labelled, target,
            new PermutationOptions { Repeats = request.Repeats, MaxRows = request.Rows, Seed = request.Seed, Scoring = request.Scoring },
            new ProgressLine(log, "explain", "permutation importance"), cancellationToken);
        log.WriteLine($"explain: permutation importance done in {clock.Elapsed.TotalSeconds:F1} s");

        var final = FinalOf(model);
        if (TreeModels.EnsembleOf(final) is null)
            return new Explanation(name, target, labelled.RowCount, permutation, null,
                $"{name} is not a tree model; SHAP values are computed exactly only for decision trees, forests and gradient boosting, so only permutation importance is shown");

        clock.Restart();
        var sample = SampleRows(labelled.RowCount, request.ShapRows, request.Seed);
        var prepared = Prepare(model, labelled.Take(sample).Drop(target));
        log.WriteLine($"explain: SHAP values of {sample.Length:N0} rows");
        var shap = TreeExplainer.Explain(final, prepared, cancellationToken, new ProgressLine(log, "explain", "SHAP values"));
        log.WriteLine($"explain: SHAP values done in {clock.Elapsed.TotalSeconds:F1} s");
        var features = final.Schema.Names.ToArray();
        var values = TreeModels.FeatureValues(final, prepared);
        var (tree, classes, dot, text) = final switch
        {
            DecisionTreeClassifierModel c => (c.Tree, Labels(c.Classes), c.ExportGraphviz(), c.ExportText()),
            DecisionTreeRegressorModel r => (r.Tree, null, r.ExportGraphviz(), r.ExportText()),
            _ => ((FittedTree?)null, (IReadOnlyList<string>?)null, (string?)null, (string?)null),
        };
        return new Explanation(name, target, labelled.RowCount, permutation,
            new TreeExplanation(features, TreeModels.ImpurityImportances(final)!, shap, values, sample, tree, classes, dot, text,
                RawScores: final is GradientBoostingClassifierModel), null);
    }

    /// <summary>The rows as the package's last step sees them: through every preparation step before it.</summary>
    static Frame Prepare(IModel model, Frame rows)
    {
        if (model is not PipelineModel pipeline) return rows;
        var frame = pipeline.Schema.Check(rows, "pipeline");
        foreach (var step in pipeline.Steps.Take(pipeline.Steps.Count - 1))
            if (step.Model is ITransformerModel transformer and not IResamplingModel) frame = transformer.Transform(frame);
        return frame;
    }

    static string[] Labels(Column column) => [.. Enumerable.Range(0, column.Length).Select(column.Format)];

    /// <summary>Up to <paramref name="count"/> distinct rows drawn with the seed, in file order.</summary>
    static int[] SampleRows(int rows, int count, long seed)
    {
        var all = Enumerable.Range(0, rows).ToArray();
        if (count >= rows) return all;
        new Random(unchecked((int)(seed ^ (seed >> 32)))).Shuffle(all);
        var sample = all[..count];
        Array.Sort(sample);
        return sample;
    }

    static void WriteFiles(Explanation explanation, Request request, string folder, CancellationToken cancellationToken)
    {
        var permutation = explanation.Permutation;
        var report = new HtmlReport($"What drives {explanation.Model}'s predictions of {explanation.Target}");
        report.KeyValues(("model", $"{explanation.Model} ({Path.GetFileName(request.Model)})"), ("target", explanation.Target),
            ("labelled rows", explanation.Rows.ToString("N0", CultureInfo.InvariantCulture)),
            ("score", $"{permutation.Scoring} = {F(permutation.BaselineScore)} on {permutation.Rows:N0} rows"));

        var permutationChart = new RankingChart($"Permutation importance (drop in {permutation.Scoring})",
            [.. permutation.Columns.Select(c => c.Column)], [.. permutation.Columns.Select(c => c.Mean)],
            [.. permutation.Columns.Select(c => c.StandardDeviation)], request.Top) { XLabel = $"mean drop in {permutation.Scoring} when the column is shuffled (± std over {permutation.Repeats} shuffles)" };
        permutationChart.SavePng(Path.Combine(folder, "permutation-importance.png"));
        report.Heading("Permutation importance")
            .Paragraph($"Each input column of the file was shuffled {permutation.Repeats} times, breaking its link with {explanation.Target}, and the model scored again. " +
                "The bar is the mean drop in the score, the whisker its standard deviation. A column near zero is one the model does not rely on " +
                "(or whose information another column also carries); a negative value means shuffling it happened to help, i.e. it is noise.")
            .Chart(permutationChart)
            .Table(["column", "mean drop", "std"], permutation.Ranked.Take(request.Top).Select(c => (IReadOnlyList<string>)[c.Column, F(c.Mean), F(c.StandardDeviation)]));
        cancellationToken.ThrowIfCancellationRequested();

        if (explanation.Trees is { } trees)
        {
            var impurity = new RankingChart("Impurity-based importance (mean decrease in impurity)", trees.Features, trees.Impurity, null, request.Top)
            { XLabel = "share of the total impurity decrease over all splits" };
            impurity.SavePng(Path.Combine(folder, "impurity-importance.png"));
            report.Heading("Impurity-based importance")
                .Paragraph("How much each feature the model sees (after preparation: one-hot columns are separate) reduced impurity over all the splits that use it, " +
                    "summing to one. It is computed on the training data and favours features with many distinct values; prefer permutation importance or SHAP when they disagree.")
                .Chart(impurity);

            var shap = trees.Shap;
            var meanAbsolute = shap.MeanAbsolute();
            var what = shap.SummaryOutput >= 0 ? OutputMeaning(trees, shap.SummaryOutput) : "the outputs (mean over classes)";
            var shapBars = new RankingChart($"Mean |SHAP| for {what}", [.. shap.FeatureNames], meanAbsolute, null, request.Top)
            { XLabel = "mean |SHAP value|: average change of the output the feature is responsible for" };
            shapBars.SavePng(Path.Combine(folder, "shap-importance.png"));
            var output = Math.Max(0, shap.SummaryOutput);
            var swarm = new ShapSummaryChart($"SHAP values for {OutputMeaning(trees, output)}", [.. shap.FeatureNames],
                [.. Enumerable.Range(0, shap.FeatureCount).Select(f => Enumerable.Range(0, shap.RowCount).Select(r => shap[r, f, output]).ToArray())],
                trees.ShapFeatureValues, request.Top);
            swarm.SavePng(Path.Combine(folder, "shap-beeswarm.png"));
            report.Heading("SHAP values")
                .Paragraph($"Exact TreeSHAP values of {shap.RowCount:N0} rows: for each row, how much each feature moved the prediction away from the average output " +
                    $"({string.Join(", ", Enumerable.Range(0, shap.OutputCount).Select(k => $"{shap.OutputNames[k]}: {F(shap.ExpectedValue[k])}"))}). " +
                    "The average plus a row's SHAP values is exactly the model's output for that row.")
                .Chart(shapBars)
                .Paragraph("Each dot is one row: right of zero the feature pushed the output up, left down; red dots are rows where the feature's value is high, blue low.")
                .Chart(swarm);
            cancellationToken.ThrowIfCancellationRequested();

            if (trees.Tree is { } tree)
            {
                var diagram = new TreeDiagram(tree, trees.Features, trees.Classes, DiagramDepth);
                diagram.SavePng(Path.Combine(folder, "tree.png"));
                AtomicFile.WriteAllText(Path.Combine(folder, "tree.dot"), trees.Dot!);
                AtomicFile.WriteAllText(Path.Combine(folder, "tree.txt"), trees.Text!);
                report.Heading("The tree")
                    .Paragraph($"The fitted tree has depth {tree.Depth} and {tree.LeafCount} leaves" +
                        (tree.Depth > DiagramDepth ? $"; the picture shows its first {DiagramDepth} levels (boxes marked (…) continue), tree.txt and tree.dot hold all of it." : "."))
                    .Chart(diagram);
            }
        }
        else report.Note(explanation.TreesSkipped!);

        AtomicFile.WriteAllText(Path.Combine(folder, JsonFile), CliOutput.ToJson(Json(explanation)));
        report.Save(Path.Combine(folder, "index.html"));
    }

    /// <summary>What a SHAP output is: a class's probability, a boosted classifier's raw score (log-odds) of a class, or the prediction.</summary>
    static string OutputMeaning(TreeExplanation trees, int output)
    {
        var name = trees.Shap.OutputNames[output];
        if (trees.RawScores) return $"the raw score (log-odds) of class '{name}'";
        return trees.Shap.OutputCount == 1 ? $"the predicted {name}" : $"the probability of class '{name}'";
    }

    static object Json(Explanation e)
    {
        var p = e.Permutation;
        return new
        {
            e.Model, e.Target, e.Rows,
            PermutationImportance = new
            {
                p.Scoring, p.BaselineScore, p.Rows, p.Repeats, p.Seed,
                Columns = p.Columns.Select(c => new { c.Column, c.Mean, c.StandardDeviation, c.Drops }),
            },
            ImpurityImportance = e.Trees?.Features.Select((f, i) => new { Feature = f, Importance = e.Trees.Impurity[i] }),
            Shap = e.Trees is not { } t ? null : new
            {
                t.Shap.OutputNames, t.Shap.ExpectedValue, t.Shap.FeatureNames, t.ShapRows,
                MeanAbsolute = Enumerable.Range(0, t.Shap.OutputCount).Select(t.Shap.MeanAbsolute),
                // row × feature × output
                Values = Enumerable.Range(0, t.Shap.RowCount).Select(r => Enumerable.Range(0, t.Shap.FeatureCount)
                    .Select(f => Enumerable.Range(0, t.Shap.OutputCount).Select(k => t.Shap[r, f, k]))),
            },
            ShapSkipped = e.TreesSkipped,
            Tree = e.Trees?.Tree is { } tree ? new { tree.Depth, Leaves = tree.LeafCount, DiagramDepth } : null,
        };
    }

    static void Print(CliOutput output, Explanation explanation, Request request)
    {
        var p = explanation.Permutation;
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"permutation importance: drop in {p.Scoring} (baseline {F(p.BaselineScore)}, {p.Repeats} shuffles, {p.Rows:N0} rows)")
            .AddColumns("#", "column", "mean drop", "± std");
        var rank = 0;
        foreach (var c in p.Ranked.Take(request.Top)) table.AddRow((++rank).ToString(CultureInfo.InvariantCulture), Markup.Escape(c.Column), F(c.Mean), F(c.StandardDeviation));
        output.Console.Write(table);
        if (explanation.Trees is { } trees)
        {
            var mean = trees.Shap.MeanAbsolute();
            var shapTable = new Table().Border(TableBorder.Rounded).Title($"mean |SHAP| over {trees.Shap.RowCount:N0} rows").AddColumns("#", "feature", "mean |SHAP|");
            rank = 0;
            foreach (var f in Enumerable.Range(0, mean.Length).OrderByDescending(f => mean[f]).Take(Math.Min(request.Top, 10)))
                shapTable.AddRow((++rank).ToString(CultureInfo.InvariantCulture), Markup.Escape(trees.Features[f]), F(mean[f]));
            output.Console.Write(shapTable);
        }
        else output.Writer.WriteLine($"SHAP skipped: {explanation.TreesSkipped}");
        output.Writer.WriteLine(request.Out);
    }

    static string F(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
