using Kiln.Data;

namespace Kiln.Learn.Linear;

/// <summary>The checked inputs of a linear regressor: the dense features and a numeric target without gaps.</summary>
internal static class LinearProblem
{
    public static (FeatureMatrix X, double[] Y) Of(Frame features, Column? target, string estimator)
    {
        var x = NumericInput.Matrix(features, estimator);
        return (x, Target(target, estimator));
    }

    /// <summary>The centred normal equations straight from the frame's columns, which the squared-loss solvers need and nothing more.</summary>
    static CenteredGram GramOf(Frame features, Column? target, string estimator, double[]? weights, bool center) =>
        CenteredGram.Of(NumericInput.Columns(features, estimator), Target(target, estimator), weights, center);

    static double[] Target(Column? target, string estimator)
    {
        if (target is null) throw new ArgumentException($"{estimator} needs a target column to fit", nameof(target));
        if (!target.Type.IsNumeric())
            throw new ArgumentException($"{estimator}: the target '{target.Name}' is {target.Type.Name()}; a regressor needs a numeric target", nameof(target));
        var y = target.AsFloat64().Values.ToArray();
        for (var i = 0; i < y.Length; i++)
            if (!double.IsFinite(y[i]))
                throw new ArgumentException($"{estimator}: the target '{target.Name}' holds {(double.IsNaN(y[i]) ? "a missing value" : "an infinite value")} at row {i}; drop or fill it first", nameof(target));
        return y;
    }

    /// <summary>The least-squares or ridge solution with its intercept, as a model.</summary>
    public static LinearRegressorModel SolveClosedForm(IEstimator estimator, Frame features, Column target, FitContext context, double alpha, bool fitIntercept)
    {
        var name = EstimatorCatalog.NameOf(estimator);
        var problem = GramOf(features, target, name, context.SampleWeights, fitIntercept);
        context.Cancellation.ThrowIfCancellationRequested();
        var (coefficients, rank) = NormalEquations.Solve(problem.Gram, problem.Moments, alpha);
        var intercept = fitIntercept ? problem.InterceptFor(coefficients) : 0;
        return new LinearRegressorModel(estimator, InputSchema.Of(features), target.Name, coefficients, intercept, rank, null);
    }

    /// <summary>
    /// One elastic-net model per alpha from a single Gram computation, largest alpha first, each coordinate descent
    /// starting from the previous solution (a warm start), which is how a regularisation path is cheap.
    /// </summary>
    public static IReadOnlyList<LinearRegressorModel> SolveElasticNetPath(IEstimator estimator, Func<double, IEstimator> withAlpha,
        Frame features, Column target, FitContext? context, IReadOnlyList<double> alphas, double l1Ratio, bool fitIntercept, int maxIterations, double tol)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(alphas);
        context ??= FitContext.Default;
        var name = EstimatorCatalog.NameOf(estimator);
        foreach (var alpha in alphas)
            if (!(alpha >= 0) || double.IsInfinity(alpha))
                throw new ArgumentException($"{name}: every alpha of a path must be finite and non-negative, found {alpha}", nameof(alphas));
        var order = Enumerable.Range(0, alphas.Count).OrderByDescending(a => alphas[a]).ToArray();
        var models = new LinearRegressorModel[alphas.Count];
        EstimatorCatalog.Validate(estimator);
        InputValues.Check(features, estimator);
        if (context.SampleWeights is { } weights)
            foreach (var w in weights)
                if (weights.Length != features.RowCount || !(w >= 0) || double.IsInfinity(w))
                    throw new ArgumentException($"{name}: the sample weights must be {features.RowCount} finite non-negative numbers", nameof(context));
        var problem = GramOf(features, target, name, context.SampleWeights, fitIntercept);
        var n = problem.WeightTotal;
        var coefficients = new double[problem.FeatureCount];
        foreach (var a in order)
        {
            var alpha = alphas[a];
            var (sweeps, _) = GramCoordinateDescent.Minimise(problem, alpha * l1Ratio * n, alpha * (1 - l1Ratio) * n, maxIterations, tol, coefficients, context.Cancellation);
            var intercept = fitIntercept ? problem.InterceptFor(coefficients) : 0;
            models[a] = new LinearRegressorModel(withAlpha(alpha), InputSchema.Of(features), target.Name, (double[])coefficients.Clone(), intercept, null, sweeps);
        }
        return models;
    }

    /// <summary>The elastic-net solution by coordinate descent; <paramref name="l1Ratio"/> 1 is the lasso.</summary>
    public static LinearRegressorModel SolveElasticNet(IEstimator estimator, Frame features, Column target, FitContext context,
        double alpha, double l1Ratio, bool fitIntercept, int maxIterations, double tol)
    {
        var name = EstimatorCatalog.NameOf(estimator);
        var problem = GramOf(features, target, name, context.SampleWeights, fitIntercept);
        // scikit-learn's objective averages the loss over rows; multiplying through by the weight total gives the per-row penalties
        var n = problem.WeightTotal;
        var coefficients = new double[problem.FeatureCount];
        var (sweeps, _) = GramCoordinateDescent.Minimise(problem, alpha * l1Ratio * n, alpha * (1 - l1Ratio) * n, maxIterations, tol, coefficients, context.Cancellation);
        var intercept = fitIntercept ? problem.InterceptFor(coefficients) : 0;
        return new LinearRegressorModel(estimator, InputSchema.Of(features), target.Name, coefficients, intercept, null, sweeps);
    }
}
