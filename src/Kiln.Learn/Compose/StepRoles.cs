namespace Kiln.Learn.Compose;

/// <summary>What a step's estimator fits into, read from its type so that a composite is checked before anything is fitted.</summary>
internal static class StepRoles
{
    public static Type ModelTypeOf(IEstimator estimator)
    {
        foreach (var contract in estimator.GetType().GetInterfaces())
            if (contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(IEstimator<>))
                return contract.GetGenericArguments()[0];
        return typeof(IModel);
    }

    public static bool Resamples(IEstimator estimator) =>
        typeof(IResamplingModel).IsAssignableFrom(ModelTypeOf(estimator))
        || EstimatorCatalog.TryFind(estimator.GetType())?.Has(Capability.ChangesRows) == true;

    /// <summary>A pipeline transforms when its last step does (or only changes rows); everything else by its model type.</summary>
    public static bool Transforms(IEstimator estimator) => estimator switch
    {
        Pipeline pipeline => pipeline.Steps.Count > 0 && (Transforms(pipeline.Steps[^1].Estimator) || Resamples(pipeline.Steps[^1].Estimator)),
        _ => typeof(ITransformerModel).IsAssignableFrom(ModelTypeOf(estimator)),
    };

    public static bool NeedsTarget(IEstimator estimator) => estimator switch
    {
        Pipeline pipeline => pipeline.Steps.Any(s => NeedsTarget(s.Estimator)),
        ColumnTransformer columns => columns.Parts.Any(p => NeedsTarget(p.Transformer)),
        _ => EstimatorCatalog.TryFind(estimator.GetType()) is { } entry
            && (entry.Role is EstimatorRole.Classifier or EstimatorRole.Regressor || entry.Has(Capability.RequiresTarget)),
    };

    /// <summary>The role a fitted model plays; a pipeline plays the role of its last step.</summary>
    public static EstimatorRole RoleOf(IModel model) => model switch
    {
        PipelineModel pipeline => pipeline.Role,
        IClassifierModel => EstimatorRole.Classifier,
        IRegressorModel => EstimatorRole.Regressor,
        IClustererModel => EstimatorRole.Clusterer,
        IOutlierDetectorModel => EstimatorRole.OutlierDetector,
        _ => EstimatorRole.Transformer,
    };

    /// <summary>The role an estimator's model will play, read before fitting: a pipeline's is its last step's; null for a transformer.</summary>
    public static EstimatorRole? RoleOf(IEstimator estimator)
    {
        if (estimator is Pipeline pipeline) return pipeline.Steps.Count == 0 ? null : RoleOf(pipeline.Steps[^1].Estimator);
        if (EstimatorCatalog.TryFind(estimator.GetType()) is { } entry) return entry.Role == EstimatorRole.Transformer ? null : entry.Role;
        var model = ModelTypeOf(estimator);
        if (typeof(IClassifierModel).IsAssignableFrom(model)) return EstimatorRole.Classifier;
        if (typeof(IRegressorModel).IsAssignableFrom(model)) return EstimatorRole.Regressor;
        if (typeof(IClustererModel).IsAssignableFrom(model)) return EstimatorRole.Clusterer;
        if (typeof(IOutlierDetectorModel).IsAssignableFrom(model)) return EstimatorRole.OutlierDetector;
        return null;
    }

    public static string Describe(IEstimator estimator) => estimator switch
    {
        Pipeline => "a pipeline",
        ColumnTransformer => "a column transformer",
        _ => EstimatorCatalog.NameOf(estimator),
    };
}
