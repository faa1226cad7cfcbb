using System.Numerics.Tensors;
using Kiln.Data;

namespace Kiln.Learn.Linear;

/// <summary>
/// A linear support-vector classifier (scikit-learn's LinearSVC, dual=True): minimises ½‖w‖² + C·Σ loss(yᵢ·(w·xᵢ + b))
/// by liblinear's dual coordinate descent, one-vs-rest for more than two classes. The intercept is penalised like a
/// weight, as liblinear's bias feature is. LinearSVC has no probabilities; this model's are the softmax of the decision
/// values, which rank classes as the prediction does but are not calibrated. A row's sample weight multiplies its C.
/// </summary>
[Estimator("linear-svm", EstimatorRole.Classifier, "Linear support-vector classifier by dual coordinate descent (liblinear)",
    Capabilities = [Capability.Randomized, Capability.SampleWeights])]
public sealed record LinearSvm : Estimator<LinearClassifierModel>
{
    [Parameter("Inverse strength of the L2 penalty: smaller is stronger", Min = 0, MinExclusive = true)]
    public double C { get; init; } = 1.0;

    [Parameter("Loss on each row's margin")]
    public SvmLoss Loss { get; init; } = SvmLoss.SquaredHinge;

    [Parameter("Fit an intercept (a constant feature of 1, penalised like the weights)")]
    public bool FitIntercept { get; init; } = true;

    [Parameter("Stop when the projected gradients span less than tol", Min = 0, MinExclusive = true)]
    public double Tol { get; init; } = 1e-4;

    [Parameter("Most passes over the rows per one-vs-rest problem", Min = 1)]
    public int MaxIter { get; init; } = 1000;

    [Parameter("Seed of the order in which rows are visited")]
    public long Seed { get; init; }

    protected override LinearClassifierModel FitCore(Frame features, Column? target, FitContext context)
    {
        const string name = "linear-svm";
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
        var passes = new int[rows];
        var done = 0;
        Compose.PartsInParallel.Run(rows, context.Cancellation, r =>
        {
            // two classes: one problem whose positive side is the second class; more: each class against the rest
            var positive = rows == 1 ? 1 : r;
            var y = new sbyte[n];
            for (var i = 0; i < n; i++) y[i] = labels.CodeOfRow[i] == positive ? (sbyte)1 : (sbyte)-1;
            var w = new double[p + 1];
            passes[r] = DualCoordinateDescent.Solve(x.Values, n, p, y, context.SampleWeights, C, Loss, FitIntercept, Tol, MaxIter,
                new RandomArrays(seeds[r]), w, context.Cancellation);
            w.AsSpan(0, p).CopyTo(coefficients.AsSpan(r * p, p));
            intercepts[r] = w[p];
            context.Progress?.Report(new FitProgress(name, Interlocked.Increment(ref done), rows));
        });
        return new LinearClassifierModel(this, InputSchema.Of(features), labels.Values(), coefficients, intercepts, LinearScoreProbability.Softmax, TensorPrimitives.Max<int>(passes));
    }
}
