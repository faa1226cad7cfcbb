using Kiln.Data;

namespace Kiln.Learn.Linear;

/// <summary>
/// Least squares with a mixed penalty, ‖y − Xw‖²/(2n) + α·ρ‖w‖₁ + α(1 − ρ)/2·‖w‖², by coordinate descent
/// (scikit-learn's ElasticNet, ρ being l1-ratio).
/// </summary>
[Estimator("elastic-net", EstimatorRole.Regressor, "Least squares with a mix of L1 and L2 penalties",
    Capabilities = [Capability.SampleWeights])]
public sealed record ElasticNet : Estimator<LinearRegressorModel>
{
    [Parameter("Strength of the combined penalty", Min = 0, Search = "log(0.0001,10)")]
    public double Alpha { get; init; } = 1.0;

    [Parameter("Share of the penalty that is L1 (1 is the lasso, 0 is ridge)", Min = 0, Max = 1, Search = "uniform(0.05,1)")]
    public double L1Ratio { get; init; } = 0.5;

    [Parameter("Fit an intercept (centre the data) rather than pass through the origin")]
    public bool FitIntercept { get; init; } = true;

    [Parameter("Most sweeps over the coefficients", Min = 1)]
    public int MaxIter { get; init; } = 1000;

    [Parameter("Stop when the duality gap is below tol × ‖y‖²", Min = 0, MinExclusive = true)]
    public double Tol { get; init; } = 1e-4;

    protected override LinearRegressorModel FitCore(Frame features, Column? target, FitContext context) =>
        LinearProblem.SolveElasticNet(this, features, target!, context, Alpha, L1Ratio, FitIntercept, MaxIter, Tol);

    /// <summary>One fitted model per alpha (in the order given), solved largest alpha first with warm starts from one Gram matrix.</summary>
    public IReadOnlyList<LinearRegressorModel> FitPath(Frame features, Column target, IReadOnlyList<double> alphas, FitContext? context = null) =>
        LinearProblem.SolveElasticNetPath(this, alpha => this with { Alpha = alpha }, features, target, context, alphas, L1Ratio, FitIntercept, MaxIter, Tol);
}
