using Kiln.Data;

namespace Kiln.Learn.Tests.Weighting;

public class ClassWeightsTests
{
    static readonly StringColumn Target = new("label", ["a", "a", "a", "b", "c", "c"]);

    [Fact]
    public void Balanced_weights_are_inverse_to_class_frequency()
    {
        // scikit-learn 1.2: compute_sample_weight("balanced", ["a", "a", "a", "b", "c", "c"])
        double[] expected = [0.6666666666666666, 0.6666666666666666, 0.6666666666666666, 2.0, 1.0, 1.0];
        Assert.Equal(expected, ClassWeights.Balanced(Target), new Comparison(1e-15));
    }

    [Fact]
    public void Given_class_weights_become_row_weights_and_unlisted_classes_weigh_one()
    {
        var weights = ClassWeights.ToSampleWeights(Target, new Dictionary<string, double> { ["b"] = 5 });
        Assert.Equal([1, 1, 1, 5, 1, 1], weights);
    }

    [Fact]
    public void A_class_the_target_lacks_is_named()
    {
        var error = Assert.Throws<ArgumentException>(() => ClassWeights.ToSampleWeights(Target, new Dictionary<string, double> { ["B"] = 5 }));
        Assert.Contains("'B'", error.Message);
        Assert.Contains("a, b, c", error.Message);
    }

    [Fact]
    public void Integer_labels_are_matched_as_they_print()
    {
        var weights = ClassWeights.ToSampleWeights(new Int64Column("y", [0, 1, 1]), new Dictionary<string, double> { ["0"] = 3 });
        Assert.Equal([3, 1, 1], weights);
    }

    sealed class Comparison(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(double obj) => 0;
    }
}
