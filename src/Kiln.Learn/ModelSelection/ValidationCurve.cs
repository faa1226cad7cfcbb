using Kiln.Data;

namespace Kiln.Learn.ModelSelection;

/// <summary>
/// Training and validation scores against one hyperparameter's values (scikit-learn's validation_curve): the estimator
/// with each value is cross-validated on the same folds, every value × fold in parallel.
/// </summary>
public static class ValidationCurve
{
    /// <summary>
    /// The curve of <paramref name="parameter"/> (a catalog name; <c>step__name</c> inside a pipeline) over
    /// <paramref name="values"/>, typed or text; each is checked against the parameter's range.
    /// </summary>
    public static ValidationCurveResult Compute(IEstimator estimator, Frame features, Column target, string parameter, IReadOnlyList<object?> values,
        CrossValidationOptions? options = null, IProgress<FitProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) throw new ArgumentException($"a validation curve of '{parameter}' needs at least one value", nameof(values));
        var estimators = values.Select(v => EstimatorParameters.With(estimator, new Dictionary<string, object?> { [parameter] = v })).ToArray();
        var (entry, spec) = EstimatorParameters.Resolve(estimator, parameter);
        var typed = values.Select(v => EstimatorCatalog.Convert(entry.Name, spec, v)).ToArray();
        var setup = ValidationSetup.Create(estimator, features, target, (options ?? new CrossValidationOptions()) with { TrainScores = true });
        var scores = CurveScores.Measure(setup, estimators.Length,
            (point, fold) => setup.Evaluate(estimators[point], fold, cancellationToken), "validation curve", progress, cancellationToken);
        return new ValidationCurveResult(parameter, typed, setup.Scoring[0], scores);
    }
}
