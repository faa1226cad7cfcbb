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
    [Parameter("Inverse strength of the L2 penalty: smaller is stronger", Min = 0, MinExclusive = true, Search = "log(0.001,100)")]
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
        var labels = OneVsRest.Classes(target!, name);
        var (n, p) = (x.RowCount, x.FeatureCount);
        var (coefficients, intercepts, passes) = OneVsRest.Fit(labels, p, Seed, name, context,
            (int positive, RandomArrays random, Span<double> weights, out double intercept) =>
            {
                var y = new sbyte[n];
                for (var i = 0; i < n; i++) y[i] = labels.CodeOfRow[i] == positive ? (sbyte)1 : (sbyte)-1;
                var w = new double[p + 1];
                var solved = DualCoordinateDescent.Solve(x.Values, n, p, y, context.SampleWeights, C, Loss, FitIntercept, Tol, MaxIter,
                    random, w, context.Cancellation);
                w.AsSpan(0, p).CopyTo(weights);
                intercept = w[p];
                return solved;
            });
        return new LinearClassifierModel(this, InputSchema.Of(features), labels.Values(), coefficients, intercepts, LinearScoreProbability.Softmax, passes);
    }
}
