using Kiln.Data;

namespace Kiln.Learn.Linear;

/// <summary>Least squares with an L2 penalty α‖w‖² on the coefficients (scikit-learn's Ridge); the intercept is not penalised.</summary>
[Estimator("ridge", EstimatorRole.Regressor, "Least squares with an L2 penalty on the coefficients",
    Capabilities = [Capability.SampleWeights])]
public sealed record Ridge : Estimator<LinearRegressorModel>
{
    [Parameter("Strength of the L2 penalty α‖w‖²", Min = 0, Search = "log(0.001,100)")]
    public double Alpha { get; init; } = 1.0;

    [Parameter("Fit an intercept (centre the data) rather than pass through the origin")]
    public bool FitIntercept { get; init; } = true;

    protected override LinearRegressorModel FitCore(Frame features, Column? target, FitContext context) =>
        LinearProblem.SolveClosedForm(this, features, target!, context, Alpha, FitIntercept);
}
