using Kiln.Data;

namespace Kiln.Learn.Tests.Neighbors;

public class KnnScikitLearnTests
{
    static readonly IReadOnlyList<ScikitLearnFixtures.Case> Recorded = ScikitLearnFixtures.Cases("neighbors-expected.json");

    public static TheoryData<int> BundledCases() => ScikitLearnFixtures.CaseIndices(Recorded, letterRecognition: false);

    public static TheoryData<int> LetterCases() => ScikitLearnFixtures.CaseIndices(Recorded, letterRecognition: true);

    [Theory]
    [MemberData(nameof(BundledCases))]
    public void Held_out_score_on_bundled_datasets_is_within_a_point_of_scikit_learn(int index)
    {
        var expected = Recorded[index];
        var data = ScikitLearnFixtures.Load(expected.Dataset, regression: expected.Estimator == "knn-regressor");
        var model = ScikitLearnFixtures.FitAndCompareScore(expected, data);
        if (expected.Probabilities is not { } reference) return;
        var probabilities = ((IClassifierModel)model).PredictProbabilities(data.TestFeatures);
        var close = Enumerable.Range(0, reference.Length).Count(i =>
            Enumerable.Range(0, reference[i].Length).All(c => Math.Abs(reference[i][c] - probabilities[c].AsFloat64()[i]) <= 1e-6));
        Assert.True(close >= 0.97 * reference.Length, $"{expected}: {close} of {reference.Length} probability rows match scikit-learn's");
    }

    [Theory]
    [MemberData(nameof(LetterCases))]
    public void Held_out_score_on_letter_recognition_is_within_a_point_of_scikit_learn(int index) =>
        ScikitLearnFixtures.FitAndCompareScore(Recorded[index], ScikitLearnFixtures.Load("letter-recognition"));
}
