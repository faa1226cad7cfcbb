namespace Kiln.Plots;

/// <summary>A score's mean and standard deviation over cross-validation folds at each point of a curve.</summary>
public sealed record ScoreBand(double[] Mean, double[] StandardDeviation)
{
    public double[] Lower() => [.. Mean.Select((m, i) => m - StandardDeviation[i])];

    public double[] Upper() => [.. Mean.Select((m, i) => m + StandardDeviation[i])];

    internal void CheckLength(int points, string name)
    {
        if (Mean.Length != points || StandardDeviation.Length != points)
            throw new ArgumentException($"the {name} scores have {Mean.Length} means and {StandardDeviation.Length} standard deviations for {points} points; give one of each per point", name);
    }
}
