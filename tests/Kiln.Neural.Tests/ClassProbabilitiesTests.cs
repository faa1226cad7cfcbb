using System.Numerics.Tensors;
using Kiln.Neural.Packaging;

namespace Kiln.Neural.Tests;

public class ClassProbabilitiesTests
{
    [Fact]
    public void Softmax_outputs_are_the_probabilities_of_the_packages_classes()
    {
        var probabilities = ClassProbabilities.Of(Tensor.Create([0.1f, 0.7f, 0.2f, 0.5f, 0.25f, 0.25f], [2, 3]), ["cat", "dog", "bird"]);
        Assert.Equal(["cat", "dog", "bird"], probabilities.Classes);
        Assert.Equal(2, probabilities.RowCount);
        Assert.Equal(1, probabilities.Best(0));
        Assert.Equal(0.7f, probabilities.Row(0)[1]);
        Assert.Equal([("dog", (double)0.7f), ("bird", (double)0.2f)], probabilities.Ranked(0, 2));
    }

    [Fact]
    public void One_sigmoid_output_is_the_probability_of_the_second_of_two_classes()
    {
        var probabilities = ClassProbabilities.Of(Tensor.Create([0.8f, 0.25f], [2, 1]), ["no", "yes"]);
        Assert.Equal(["no", "yes"], probabilities.Classes);
        Assert.Equal([1 - (double)0.8f, 0.8f, 0.75, 0.25], probabilities.Values.ToArray());
        Assert.Equal([1, 0], [probabilities.Best(0), probabilities.Best(1)]);
    }

    [Fact]
    public void Outputs_without_labels_are_named_by_index_and_ties_go_to_the_first_class()
    {
        var probabilities = ClassProbabilities.Of(Tensor.Create([0.4f, 0.4f, 0.2f], [1, 3]), null);
        Assert.Equal(["0", "1", "2"], probabilities.Classes);
        Assert.Equal(0, probabilities.Best(0));
        Assert.Equal(["a", "b", "2"], ClassProbabilities.Labels(3, ["a", "b"]));
    }
}
