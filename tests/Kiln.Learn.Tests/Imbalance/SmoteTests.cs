using System.Text.Json.Nodes;
using Kiln.Data;
using Kiln.Learn.Imbalance;

namespace Kiln.Learn.Tests.Imbalance;

public class SmoteTests
{
    static int Count(Column target, string label) => Enumerable.Range(0, target.Length).Count(i => ((StringColumn)target)[i] == label);

    [Fact]
    public void Auto_balances_every_class_to_the_majority()
    {
        var (features, target) = ImbalancedData.Blobs(major: 30, middle: 15, minor: 8);
        var result = new Smote().Resample(features, target);
        Assert.Equal((30, 30, 30), (Count(result.Target!, "major"), Count(result.Target!, "middle"), Count(result.Target!, "minor")));
        Assert.Equal(22 + 15, result.SyntheticCount);
        Assert.Equal(Enumerable.Range(0, 53), result.SourceRows.Take(53));
        Assert.All(result.SourceRows.Skip(53), r => Assert.Equal(-1, r));
    }

    [Fact]
    public void Synthetic_rows_lie_on_segments_between_a_row_and_one_of_its_k_nearest_same_class_rows()
    {
        var (features, target) = ImbalancedData.Blobs();
        const int k = 3;
        var result = new Smote { KNeighbors = k, Seed = 11 }.Resample(features, target);
        for (var i = features.RowCount; i < result.Features.RowCount; i++)
        {
            var label = ((StringColumn)result.Target!)[i];
            var classRows = Enumerable.Range(0, features.RowCount).Where(r => target[r] == label).ToList();
            var point = ImbalancedData.Row(result.Features, i);
            Assert.Contains(classRows, seed => ImbalancedData.Nearest(features, seed, classRows, k)
                .Any(neighbour => ImbalancedData.OnSegment(point, ImbalancedData.Row(features, seed), ImbalancedData.Row(features, neighbour))));
        }
    }

    [Fact]
    public void A_ratio_raises_minority_classes_to_that_share_of_the_majority()
    {
        var (features, target) = ImbalancedData.Blobs(major: 30, middle: 15, minor: 8);
        var result = new Smote { SamplingRatio = 0.6 }.Resample(features, target);
        Assert.Equal((30, 18, 18), (Count(result.Target!, "major"), Count(result.Target!, "middle"), Count(result.Target!, "minor")));
    }

    [Fact]
    public void The_same_seed_gives_the_same_rows_and_another_seed_other_rows()
    {
        var (features, target) = ImbalancedData.Blobs();
        var first = new Smote { Seed = 5 }.Resample(features, target).Features.Column<Float64Column>("x").Values.ToArray();
        var again = new Smote { Seed = 5 }.Resample(features, target).Features.Column<Float64Column>("x").Values.ToArray();
        var other = new Smote { Seed = 6 }.Resample(features, target).Features.Column<Float64Column>("x").Values.ToArray();
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void A_text_column_is_rejected_by_name()
    {
        var (features, target) = ImbalancedData.Blobs();
        var withText = features.WithColumn(new StringColumn("city", [.. Enumerable.Repeat("Paris", features.RowCount)]));
        var error = Assert.Throws<SchemaMismatchException>(() => new Smote().Resample(withText, target));
        Assert.Contains("column 'city' is string", error.Message);
        Assert.Throws<SchemaMismatchException>(() => new Smote().Fit(withText, target));
    }

    [Fact]
    public void A_missing_value_is_rejected_naming_column_and_row()
    {
        var (features, target) = ImbalancedData.Blobs();
        var x = features.Column<Float64Column>("x").Values.ToArray();
        x[4] = double.NaN;
        var error = Assert.Throws<SchemaMismatchException>(() => new Smote().Resample(features.WithColumn(new Float64Column("x", x)), target));
        Assert.Contains("column 'x' holds a missing value (NaN) at row 4", error.Message);
    }

    [Fact]
    public void A_class_with_too_few_rows_for_k_is_named()
    {
        var (features, target) = ImbalancedData.Blobs(minor: 4);
        var error = Assert.Throws<ArgumentException>(() => new Smote { KNeighbors = 5 }.Resample(features, target));
        Assert.Contains("class 'minor' of 'label' has 4 rows; k-neighbors = 5 needs at least 6", error.Message);
    }

    [Fact]
    public void Integer_columns_keep_their_type_with_synthetic_values_rounded()
    {
        var features = new Frame(new Int64Column("n", [1, 2, 3, 4, 5, 6, 10, 20, 30]));
        var target = new StringColumn("y", ["a", "a", "a", "a", "a", "a", "b", "b", "b"]);
        var result = new Smote { KNeighbors = 2 }.Resample(features, target);
        var n = result.Features.Column<Int64Column>("n");
        Assert.Equal(12, n.Length);
        Assert.All(n.Values[9..].ToArray(), v => Assert.InRange(v, 10, 30));
    }

    [Fact]
    public void Cancelling_stops_the_neighbour_search()
    {
        var (features, target) = ImbalancedData.Blobs(major: 4000, middle: 3000, minor: 3000);
        using var cancellation = new CancellationTokenSource();
        var progress = new CancelOnFirstReport(cancellation);
        var context = new FitContext { Cancellation = cancellation.Token, Progress = progress };
        Assert.ThrowsAny<OperationCanceledException>(() => new Smote().Resample(features, target, context));
        Assert.True(progress.Reports > 0);
        Assert.True(progress.LastDone < 3000, $"the search ran to {progress.LastDone} of 3000 rows");
    }

    [Fact]
    public void Samplers_are_registered_with_their_capabilities()
    {
        foreach (var name in new[] { "random-over-sampler", "random-under-sampler", "smote", "borderline-smote" })
        {
            var entry = EstimatorCatalog.Find(name);
            Assert.True(entry.Has(Capability.ChangesRows) && entry.Has(Capability.RequiresTarget) && entry.Has(Capability.Randomized));
            Assert.Equal(0L, entry.Parameter("seed").Default);
        }
        Assert.Equal(5, EstimatorCatalog.Find("smote").Parameter("k-neighbors").Default);
    }

    [Fact]
    public void A_fitted_sampler_saves_and_loads_with_its_parameters()
    {
        var (features, target) = ImbalancedData.Blobs();
        var model = new Smote { KNeighbors = 3, SamplingRatio = 0.8, Seed = 9 }.Fit(features, target);
        var writer = new ModelWriter();
        ModelFormat.Write(writer, model);
        var loaded = (ITransformerModel)ModelFormat.Read(new ModelReader(JsonNode.Parse(writer.State.ToJsonString())!.AsObject(), writer.Arrays));
        Assert.Equal(new Smote { KNeighbors = 3, SamplingRatio = 0.8, Seed = 9 }, loaded.Estimator);
        Assert.Equal(features.Column<Float64Column>("y").Values.ToArray(), loaded.Transform(features).Column<Float64Column>("y").Values.ToArray());
    }

    /// <summary>Cancels on the first progress report, synchronously, so the test knows the search was under way.</summary>
    sealed class CancelOnFirstReport(CancellationTokenSource cancellation) : IProgress<FitProgress>
    {
        int _reports;
        long _lastDone;

        public int Reports => _reports;
        public long LastDone => Interlocked.Read(ref _lastDone);

        public void Report(FitProgress value)
        {
            Interlocked.Increment(ref _reports);
            Interlocked.Exchange(ref _lastDone, value.Done);
            cancellation.Cancel();
        }
    }
}
