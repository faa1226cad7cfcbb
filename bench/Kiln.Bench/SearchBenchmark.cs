using System.Diagnostics;
using Kiln.Data;
using Kiln.Learn.Ensemble;
using Kiln.Learn.ModelSelection;
using static Kiln.Bench.Timing;

namespace Kiln.Bench;

/// <summary>
/// Kiln's side of bench/search-vs-sklearn.sh: a grid search of the 20 random-forest candidates bench/search_sklearn.py
/// searches, with 5 stratified folds, accuracy, and the refit of the best. Prints the wall and CPU seconds of the
/// search (CPU of every thread of the process), their ratio as "search.cpu_use", and the best mean accuracy.
/// </summary>
public static class SearchBenchmark
{
    const string Grid = "max-depth=4,8,12,16,none;max-features=sqrt,0.5;min-samples-leaf=1,4";

    public static void Run(string path, int trees)
    {
        var frame = Frame.ReadCsv(path);
        var features = frame.Select([.. Enumerable.Range(0, 20).Select(i => $"f{i}")]);
        var target = frame["class"];
        var forest = new RandomForestClassifier { NEstimators = trees };
        var search = new GridSearch(SearchSpace.Parse(Grid, forest));
        var options = new CrossValidationOptions { Splitter = new StratifiedKFold(5), Scoring = ["accuracy"] };

        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = search.Run(forest, features, target, options);
        var wall = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;

        Report("search.wall", wall);
        Report("search.cpu", cpuSeconds);
        Report("search.cpu_use", cpuSeconds / wall);
        Report("search.best_score", result.BestScore);
        Report("search.candidates", result.Candidates.Count);
        Console.Error.WriteLine($"best parameters: {SearchSpace.Describe(result.BestParameters)}");
    }
}
