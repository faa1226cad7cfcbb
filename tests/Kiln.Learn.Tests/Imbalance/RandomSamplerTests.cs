using Kiln.Data;
using Kiln.Learn.Imbalance;

namespace Kiln.Learn.Tests.Imbalance;

public class RandomSamplerTests
{
    static readonly Frame Features = new(
        new Int64Column("id", [.. Enumerable.Range(0, 20).Select(i => (long)i)]),
        new StringColumn("city", [.. Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? "Paris" : "Lyon")]));

    static readonly StringColumn Target = new("y", [.. Enumerable.Range(0, 20).Select(i => i < 12 ? "no" : i < 17 ? "yes" : "maybe")]);

    static Dictionary<string, int> Counts(Column target) =>
        Enumerable.Range(0, target.Length).GroupBy(i => ((StringColumn)target)[i]!).ToDictionary(g => g.Key, g => g.Count());

    [Fact]
    public void Over_sampling_raises_every_class_to_the_largest()
    {
        var result = new RandomOverSampler { Seed = 3 }.Resample(Features, Target);
        Assert.Equal(new Dictionary<string, int> { ["no"] = 12, ["yes"] = 12, ["maybe"] = 12 }, Counts(result.Target!));
        Assert.Equal(Enumerable.Range(0, 20), result.SourceRows.Take(20));
        Assert.Equal(0, result.SyntheticCount);
    }

    [Fact]
    public void Over_sampled_rows_are_copies_of_their_class_with_every_column_kept()
    {
        var result = new RandomOverSampler { Seed = 3 }.Resample(Features, Target);
        var ids = result.Features.Column<Int64Column>("id");
        for (var i = 0; i < result.Features.RowCount; i++)
        {
            var source = result.SourceRows[i];
            Assert.Equal(source, ids[i]);
            Assert.Equal(Target[source], ((StringColumn)result.Target!)[i]);
            Assert.Equal(((StringColumn)Features["city"])[source], result.Features.Column<StringColumn>("city")[i]);
        }
    }

    [Fact]
    public void A_ratio_raises_the_smaller_classes_to_that_share_of_the_largest()
    {
        var result = new RandomOverSampler { SamplingRatio = 0.5 }.Resample(Features, Target);
        Assert.Equal(new Dictionary<string, int> { ["no"] = 12, ["yes"] = 6, ["maybe"] = 6 }, Counts(result.Target!));
    }

    [Fact]
    public void Under_sampling_cuts_every_class_to_the_smallest_and_keeps_input_order()
    {
        var result = new RandomUnderSampler { Seed = 2 }.Resample(Features, Target);
        Assert.Equal(new Dictionary<string, int> { ["no"] = 3, ["yes"] = 3, ["maybe"] = 3 }, Counts(result.Target!));
        Assert.Equal(result.SourceRows.Order(), result.SourceRows);
        Assert.Equal(result.SourceRows.Select(r => (long)r), result.Features.Column<Int64Column>("id").Values.ToArray());
        Assert.Equal([17, 18, 19], result.SourceRows.Where(r => r >= 17));
    }

    [Fact]
    public void An_under_sampling_ratio_cuts_larger_classes_to_smallest_over_ratio()
    {
        var result = new RandomUnderSampler { SamplingRatio = 0.5 }.Resample(Features, Target);
        Assert.Equal(new Dictionary<string, int> { ["no"] = 6, ["yes"] = 5, ["maybe"] = 3 }, Counts(result.Target!));
    }

    [Fact]
    public void The_same_seed_gives_the_same_rows_and_another_seed_other_rows()
    {
        foreach (var sampler in new Sampler[] { new RandomOverSampler { Seed = 1 }, new RandomUnderSampler { Seed = 1 } })
        {
            Assert.Equal(sampler.Resample(Features, Target).SourceRows, sampler.Resample(Features, Target).SourceRows);
            Assert.NotEqual(sampler.Resample(Features, Target).SourceRows, (sampler with { Seed = 2 }).Resample(Features, Target).SourceRows);
        }
    }

    [Fact]
    public void A_ratio_out_of_range_is_an_error_naming_the_parameter()
    {
        var error = Assert.Throws<ArgumentException>(() => new RandomOverSampler { SamplingRatio = 1.5 }.Resample(Features, Target));
        Assert.Contains("'sampling-ratio' must be 0 < value ≤ 1", error.Message);
    }

    [Fact]
    public void A_target_of_another_length_is_an_error()
    {
        var error = Assert.Throws<ArgumentException>(() => new RandomUnderSampler().Resample(Features, new StringColumn("y", ["a"])));
        Assert.Contains("the target has 1 rows but the features have 20", error.Message);
    }

    [Fact]
    public void The_fitted_model_passes_rows_through_unchanged()
    {
        var model = new RandomOverSampler().Fit(Features, Target);
        var transformed = model.Transform(Features);
        Assert.Equal(20, transformed.RowCount);
        Assert.Equal(Features.Column<Int64Column>("id").Values.ToArray(), transformed.Column<Int64Column>("id").Values.ToArray());
    }

    [Fact]
    public void Fitting_without_a_target_is_an_error()
    {
        var error = Assert.Throws<ArgumentException>(() => new RandomUnderSampler().Fit(Features));
        Assert.Contains("needs a target column", error.Message);
    }
}
