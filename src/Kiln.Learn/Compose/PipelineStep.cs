namespace Kiln.Learn.Compose;

/// <summary>One named step of a <see cref="Pipeline"/>.</summary>
public sealed record PipelineStep(string Name, IEstimator Estimator);
