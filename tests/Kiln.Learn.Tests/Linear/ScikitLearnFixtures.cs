using System.Text.Json;
using Kiln.Data;
using Kiln.Testing;

namespace Kiln.Learn.Tests.Linear;

/// <summary>
/// The cases recorded by bench/compare/linear_fixtures.py and sgd-fixtures.py with scikit-learn 1.2: the data, the same split, the
/// parameters, and scikit-learn's coefficients and held-out score.
/// </summary>
public static class ScikitLearnFixtures
{
    public sealed record Case(string Name, string Dataset, string Estimator, Dictionary<string, object?> Parameters, int Every,
        string Metric, double Score, double[][]? Coefficients, double[]? Intercept);

    static readonly Lazy<Case[]> Cases = new(Read);

    public static string Folder { get; } = Locate();

    public static IEnumerable<TheoryDataRow<string>> Named(params string[] estimators) =>
        Cases.Value.Where(c => estimators.Contains(c.Estimator)).Select(c => new TheoryDataRow<string>(c.Name));

    public static Case Get(string name) => Cases.Value.Single(c => c.Name == name);

    /// <summary>The case's training and held-out rows; every <see cref="Case.Every"/>th row (from row 0) is held out.</summary>
    public static (Frame Train, Column TrainTarget, Frame Test, Column TestTarget) Split(Case c)
    {
        var frame = Load(c.Dataset);
        var test = Enumerable.Range(0, frame.RowCount).Where(i => i % c.Every == 0).ToArray();
        var train = Enumerable.Range(0, frame.RowCount).Where(i => i % c.Every != 0).ToArray();
        var features = frame.Drop("target");
        return (features.Take(train), frame["target"].Take(train), features.Take(test), frame["target"].Take(test));
    }

    static Frame Load(string dataset)
    {
        if (dataset == "housing")
        {
            var housing = Frame.ReadCsv(SharedFolder.RequireDataset("housing/housing.csv")).Drop("ocean_proximity").DropMissing();
            return housing.WithColumn("target", housing["median_house_value"]).Drop("median_house_value");
        }
        var collinear = dataset.EndsWith("+collinear", StringComparison.Ordinal);
        var frame = Frame.ReadCsv(Path.Combine(Folder, collinear ? dataset[..^"+collinear".Length] : dataset));
        if (!collinear) return frame;
        var (x2, x3) = (frame["x2"].AsFloat64().Values.ToArray(), frame["x3"].AsFloat64().Values.ToArray());
        var x10 = new double[x2.Length];
        for (var i = 0; i < x10.Length; i++) x10[i] = x2[i] * 2 - x3[i];
        var target = frame["target"];
        return frame.Drop("target").WithColumn(new Float64Column("x10", x10)).WithColumn(target);
    }

    // linear_fixtures.py and sgd-fixtures.py each write one file of cases in the same format
    static Case[] Read() => [.. Read("linear-expected.json"), .. Read("sgd-expected.json")];

    static Case[] Read(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, file)));
        return [.. document.RootElement.GetProperty("cases").EnumerateArray().Select(c => new Case(
            c.GetProperty("name").GetString()!,
            c.GetProperty("dataset").GetString()!,
            c.GetProperty("estimator").GetString()!,
            c.GetProperty("parameters").EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.ToString()),
            c.GetProperty("every").GetInt32(),
            c.GetProperty("metric").GetString()!,
            c.GetProperty("score").GetDouble(),
            c.TryGetProperty("coefficients", out var w) ? [.. w.EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray())] : null,
            c.TryGetProperty("intercept", out var b) ? [.. b.EnumerateArray().Select(v => v.GetDouble())] : null))];
    }

    static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Kiln.slnx")))
                return Path.Combine(dir.FullName, "bench", "compare", "fixtures");
        throw new DirectoryNotFoundException($"no Kiln.slnx above {AppContext.BaseDirectory}");
    }

    /// <summary>Fits the case's estimator on its training rows and requires the held-out score within one point of scikit-learn's.</summary>
    public static (TModel Model, Case Case, Frame Train) FitWithinOnePoint<TModel>(string name) where TModel : IPredictorModel
    {
        var c = Get(name);
        var (train, trainTarget, test, testTarget) = Split(c);
        var model = (TModel)EstimatorCatalog.Create(c.Estimator, c.Parameters).Fit(train, trainTarget);
        var points = ScorePoints(c.Metric, testTarget, model.Predict(test));
        Assert.InRange(points, 100 * c.Score - 1, 100 * c.Score + 1);
        return (model, c, train);
    }

    /// <summary>R² × 100 or accuracy × 100 of <paramref name="predicted"/> against <paramref name="actual"/>.</summary>
    public static double ScorePoints(string metric, Column actual, Column predicted)
    {
        if (metric == "accuracy")
        {
            var right = Enumerable.Range(0, actual.Length).Count(i => actual.Format(i) == predicted.Format(i));
            return 100.0 * right / actual.Length;
        }
        var (y, f) = (actual.AsFloat64().Values.ToArray(), predicted.AsFloat64().Values.ToArray());
        var mean = y.Average();
        double residual = 0, total = 0;
        for (var i = 0; i < y.Length; i++)
        {
            residual += (y[i] - f[i]) * (y[i] - f[i]);
            total += (y[i] - mean) * (y[i] - mean);
        }
        return 100 * (1 - residual / total);
    }

    /// <summary>|actual − expected| ≤ 1e-4 · max(|expected|, scale), the scale keeping near-zero coefficients from demanding absolute agreement.</summary>
    public static void RequireClose(double expected, double actual, double scale, string what)
    {
        var allowed = 1e-4 * Math.Max(Math.Abs(expected), scale);
        if (Math.Abs(actual - expected) > allowed)
            Assert.Fail($"{what}: expected {expected:R}, got {actual:R} (off by {Math.Abs(actual - expected):G3}, allowed {allowed:G3})");
    }
}
