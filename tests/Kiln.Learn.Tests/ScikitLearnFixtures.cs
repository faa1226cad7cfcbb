using System.Text.Json;
using System.Text.Json.Nodes;
using Kiln.Data;
using Kiln.Testing;

namespace Kiln.Learn.Tests;

/// <summary>
/// What the scripts in bench/compare record with scikit-learn 1.2 into bench/compare/fixtures: the input data and, per
/// case, scikit-learn's held-out score (and where kept its coefficients, predictions and probabilities) — plus the keyed
/// numbers of the clustering and decomposition fixtures.
/// </summary>
public static class ScikitLearnFixtures
{
    /// <summary>
    /// One recorded fit. <see cref="Dataset"/> is a CSV in the fixtures folder (held-out rows: every <see cref="Every"/>th
    /// from row 0, or those its "split" column marks "test"), "housing" / "letter-recognition" from ../shared, or one of
    /// the <see cref="GeneratedSets"/>.
    /// </summary>
    public sealed record Case(string Name, string Dataset, string Estimator, Dictionary<string, object?> Parameters,
        string Metric, double Score, int? Every, double[][]? Coefficients, double[]? Intercept, double[]? Predictions,
        double[][]? Probabilities)
    {
        public override string ToString() => Name;
    }

    /// <summary>A case's training and held-out rows.</summary>
    public sealed record TrainTest(Frame Train, Column TrainTarget, Frame Test, Column TestTarget);

    const int LetterTrainingRows = 16_000;

    public static string Folder { get; } = Locate();

    static readonly Lazy<Case[]> Cases = new(ReadCases);

    /// <summary>The names of every recorded case of the given estimators, as theory data.</summary>
    public static IEnumerable<TheoryDataRow<string>> Named(params string[] estimators) =>
        Cases.Value.Where(c => estimators.Contains(c.Estimator)).Select(c => new TheoryDataRow<string>(c.Name));

    public static Case Get(string name) => Cases.Value.Single(c => c.Name == name);

    public static TrainTest Split(Case c)
    {
        if (c.Dataset == "letter-recognition") return Letters();
        var frame = Load(c.Dataset);
        bool[] held;
        if (frame.ColumnNames.Contains("split"))
        {
            var split = frame["split"];
            held = [.. Enumerable.Range(0, frame.RowCount).Select(i => split.Format(i) == "test")];
            frame = frame.Drop("split");
        }
        else
        {
            var every = c.Every ?? throw new InvalidDataException($"{c.Name}: {c.Dataset} has no split column and the case no 'every'");
            held = [.. Enumerable.Range(0, frame.RowCount).Select(i => i % every == 0)];
        }
        var test = Enumerable.Range(0, frame.RowCount).Where(i => held[i]).ToArray();
        var train = Enumerable.Range(0, frame.RowCount).Where(i => !held[i]).ToArray();
        var features = frame.Drop("target");
        return new TrainTest(features.Take(train), frame["target"].Take(train), features.Take(test), frame["target"].Take(test));
    }

