using Kiln.Learn.Compose;

namespace Kiln.Learn.ModelSelection;

/// <summary>
/// Hyperparameters of an estimator by the names a search uses: a catalog estimator's own kebab names, and inside a
/// <see cref="Pipeline"/> its last step's names or <c>step__name</c> for another step (scikit-learn's double underscore,
/// nesting as deep as the pipelines do).
/// </summary>
internal static class EstimatorParameters
{
    const string Separator = "__";

    /// <summary>The catalog entry and parameter that <paramref name="name"/> addresses; an unknown name is an error listing the known ones.</summary>
    public static (CatalogEntry Entry, ParameterSpec Spec) Resolve(IEstimator estimator, string name)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (estimator is Pipeline pipeline)
        {
            var (step, rest) = Split(pipeline, name);
            return Resolve(step.Estimator, rest);
        }
        var entry = EstimatorCatalog.TryFind(estimator.GetType())
            ?? throw new ArgumentException($"{estimator.GetType().Name} is not in the estimator catalog, so its parameters cannot be searched", nameof(estimator));
        return (entry, entry.Parameter(name));
    }

    /// <summary>A copy of the estimator with the named parameters set (values typed or text); each is checked against its range.</summary>
    public static IEstimator With(IEstimator estimator, IReadOnlyDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        if (values.Count == 0) return estimator;
        if (estimator is not Pipeline pipeline) return EstimatorCatalog.With(estimator, values);
        var byStep = new Dictionary<string, Dictionary<string, object?>>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            var (step, rest) = Split(pipeline, name);
            if (!byStep.TryGetValue(step.Name, out var changes)) byStep[step.Name] = changes = new(StringComparer.Ordinal);
            changes[rest] = value;
        }
        return pipeline with
        {
            Steps = [.. pipeline.Steps.Select(s => byStep.TryGetValue(s.Name, out var changes) ? s with { Estimator = With(s.Estimator, changes) } : s)],
        };
    }

    /// <summary>The step a name addresses and the name within it: <c>step__name</c>, or the last step for a plain name.</summary>
    static (PipelineStep Step, string Inner) Split(Pipeline pipeline, string name)
    {
        if (pipeline.Steps.Count == 0) throw new ArgumentException("the pipeline has no steps", nameof(pipeline));
        var separator = name.IndexOf(Separator, StringComparison.Ordinal);
        if (separator < 0) return (pipeline.Steps[^1], name);
        var stepName = name[..separator];
        var step = pipeline.Steps.FirstOrDefault(s => s.Name == stepName)
            ?? throw new ArgumentException(
                $"parameter '{name}' names step '{stepName}', which the pipeline does not have (steps: {string.Join(", ", pipeline.Steps.Select(s => s.Name))})", nameof(name));
        return (step, name[(separator + Separator.Length)..]);
    }
}
