using System.Numerics.Tensors;
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
        var labels = ClassLabels.Of(target!, nameof(target)).Sorted();
        if (labels.Count < 2)
            throw new ArgumentException($"{name}: the target '{target!.Name}' has only one class ('{labels.Name(0)}'); a classifier needs at least two", nameof(target));
        var (n, p) = (x.RowCount, x.FeatureCount);
        var rows = labels.Count == 2 ? 1 : labels.Count;
        var coefficients = new double[rows * p];
        var intercepts = new double[rows];
        // each one-vs-rest problem draws its row order from its own seed, so they can run side by side and still repeat exactly
        var seeds = new RandomArrays(Seed).Integers(0, long.MaxValue, rows);
        var epochs = new int[rows];
        var done = 0;
        Compose.PartsInParallel.Run(rows, context.Cancellation, r =>
        {
            // two classes: one problem whose positive side is the second class; more: each class against the rest
            var positive = rows == 1 ? 1 : r;
            var y = new double[n];
            for (var i = 0; i < n; i++) y[i] = labels.CodeOfRow[i] == positive ? 1 : -1;
            epochs[r] = StochasticGradientDescent.Fit(x, y, context.SampleWeights, settings, new RandomArrays(seeds[r]),
                coefficients.AsSpan(r * p, p), out intercepts[r], context.Cancellation);
            context.Progress?.Report(new FitProgress(name, Interlocked.Increment(ref done), rows));
        });
        var probability = Loss switch
        {
            SgdClassifierLoss.LogLoss => LinearScoreProbability.NormalisedSigmoid,
            SgdClassifierLoss.ModifiedHuber => LinearScoreProbability.NormalisedModifiedHuber,
            _ => LinearScoreProbability.Softmax,
        };
        return new LinearClassifierModel(this, InputSchema.Of(features), labels.Values(), coefficients, intercepts, probability, TensorPrimitives.Max<int>(epochs));
    }
}
