using Kiln.Data;

namespace Kiln.Learn.Linear;

/// <summary>
/// A linear regressor fitted by stochastic gradient descent (scikit-learn's SGDRegressor), one row at a time, for data
/// too large for a batch solver. Features should be standardised: the default invscaling steps assume unit scale.
/// </summary>
[Estimator("sgd-regressor", EstimatorRole.Regressor, "Linear regressor by stochastic gradient descent: squared error, Huber or epsilon-insensitive",
    Capabilities = [Capability.Randomized, Capability.SampleWeights])]
public sealed record SgdRegressor : SgdParameters<LinearRegressorModel>
{
    [Parameter("Loss on each row's residual")]
    public SgdRegressorLoss Loss { get; init; } = SgdRegressorLoss.SquaredError;

    [Parameter("Width ε of the Huber and epsilon-insensitive losses", Min = 0)]
    public double Epsilon { get; init; } = 0.1;

    [Parameter("Step size schedule")]
    public SgdLearningRate LearningRate { get; init; } = SgdLearningRate.InvScaling;

    [Parameter("Initial step size for the constant and invscaling schedules", Min = 0)]
    public double Eta0 { get; init; } = 0.01;

    [Parameter("Exponent of the invscaling schedule", Min = 0)]
    public double PowerT { get; init; } = 0.25;

    protected override LinearRegressorModel FitCore(Frame features, Column? target, FitContext context)
    {
        const string name = "sgd-regressor";
        var loss = Loss switch { SgdRegressorLoss.Huber => SgdLoss.Huber, SgdRegressorLoss.EpsilonInsensitive => SgdLoss.EpsilonInsensitive, _ => SgdLoss.SquaredError };
        var settings = Settings(loss, Epsilon, LearningRate, Eta0, PowerT, name);
        var (x, y) = LinearProblem.Of(features, target, name);
        var coefficients = new double[x.FeatureCount];
        var epochs = StochasticGradientDescent.Fit(x, y, context.SampleWeights, settings, new RandomArrays(Seed), coefficients,
            out var intercept, context.Cancellation);
        return new LinearRegressorModel(this, InputSchema.Of(features), target!.Name, coefficients, intercept, null, epochs);
    }
}
