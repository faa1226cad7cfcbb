namespace Kiln.Learn.Tests.NaiveBayes;

public class NaiveBayesScikitLearnTests
{
    public static IEnumerable<TheoryDataRow<string>> Cases() =>
        ScikitLearnFixtures.Named("gaussian-nb", "multinomial-nb", "bernoulli-nb", "complement-nb");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Held_out_score_is_within_a_point_of_scikit_learn_and_probabilities_agree(string name)
    {
        var (model, expected, _) = ScikitLearnFixtures.FitWithinOnePoint<IClassifierModel>(name);
        if (expected.Probabilities is not { } reference) return;
        var probabilities = model.PredictProbabilities(ScikitLearnFixtures.Split(expected).Test);
        for (var i = 0; i < reference.Length; i++)
            for (var c = 0; c < reference[i].Length; c++)
                Assert.True(Math.Abs(reference[i][c] - probabilities[c].AsFloat64()[i]) <= 1e-4,
                    $"{name}: row {i} class {c} probability {probabilities[c].AsFloat64()[i]}, scikit-learn {reference[i][c]}");
    }
}
