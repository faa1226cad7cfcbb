using Kiln.Data;

namespace Kiln.Learn.Tests.NaiveBayes;

public class NaiveBayesScikitLearnTests
{
    static readonly IReadOnlyList<ScikitLearnFixtures.Case> Recorded = ScikitLearnFixtures.Cases("naive-bayes-expected.json");

    public static TheoryData<int> BundledCases() => ScikitLearnFixtures.CaseIndices(Recorded, letterRecognition: false);

    public static TheoryData<int> LetterCases() => ScikitLearnFixtures.CaseIndices(Recorded, letterRecognition: true);

    [Theory]
    [MemberData(nameof(BundledCases))]
    public void Held_out_score_on_bundled_datasets_is_within_a_point_of_scikit_learn(int index)
    {
        var expected = Recorded[index];
        var data = ScikitLearnFixtures.Load(expected.Dataset);
        var model = (IClassifierModel)ScikitLearnFixtures.FitAndCompareScore(expected, data);
        if (expected.Probabilities is not { } reference) return;
        var probabilities = model.PredictProbabilities(data.TestFeatures);
        for (var i = 0; i < reference.Length; i++)
            for (var c = 0; c < reference[i].Length; c++)
                Assert.True(Math.Abs(reference[i][c] - probabilities[c].AsFloat64()[i]) <= 1e-4,
                    $"{expected}: row {i} class {c} probability {probabilities[c].AsFloat64()[i]}, scikit-learn {reference[i][c]}");
    }

    [Theory]
    [MemberData(nameof(LetterCases))]
    public void Held_out_score_on_letter_recognition_is_within_a_point_of_scikit_learn(int index) =>
        ScikitLearnFixtures.FitAndCompareScore(Recorded[index], ScikitLearnFixtures.Load("letter-recognition"));
}
