namespace Kiln.Learn.ModelSelection;

/// <summary>Which training sizes a learning curve measures and whether each fold's rows are shuffled before the first ones are taken.</summary>
public sealed record LearningCurveOptions
{
    /// <summary>Sizes as fractions (at most 1) of the largest training fold, or as row counts (above 1): by default 10%, 25%, 50%, 75% and 100%.</summary>
    public IReadOnlyList<double> TrainSizes { get; init; } = [0.1, 0.25, 0.5, 0.75, 1.0];

    /// <summary>Shuffle each fold's training rows before taking the first ones, so that rows sorted by class or time do not skew the small sizes.</summary>
    public bool Shuffle { get; init; }

    public long Seed { get; init; }
}
