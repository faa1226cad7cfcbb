using Kiln.Data;
using Kiln.Learn.Imbalance;
using Kiln.Learn.ModelSelection;

namespace Kiln.Learn.Tests.Imbalance;

public class ResamplingInCrossValidationTests
{
    [Fact]
    public void Smote_inside_cross_validation_touches_only_the_training_fold()
    {
        var (features, target) = ImbalancedData.Blobs(major: 40, middle: 20, minor: 15, seed: 7);
        foreach (var fold in new StratifiedKFold(Splits: 3, Shuffle: true, Seed: 1).Split(features.RowCount, target))
        {
            var (trainFeatures, testFeatures) = fold.Take(features);
            var (trainTarget, _) = fold.Take(target);
            var resampled = new Smote { KNeighbors = 3, Seed = 4 }.Resample(trainFeatures, trainTarget);

            // every copied row is a training row, and the test fold is exactly the original rows
            Assert.All(resampled.SourceRows.Where(r => r >= 0), r => Assert.InRange(r, 0, fold.Train.Length - 1));
            for (var i = 0; i < fold.Test.Length; i++)
                Assert.Equal(ImbalancedData.Row(features, fold.Test[i]), ImbalancedData.Row(testFeatures, i));

            // synthetic rows lie between training rows and copy no test row
            var trainRows = Enumerable.Range(0, trainFeatures.RowCount).ToList();
            for (var i = trainFeatures.RowCount; i < resampled.Features.RowCount; i++)
            {
                var point = ImbalancedData.Row(resampled.Features, i);
                Assert.Contains(trainRows, a => trainRows.Any(b => ImbalancedData.OnSegment(point, ImbalancedData.Row(trainFeatures, a), ImbalancedData.Row(trainFeatures, b))));
                for (var t = 0; t < testFeatures.RowCount; t++)
                    Assert.True(ImbalancedData.Row(testFeatures, t).Zip(point, (p, q) => Math.Abs(p - q)).Max() > 1e-9, "a synthetic row copies a test row");
            }
        }
    }
}