    /// <summary>
    /// Fits the case's estimator on its training rows and requires the held-out score within one point of scikit-learn's
    /// and, where the case kept them, at least 97% of the held-out predictions equal to scikit-learn's.
    /// </summary>
    public static (TModel Model, Case Case, Frame Train) FitWithinOnePoint<TModel>(string name) where TModel : IPredictorModel
    {
        var c = Get(name);
        var (train, trainTarget, test, testTarget) = Split(c);
        var model = (TModel)EstimatorCatalog.Create(c.Estimator, c.Parameters).Fit(train, trainTarget);
        var predicted = model.Predict(test);
        var points = ScorePoints(c.Metric, testTarget, predicted);
        Assert.True(Math.Abs(points - 100 * c.Score) <= 1, $"{name}: held-out score {points:F2}, scikit-learn {100 * c.Score:F2}");
        if (c.Predictions is { } reference)
        {
            var values = predicted.AsFloat64().Values.ToArray();
            var agree = Enumerable.Range(0, reference.Length)
                .Count(i => Math.Abs(reference[i] - values[i]) <= 1e-6 * Math.Max(1, Math.Abs(reference[i])));
            Assert.True(agree >= 0.97 * reference.Length, $"{name}: {agree} of {reference.Length} held-out predictions match scikit-learn's");
        }
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

    /// <summary>A CSV of the fixtures folder.</summary>
    public static Frame Csv(string name) => Frame.ReadCsv(Path.Combine(Folder, name));

    /// <summary>A fixture CSV's feature columns and its "target" column.</summary>
    public static (Frame Features, Column Target) Labelled(string name)
    {
        var frame = Csv(name);
        return (frame.Drop("target"), frame["target"]);
    }

    /// <summary>One keyed entry of a fixtures JSON file that records numbers rather than cases (cluster-, decomposition-).</summary>
    public static JsonObject Expected(string file, string key) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, file)))![key]!.AsObject();

    public static double[] Doubles(JsonNode node) => [.. node.AsArray().Select(v => v!.GetValue<double>())];

    public static long[] Longs(JsonNode node) => [.. node.AsArray().Select(v => v!.GetValue<long>())];

    public static double[][] Rows(JsonNode node) => [.. node.AsArray().Select(row => Doubles(row!))];

    /// <summary>Each component equals scikit-learn's up to sign, which an SVD leaves free.</summary>
    public static void ComponentsMatchUpToSign(JsonNode expected, Func<int, double[]> component, double tolerance)
    {
        var rows = Rows(expected);
        for (var k = 0; k < rows.Length; k++)
        {
            var ours = component(k);
            var sign = Math.Sign(ours[0]) == Math.Sign(rows[k][0]) ? 1 : -1;
            for (var j = 0; j < ours.Length; j++) Assert.Equal(rows[k][j], sign * ours[j], tolerance);
        }
    }

    /// <summary>The rank-10 matrix cluster-decomposition-fixtures.py builds from a formula, so no wide CSV is committed.</summary>
    public static Frame WideMatrix(int rows, int columns)
    {
        var data = new Column[columns];
        for (var j = 0; j < columns; j++)
        {
            var values = new double[rows];
            for (var i = 0; i < rows; i++)
                for (var r = 1; r <= 5; r++)
                    values[i] += Math.Sin(r * (i + 1) * 0.37 + j * 0.11 * r) / r;
            data[j] = new Float64Column($"c{j}", values);
        }
        return new Frame(data);
    }

    static Frame Load(string dataset)
    {
        if (dataset.StartsWith("generated-", StringComparison.Ordinal)) return GeneratedSets.Load(dataset);
        if (dataset == "housing")
        {
            var housing = Frame.ReadCsv(SharedFolder.RequireDataset("housing/housing.csv")).Drop("ocean_proximity").DropMissing();
            return housing.WithColumn("target", housing["median_house_value"]).Drop("median_house_value");
        }
        // "+collinear" adds x10 = 2·x2 − x3, a column that makes least squares rank-deficient
        var collinear = dataset.EndsWith("+collinear", StringComparison.Ordinal);
        var frame = Csv(collinear ? dataset[..^"+collinear".Length] : dataset);
        if (!collinear) return frame;
        var (x2, x3) = (frame["x2"].AsFloat64().Values.ToArray(), frame["x3"].AsFloat64().Values.ToArray());
        var x10 = new double[x2.Length];
        for (var i = 0; i < x10.Length; i++) x10[i] = x2[i] * 2 - x3[i];
        var target = frame["target"];
        return frame.Drop("target").WithColumn(new Float64Column("x10", x10)).WithColumn(target);
    }

    /// <summary>letter-recognition from ../shared: the first 16,000 rows to train, the last 4,000 held out (skipped when absent).</summary>
    static TrainTest Letters()
    {
        var rows = File.ReadAllLines(SharedFolder.RequireDataset("letter-recognition/letter-recognition.data"))
            .Where(l => l.Length > 0).Select(l => l.Split(',')).ToArray();
        (Frame, Column) Part(string[][] part) => (
            new Frame(Enumerable.Range(1, 16).Select(j => (Column)new Float64Column($"f{j - 1}",
                [.. part.Select(r => double.Parse(r[j], System.Globalization.CultureInfo.InvariantCulture))]))),
            new Int64Column("target", [.. part.Select(r => (long)(r[0][0] - 'A'))]));
        var (train, trainTarget) = Part(rows[..LetterTrainingRows]);
        var (test, testTarget) = Part(rows[LetterTrainingRows..]);
        return new TrainTest(train, trainTarget, test, testTarget);
    }

    /// <summary>Every case of every fixtures file that records cases; the cluster and decomposition files record keyed numbers instead.</summary>
    static Case[] ReadCases()
    {
        var cases = new List<Case>();
        foreach (var file in Directory.GetFiles(Folder, "*-expected.json").Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            if (!document.RootElement.TryGetProperty("cases", out var items)) continue;
            cases.AddRange(items.EnumerateArray().Select(ReadCase));
        }
        var repeated = cases.GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) throw new InvalidDataException($"two fixture cases are named '{repeated.Key}'");
        return [.. cases];
    }

    static Case ReadCase(JsonElement c) => new(
        c.GetProperty("name").GetString()!,
        c.GetProperty("dataset").GetString()!,
        c.GetProperty("estimator").GetString()!,
        c.GetProperty("parameters").EnumerateObject().ToDictionary(p => p.Name, p => ParameterValue(p.Value)),
        c.GetProperty("metric").GetString()!,
        c.GetProperty("score").GetDouble(),
        c.TryGetProperty("every", out var every) ? every.GetInt32() : null,
        c.TryGetProperty("coefficients", out var w) ? Matrix(w) : null,
        c.TryGetProperty("intercept", out var b) ? Vector(b) : null,
        c.TryGetProperty("predictions", out var p) ? Vector(p) : null,
        c.TryGetProperty("probabilities", out var q) ? Matrix(q) : null);

    static object? ParameterValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null => null,
        _ => value.GetRawText(),
    };

    static double[] Vector(JsonElement array) => [.. array.EnumerateArray().Select(v => v.GetDouble())];

    static double[][] Matrix(JsonElement rows) => [.. rows.EnumerateArray().Select(Vector)];

    static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Kiln.slnx")))
                return Path.Combine(dir.FullName, "bench", "compare", "fixtures");
        throw new DirectoryNotFoundException($"no Kiln.slnx above {AppContext.BaseDirectory}, so bench/compare/fixtures cannot be located");
    }
}
