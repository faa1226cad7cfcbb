using Kiln.Data;

namespace Kiln.Learn.Linear;

/// <summary>Least squares with an L1 penalty, ‖y − Xw‖²/(2n) + α‖w‖₁, by coordinate descent (scikit-learn's Lasso).</summary>
[Estimator("lasso", EstimatorRole.Regressor, "Least squares with an L1 penalty that sets weak coefficients to zero",
    Capabilities = [Capability.SampleWeights])]
public sealed record Lasso : Estimator<LinearRegressorModel>
{
    [Parameter("Strength of the L1 penalty", Min = 0, Search = "log(0.0001,10)")]
    public double Alpha { get; init; } = 1.0;

    [Parameter("Fit an intercept (centre the data) rather than pass through the origin")]
    public bool FitIntercept { get; init; } = true;

    [Parameter("Most sweeps over the coefficients", Min = 1)]
    public int MaxIter { get; init; } = 1000;

    [Parameter("Stop when the duality gap is below tol × ‖y‖²", Min = 0, MinExclusive = true)]
    public double Tol { get; init; } = 1e-4;

    protected override LinearRegressorModel FitCore(Frame features, Column? target, FitContext context) =>
        LinearProblem.SolveElasticNet(this, features, target!, context, Alpha, 1, FitIntercept, MaxIter, Tol);

    /// <summary>One fitted model per alpha (in the order given), solved largest alpha first with warm starts from one Gram matrix.</summary>
    public IReadOnlyList<LinearRegressorModel> FitPath(Frame features, Column target, IReadOnlyList<double> alphas, FitContext? context = null) =>
        LinearProblem.SolveElasticNetPath(this, alpha => this with { Alpha = alpha }, features, target, context, alphas, 1, FitIntercept, MaxIter, Tol);
}
