using Kiln.Data;

namespace Kiln.Learn.Linear;

/// <summary>
/// Logistic regression (scikit-learn's LogisticRegression): one coefficient row for two classes, a multinomial
/// (softmax) model with one row per class for more. Minimises C·Σ wᵢ·log-loss + penalty: by L-BFGS under L2 or none,
/// by Newton steps on each class's row solved with coordinate descent under L1 and elastic net.
/// </summary>
[Estimator("logistic-regression", EstimatorRole.Classifier, "Linear classifier with class probabilities, binary or multinomial",
    Capabilities = [Capability.SampleWeights])]
public sealed record LogisticRegression : Estimator<LinearClassifierModel>
{
    [Parameter("Penalty on the coefficients")]
    public LogisticPenalty Penalty { get; init; } = LogisticPenalty.L2;

    [Parameter("Inverse strength of the penalty: smaller is stronger", Min = 0, MinExclusive = true, Search = "log(0.001,100)")]
    public double C { get; init; } = 1.0;

    [Parameter("Share of the elastic-net penalty that is L1", Min = 0, Max = 1)]
    public double L1Ratio { get; init; } = 0.5;

    [Parameter("Weigh classes equally (balanced) or rows equally (none)")]
    public ClassWeighting ClassWeight { get; init; } = ClassWeighting.None;

    [Parameter("Fit an intercept per class")]
    public bool FitIntercept { get; init; } = true;

    [Parameter("Most L-BFGS iterations (L2, none) or Newton passes over the classes (L1, elastic net)", Min = 1)]
    public int MaxIter { get; init; } = 100;

    [Parameter("Stop when the gradient per unit of row weight is below tol (L-BFGS) or no coefficient moves by more than tol × max(1, largest) (Newton)", Min = 0, MinExclusive = true)]
    public double Tol { get; init; } = 1e-4;

    protected override LinearClassifierModel FitCore(Frame features, Column? target, FitContext context)
    {
        const string name = "logistic-regression";
        var x = NumericInput.Matrix(features, name);
        var labels = ClassLabels.Of(target!, nameof(target)).Sorted();
        if (labels.Count < 2)
            throw new ArgumentException($"{name}: the target '{target!.Name}' has only one class ('{labels.Name(0)}'); a classifier needs at least two", nameof(target));
        var weights = RowWeights(labels, context.SampleWeights);
        var (l1, l2) = Penalty switch
        {
            LogisticPenalty.L2 => (0.0, 1 / C),
            LogisticPenalty.L1 => (1 / C, 0.0),
            LogisticPenalty.ElasticNet => (L1Ratio / C, (1 - L1Ratio) / C),
            _ => (0.0, 0.0),
        };
        if (l1 == 0)
        {
            var lbfgs = new LogisticLbfgs(x, labels.CodeOfRow, labels.Count, weights, l2, FitIntercept);
            var steps = lbfgs.Run(MaxIter, Tol, context);
            return new LinearClassifierModel(this, InputSchema.Of(features), labels.Values(), lbfgs.Coefficients, lbfgs.Intercepts, LinearScoreProbability.Softmax, steps);
        }
        var newton = new LogisticNewton(x, labels.CodeOfRow, labels.Count, weights, l1, l2, FitIntercept);
        var passes = newton.Run(MaxIter, Tol, context);
        return new LinearClassifierModel(this, InputSchema.Of(features), labels.Values(), newton.Coefficients, newton.Intercepts, LinearScoreProbability.Softmax, passes);
    }

    double[] RowWeights(ClassLabels labels, double[]? sampleWeights)
    {
        var weights = new double[labels.RowCount];
        var classWeights = new double[labels.Count];
        for (var c = 0; c < classWeights.Length; c++)
            classWeights[c] = ClassWeight == ClassWeighting.Balanced ? labels.RowCount / (double)(labels.Count * (long)labels.Counts[c]) : 1;
        for (var i = 0; i < weights.Length; i++)
            weights[i] = (sampleWeights?[i] ?? 1) * classWeights[labels.CodeOfRow[i]];
        return weights;
    }
}
