namespace Kiln.Server.Jobs;

/// <summary>A training job refused before it was queued; <see cref="Field"/> names the part of the request at fault.</summary>
public sealed class TrainingJobRejectedException(string field, string message) : Exception(message)
{
    /// <summary>The request's field at fault: dataset, target, task, algorithm, parameters.NAME, models, search, trials, folds.</summary>
    public string Field { get; } = field;
}
