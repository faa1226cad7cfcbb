namespace Kiln.Learn.Tests.Neighbors;

public class KnnScikitLearnTests
{
    public static IEnumerable<TheoryDataRow<string>> Cases() => ScikitLearnFixtures.Named("knn-classifier", "knn-regressor");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Held_out_score_is_within_a_point_of_scikit_learn_and_probabilities_agree(string name)
    {
        var (model, expected, _) = ScikitLearnFixtures.FitWithinOnePoint<IPredictorModel>(name);
        if (expected.Probabilities is not { } reference) return;
        var probabilities = ((IClassifierModel)model).PredictProbabilities(ScikitLearnFixtures.Split(expected).Test);
        var close = Enumerable.Range(0, reference.Length).Count(i =>
            Enumerable.Range(0, reference[i].Length).All(c => Math.Abs(reference[i][c] - probabilities[c].AsFloat64()[i]) <= 1e-6));
        Assert.True(close >= 0.97 * reference.Length, $"{name}: {close} of {reference.Length} probability rows match scikit-learn's");
    }
}
