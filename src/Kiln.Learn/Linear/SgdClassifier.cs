using Kiln.Data;

namespace Kiln.Learn.Linear;

/// <summary>
/// A linear classifier fitted by stochastic gradient descent (scikit-learn's SGDClassifier), one row at a time, for
/// data too large for a batch solver. More than two classes are fitted one against the rest. Log-loss gives the
/// sigmoid of each class's score normalised over the classes as probabilities, modified Huber scikit-learn's clipped
/// version; hinge (which scikit-learn gives none) the softmax of the scores, which is not calibrated.
/// </summary>
[Estimator("sgd-classifier", EstimatorRole.Classifier, "Linear classifier by stochastic gradient descent: hinge, log-loss or modified Huber",
    Capabilities = [Capability.Randomized, Capability.SampleWeights])]
public sealed record SgdClassifier : SgdParameters<LinearClassifierModel>
{
    [Parameter("Loss on each row's margin")]
    public SgdClassifierLoss Loss { get; init; } = SgdClassifierLoss.Hinge;

    [Parameter("Step size schedule")]
    public SgdLearningRate LearningRate { get; init; } = SgdLearningRate.Optimal;

    [Parameter("Initial step size for the constant and invscaling schedules", Min = 0)]
    public double Eta0 { get; init; }

    [Parameter("Exponent of the invscaling schedule", Min = 0)]
    public double PowerT { get; init; } = 0.5;

    protected override LinearClassifierModel FitCore(Frame features, Column? target, FitContext context)
    {
        const string name = "sgd-classifier";
        var loss = Loss switch { SgdClassifierLoss.LogLoss => SgdLoss.LogLoss, SgdClassifierLoss.ModifiedHuber => SgdLoss.ModifiedHuber, _ => SgdLoss.Hinge };
        var settings = Settings(loss, 0, LearningRate, Eta0, PowerT, name);
        var x = NumericInput.Matrix(features, name);
        var labels = OneVsRest.Classes(target!, name);
        var n = x.RowCount;
        var (coefficients, intercepts, epochs) = OneVsRest.Fit(labels, x.FeatureCount, Seed, name, context,
            (int positive, RandomArrays random, Span<double> weights, out double intercept) =>
            {
                var y = new double[n];
                for (var i = 0; i < n; i++) y[i] = labels.CodeOfRow[i] == positive ? 1 : -1;
                return StochasticGradientDescent.Fit(x, y, context.SampleWeights, settings, random, weights, out intercept, context.Cancellation);
            });
        var probability = Loss switch
        {
            SgdClassifierLoss.LogLoss => LinearScoreProbability.NormalisedSigmoid,
            SgdClassifierLoss.ModifiedHuber => LinearScoreProbability.NormalisedModifiedHuber,
            _ => LinearScoreProbability.Softmax,
        };
        return new LinearClassifierModel(this, InputSchema.Of(features), labels.Values(), coefficients, intercepts, probability, epochs);
    }
}
