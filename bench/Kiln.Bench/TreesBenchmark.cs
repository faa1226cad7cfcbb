using Kiln.Data;
using Kiln.Learn.Ensemble;
using Kiln.Learn.Trees;
using static Kiln.Bench.Timing;

namespace Kiln.Bench;

/// <summary>
/// Kiln's side of bench/trees-vs-sklearn.sh: a decision tree and a random forest fitted on the first rows of the CSV and
/// predicting the last 50,000, as bench/trees_sklearn.py does. Prints "model.fit" and "model.predict" seconds and
/// "model.accuracy" on the held-out rows.
/// </summary>
public static class TreesBenchmark
{
    const int HeldOut = 50_000;

    public static void Run(string path, int runs, int trees)
    {
        var frame = Frame.ReadCsv(path);
        var features = frame.Select([.. Enumerable.Range(0, 40).Select(i => $"f{i}")]);
        var target = frame["class"];
        var trainRows = frame.RowCount - HeldOut;
        var (x, y) = (features.Slice(0, trainRows), target.Slice(0, trainRows));
        var (test, truth) = (features.Slice(trainRows, HeldOut), target.Slice(trainRows, HeldOut));

        var tree = new DecisionTreeClassifier();
        DecisionTreeClassifierModel? treeModel = null;
        Report("decision-tree.fit", Best(runs, () => treeModel = tree.Fit(x, y)));
        Measure("decision-tree", () => treeModel!.Predict(test), truth, runs);

        // a small forest warms up instead of a whole one, which would double a long run
        new RandomForestClassifier { NEstimators = 4 }.Fit(x, y);
        var forest = new RandomForestClassifier { NEstimators = trees };
        ForestClassifierModel? forestModel = null;
        var fastest = double.MaxValue;
        for (var run = 0; run < runs; run++)
        {
            GC.Collect();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            forestModel = forest.Fit(x, y);
            fastest = Math.Min(fastest, clock.Elapsed.TotalSeconds);
        }
        Report("random-forest.fit", fastest);
        Measure("random-forest", () => forestModel!.Predict(test), truth, runs);
    }

    static void Measure(string name, Func<Column> predict, Column truth, int runs)
    {
        Column? predicted = null;
        Report($"{name}.predict", Best(runs, () => predicted = predict()));
        var right = 0;
        for (var i = 0; i < truth.Length; i++) if (truth.Format(i) == predicted!.Format(i)) right++;
        Report($"{name}.accuracy", (double)right / truth.Length);
    }
}
