using System.Globalization;
using System.Text.Json;
using Kiln.Data;
using Kiln.Testing;

namespace Kiln.Learn.Tests;

/// <summary>
/// The datasets and scikit-learn 1.2 results that bench/compare/neighbors_naive_bayes_fixtures.py records: train/test
/// splits of scikit-learn's bundled datasets and, per case, scikit-learn's held-out score, predictions and probabilities.
/// </summary>
public static class ScikitLearnFixtures
{
    static readonly string Folder = Locate();

    public sealed record Split(Frame TrainFeatures, Column TrainTarget, Frame TestFeatures, Column TestTarget);

    public sealed record Case(string Dataset, string Estimator, Dictionary<string, object?> Parameters, double Score,
        double[]? Predictions, double[][]? Probabilities)
    {
        public override string ToString() =>
            $"{Estimator} {string.Join(" ", Parameters.Select(p => $"{p.Key}={p.Value}"))} on {Dataset}";
    }

    /// <summary>The recorded cases of one file (neighbors-expected.json or naive-bayes-expected.json).</summary>
    public static IReadOnlyList<Case> Cases(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, file)));
        var cases = new List<Case>();
        foreach (var item in document.RootElement.GetProperty("cases").EnumerateArray())
        {
            var parameters = item.GetProperty("parameters").EnumerateObject()
                .ToDictionary(p => p.Name, p => (object?)(p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText()));
            var predictions = item.TryGetProperty("predictions", out var p) ? p.EnumerateArray().Select(v => v.GetDouble()).ToArray() : null;
            var probabilities = item.TryGetProperty("probabilities", out var q)
                ? q.EnumerateArray().Select(row => row.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray()
                : null;
            cases.Add(new Case(item.GetProperty("dataset").GetString()!, item.GetProperty("estimator").GetString()!, parameters,
                item.GetProperty("score").GetDouble(), predictions, probabilities));
        }
        return cases;
    }

    /// <summary>The positions of the cases on scikit-learn's bundled datasets, or of those on letter-recognition.</summary>
    public static TheoryData<int> CaseIndices(IReadOnlyList<Case> cases, bool letterRecognition) =>
        [.. Enumerable.Range(0, cases.Count).Where(i => (cases[i].Dataset == "letter-recognition") == letterRecognition)];

    /// <summary>A recorded dataset, or letter-recognition from ../shared (first 16,000 rows to train, last 4,000 to test) — skipped when absent.</summary>
    public static Split Load(string dataset, bool regression = false) =>
        dataset == "letter-recognition" ? Letters() : FromCsv(Path.Combine(Folder, $"neighbors-{dataset}.csv"), regression);

    static Split FromCsv(string path, bool regression)
    {
        var lines = File.ReadAllLines(path);
        var width = lines[0].Split(',').Length - 2;
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        Split Part(string split)
        {
            var part = rows.Where(r => r[^1] == split).ToArray();
            var columns = Enumerable.Range(0, width)
                .Select(j => (Column)new Float64Column($"f{j}", [.. part.Select(r => double.Parse(r[j], CultureInfo.InvariantCulture))]))
                .ToArray();
            Column target = regression
                ? new Float64Column("target", [.. part.Select(r => double.Parse(r[^2], CultureInfo.InvariantCulture))])
                : new Int64Column("target", [.. part.Select(r => long.Parse(r[^2], CultureInfo.InvariantCulture))]);
            return new Split(new Frame(columns), target, new Frame(columns), target);
        }
        var (train, test) = (Part("train"), Part("test"));
        return new Split(train.TrainFeatures, train.TrainTarget, test.TrainFeatures, test.TrainTarget);
    }

    static Split Letters()
    {
        var path = SharedFolder.RequireDataset("letter-recognition/letter-recognition.data");
        var rows = File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => l.Split(',')).ToArray();
        Split Part(IEnumerable<string[]> part)
        {
            var array = part.ToArray();
            var columns = Enumerable.Range(1, 16)
                .Select(j => (Column)new Float64Column($"f{j - 1}", [.. array.Select(r => double.Parse(r[j], CultureInfo.InvariantCulture))]))
                .ToArray();
            Column target = new Int64Column("target", [.. array.Select(r => (long)(r[0][0] - 'A'))]);
            return new Split(new Frame(columns), target, new Frame(columns), target);
        }
        var (train, test) = (Part(rows.Take(16000)), Part(rows.Skip(16000)));
        return new Split(train.TrainFeatures, train.TrainTarget, test.TrainFeatures, test.TrainTarget);
    }

    /// <summary>Fits the case's estimator on the training rows and checks the held-out score is within one point of scikit-learn's.</summary>
    public static IModel FitAndCompareScore(Case expected, Split data)
    {
        var estimator = EstimatorCatalog.Create(expected.Estimator, expected.Parameters);
        var model = estimator.Fit(data.TrainFeatures, data.TrainTarget);
        var predicted = ((IPredictorModel)model).Predict(data.TestFeatures).AsFloat64().Values.ToArray();
        var actual = data.TestTarget.AsFloat64().Values.ToArray();
        var score = data.TestTarget is Float64Column ? RSquared(actual, predicted) : Accuracy(actual, predicted);
        Assert.True(Math.Abs(score - expected.Score) <= 0.01, $"{expected}: held-out score {score:F4}, scikit-learn {expected.Score:F4}");
        if (expected.Predictions is { } reference)
        {
            var agree = Enumerable.Range(0, reference.Length).Count(i => Math.Abs(reference[i] - predicted[i]) <= 1e-6 * Math.Max(1, Math.Abs(reference[i])));
            Assert.True(agree >= 0.97 * reference.Length, $"{expected}: {agree} of {reference.Length} test predictions match scikit-learn's");
        }
        return model;
    }

    static double Accuracy(double[] actual, double[] predicted) =>
        (double)Enumerable.Range(0, actual.Length).Count(i => actual[i] == predicted[i]) / actual.Length;

    static double RSquared(double[] actual, double[] predicted)
    {
        var mean = actual.Average();
        var residual = actual.Select((a, i) => (a - predicted[i]) * (a - predicted[i])).Sum();
        var total = actual.Sum(a => (a - mean) * (a - mean));
        return 1 - residual / total;
    }

    static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Kiln.slnx")))
                return Path.Combine(dir.FullName, "bench", "compare");
        throw new DirectoryNotFoundException("Kiln.slnx not found above the test binaries, so bench/compare cannot be located");
    }
}
