using Kiln.Data;
using Kiln.Learn.Training;

namespace Kiln.Learn.Tests.Training;

public sealed class ModelTrainingTests
{
    static Frame Points()
    {
        var random = new Random(3);
        var (x, label) = (new double[120], new string[120]);
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = random.NextDouble();
            label[i] = x[i] > 0.5 ? "high" : "low";
        }
        return new Frame(new Float64Column("x", x), new StringColumn("level", label));
    }

    [Fact]
    public void Training_passes_on_the_algorithms_own_progress_up_to_its_last_tree()
    {
        var reports = new List<FitProgress>();
        ModelTraining.Train(Points(), "points.csv", "level", "random-forest-classifier",
            new Dictionary<string, object?> { ["n-estimators"] = "12" }, seed: 1, progress: new ProgressRecorder(reports));
        var trees = reports.Where(r => r.Stage == "trees").ToList();
        Assert.NotEmpty(trees);
        Assert.Equal(new FitProgress("trees", 12, 12), trees[^1]);
    }
}
