namespace Kiln.Neural.Experiments;

/// <summary>The variants an experiment trained, in the order run, and whether it was stopped before the last.</summary>
public sealed record ExperimentResult(IReadOnlyList<VariantResult> Variants, int Planned, bool Cancelled)
{
    /// <summary>
    /// Best first by validation accuracy (by training accuracy when no rows were held out); the test rows never
    /// choose, so their accuracy stays an honest estimate. Ties keep the order run.
    /// </summary>
    public IReadOnlyList<VariantResult> Ranked => [.. Variants.OrderByDescending(Score)];

    /// <summary>The measure ranking uses, as its history key.</summary>
    public string RankedBy => Variants.Any(v => v.Validation is not null) ? "val_accuracy" : "accuracy";

    double Score(VariantResult result)
    {
        var score = RankedBy == "val_accuracy" ? result.ValidationAccuracy : result.TrainAccuracy;
        return double.IsNaN(score) ? double.NegativeInfinity : score;
    }
}
