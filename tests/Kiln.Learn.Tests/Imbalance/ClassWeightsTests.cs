using Kiln.Data;
using Kiln.Learn.Imbalance;

namespace Kiln.Learn.Tests.Imbalance;

public class ClassWeightsTests
{
    static readonly StringColumn Target = new("y", ["b", "a", "a", "c", "a", "b", "a", "a", "b", "a"]);

    [Fact]
    public void Balanced_weights_equal_scikit_learn_compute_class_weight()
    {
        var weights = ClassWeights.Balanced(Target);
        // scikit-learn 1.2: compute_class_weight("balanced") for 6 a, 3 b, 1 c
        Assert.Equal(["a", "b", "c"], Enumerable.Range(0, 3).Select(i => ((StringColumn)weights.Classes)[i]));
        Assert.Equal(0.55555556, weights.Weights[0], 1e-8);
        Assert.Equal(1.11111111, weights.Weights[1], 1e-8);
        Assert.Equal(3.33333333, weights.Weights[2], 1e-8);
    }

    [Fact]
    public void Row_weights_give_every_class_the_same_total()
    {
        var rows = ClassWeights.Balanced(Target).ForRows(Target);
        var totals = Enumerable.Range(0, rows.Length).GroupBy(i => Target[i]).Select(g => g.Sum(i => rows[i])).ToList();
        Assert.All(totals, total => Assert.Equal(10.0 / 3, total, 1e-12));
    }

    [Fact]
    public void Weights_become_the_sample_weights_of_a_fit_context()
    {
        var context = ClassWeights.Balanced(Target).ApplyTo(Target, new FitContext { Cancellation = new CancellationToken(true) });
        Assert.Equal(3.33333333, context.SampleWeights![3], 1e-8);
        Assert.True(context.Cancellation.IsCancellationRequested);
    }

    [Fact]
    public void Numeric_classes_are_ordered_by_value()
    {
        var weights = ClassWeights.Balanced(new Int64Column("y", [5, 5, 5, -1]));
        Assert.Equal(2.0, weights.WeightOf(-1L));
        Assert.Equal(2.0 / 3, weights.WeightOf(5L), 1e-12);
    }

    [Fact]
    public void A_class_without_a_weight_is_named()
    {
        var weights = ClassWeights.Balanced(Target);
        var error = Assert.Throws<ArgumentException>(() => weights.ForRows(new StringColumn("y", ["a", "d"])));
        Assert.Contains("class 'd' of 'y' has no weight (classes: a, b, c)", error.Message);
    }
}
