using Kiln.Testing;

namespace Kiln.Plots.Tests;

public class ExperimentReportTests
{
    static ComparedVariant Variant(string name, Dictionary<string, string> settings, double train, double validation, int? restored = null) => new()
    {
        Name = name,
        Settings = settings,
        Epochs =
        [
            new Dictionary<string, double> { ["loss"] = 1.0, ["accuracy"] = 0.5, ["val_loss"] = 1.1, ["val_accuracy"] = 0.4 },
            new Dictionary<string, double> { ["loss"] = 0.4, ["accuracy"] = train, ["val_loss"] = 0.9, ["val_accuracy"] = validation },
        ],
        TrainAccuracy = train,
        ValidationAccuracy = validation,
        TestAccuracy = validation - 0.01,
        ValidationLoss = 0.9,
        TrainLoss = 0.4,
        Seconds = 1.5,
        Parameters = 1234,
        RestoredEpoch = restored,
    };

    static ExperimentComparison Comparison(int planned = 3) => new()
    {
        Title = "Experiment — mlp.json",
        Facts = [("Data", "toy")],
        Keys = [("units", ["32", "64"]), ("dropout", ["0"])],
        Variants =
        [
            Variant("units=64", new() { ["units"] = "64" }, 0.99, 0.90),
            Variant("base", new() { ["units"] = "32" }, 0.97, 0.85, restored: 1),
            Variant("dropout=0", new() { ["dropout"] = "0" }, 1.0, 0.80),
        ],
        Planned = planned,
    };

    [Fact]
    public void The_report_writes_its_page_the_comparisons_one_chart_per_varied_key_and_every_variants_curves()
    {
        using var folder = new TemporaryFolder();
        var files = ExperimentReport.Write(Comparison(), folder.Path);
        Assert.Equal(Path.Combine(folder.Path, "report.html"), files[0]);
        foreach (var name in new[] { "accuracy-by-variant", "gap-by-variant", "loss-gap-by-variant", "key-units", "key-dropout", "curves-01", "curves-02", "curves-03" })
        {
            Assert.Contains(Path.Combine(folder.Path, name + ".png"), files);
            Assert.True(File.Exists(Path.Combine(folder.Path, name + ".svg")), name);
        }
        var html = File.ReadAllText(files[0]);
        Assert.Contains("0.2000", html); // the gap of dropout=0: 1.0 − 0.8
        Assert.Contains("2 (best 1)", html); // early stopping put back epoch 1
        Assert.DoesNotContain("Stopped after", html);
    }

    [Fact]
    public void A_key_chart_shows_the_base_beside_values_it_does_not_have()
    {
        using var folder = new TemporaryFolder();
        ExperimentReport.Write(Comparison(), folder.Path);
        // the base has units=32 itself, so it stands as that value; it has no dropout=0, so it stands beside it
        var units = SvgTexts.Of(File.ReadAllText(Path.Combine(folder.Path, "key-units.svg")));
        Assert.Contains("32", units);
        Assert.DoesNotContain("base", units);
        var dropout = SvgTexts.Of(File.ReadAllText(Path.Combine(folder.Path, "key-dropout.svg")));
        Assert.Contains("base", dropout);
        Assert.Contains("0", dropout);
    }

    [Fact]
    public void A_stopped_experiment_says_how_many_variants_finished()
    {
        using var folder = new TemporaryFolder();
        var html = File.ReadAllText(ExperimentReport.Write(Comparison(planned: 5), folder.Path)[0]);
        Assert.Contains("Stopped after 3 of 5 variants", html);

        var empty = ExperimentReport.Write(Comparison(planned: 5) with { Variants = [] }, folder.File("none"));
        Assert.Single(empty);
        Assert.Contains("No variant finished", File.ReadAllText(empty[0]));
    }
}
