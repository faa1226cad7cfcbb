using Kiln.Data;

namespace Kiln.Learn.Linear;

/// <summary>Ordinary least squares (scikit-learn's LinearRegression); collinear columns get the minimum-norm solution, reported by the model's Rank.</summary>
[Estimator("linear-regression", EstimatorRole.Regressor, "Ordinary least squares with an intercept",
    Capabilities = [Capability.SampleWeights])]
public sealed record LinearRegression : Estimator<LinearRegressorModel>
{
    [Parameter("Fit an intercept (centre the data) rather than pass through the origin")]
    public bool FitIntercept { get; init; } = true;

    protected override LinearRegressorModel FitCore(Frame features, Column? target, FitContext context) =>
        LinearProblem.SolveClosedForm(this, features, target!, context, 0, FitIntercept);
}
