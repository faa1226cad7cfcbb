using Kiln.Data;

namespace Kiln.Learn.Svm;

/// <summary>
/// Kernel support-vector regression (scikit-learn's SVR, libsvm's ε-SVR): errors within ε of the target cost nothing,
/// larger ones cost Cᵢ per unit (Cᵢ = C × sample weight); the dual over 2n variables is solved by SMO.
/// </summary>
[Estimator("svm-regressor", EstimatorRole.Regressor, "Kernel support-vector regression with the epsilon-insensitive loss, by SMO (libsvm's epsilon-SVR)",
    Capabilities = [Capability.SampleWeights])]
public sealed record SvmRegressor : SvmEstimator<SvmRegressorModel>
{
    const string Name = "svm-regressor";

    [Parameter("Penalty on errors beyond epsilon: larger C follows the training targets more tightly, smaller C gives a smoother fit", Min = 0, MinExclusive = true, Search = "log(0.01,100)")]
    public double C { get; init; } = 1.0;

    [Parameter("Width of the tube around the target inside which errors cost nothing (in the target's units)", Min = 0)]
    public double Epsilon { get; init; } = 0.1;

    protected override SvmRegressorModel FitCore(Frame features, Column? target, FitContext context)
    {
        var values = SvmParameters.NumericTarget(Name, target!);
        var x = NumericInput.Matrix(features, Name);
        var width = x.FeatureCount;
        var weights = context.SampleWeights;
        var rows = SvmParameters.WeightedRows(weights, x.RowCount);
        if (rows.Length == 0) throw new ArgumentException($"{Name}: every sample weight is zero", nameof(context));
        var n = rows.Length;
        var data = SvmParameters.Rows(x.Values, width, rows);
        var kernel = SvmParameters.Kernel(Kernel, SvmParameters.ResolveGamma(Name, Gamma, data, width), Degree, Coef0);
        var linear = new double[2 * n];
        var y = new sbyte[2 * n];
        var bounds = new double[2 * n];
        for (var i = 0; i < n; i++)
        {
            var targetValue = values[rows[i]];
            (linear[i], linear[i + n]) = (Epsilon - targetValue, Epsilon + targetValue);
            (y[i], y[i + n]) = (1, -1);
            bounds[i] = bounds[i + n] = C * (weights?[rows[i]] ?? 1.0);
        }
        var q = new RegressionKernelMatrix((double[])data.Clone(), n, width, kernel, CacheSize);
        var monitor = new SolverMonitor(Name, context, MaxIter);
        var result = SmoSolver.Solve(q, linear, y, bounds, Tol, Shrinking, MaxIter, monitor);
        if (!result.Converged) monitor.StoppedEarly(result.Iterations);
        var support = new List<int>();
        var coefficients = new List<double>();
        for (var i = 0; i < n; i++)
        {
            var coefficient = result.Alpha[i] - result.Alpha[i + n];
            if (coefficient == 0) continue;
            support.Add(i);
            coefficients.Add(coefficient);
        }
        var vectors = SvmParameters.Rows(data, width, [.. support]);
        var indices = support.Select(i => rows[i]).ToArray();
        return new SvmRegressorModel(this, InputSchema.Of(features), target!.Name, new SupportVectorExpansion(kernel, vectors, support.Count, width),
            indices, [.. coefficients], -result.Rho, result.Iterations, result.Converged);
    }
}
