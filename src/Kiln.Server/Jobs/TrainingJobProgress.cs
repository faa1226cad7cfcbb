namespace Kiln.Server.Jobs;

/// <summary>How far a running job is: the stage (a model's name, a search's fits) and the steps done of the total.</summary>
public sealed record TrainingJobProgress(string Stage, long Done, long Total)
{
    /// <summary>The share done, 0 to 1.</summary>
    public double Fraction => Total <= 0 ? 0 : Math.Clamp((double)Done / Total, 0, 1);
}
