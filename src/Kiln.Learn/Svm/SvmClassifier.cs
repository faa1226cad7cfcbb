using Kiln.Data;
using Kiln.Learn.Linear;

namespace Kiln.Learn.Svm;

/// <summary>
/// A kernel support-vector classifier (scikit-learn's SVC, libsvm's C-SVC): for each pair of classes, the dual of
/// min ½‖w‖² + Σ Cᵢ ξᵢ solved by SMO, Cᵢ = C × class weight × sample weight. Predictions are one-vs-one votes;
/// with <see cref="Probability"/> the probabilities are Platt's sigmoids, fitted on five-fold cross-validated decision
/// values, coupled across pairs (Wu, Lin &amp; Weng 2004). The seed only drives that cross-validation split.
/// </summary>
[Estimator("svm-classifier", EstimatorRole.Classifier, "Kernel support-vector classifier by SMO (libsvm's C-SVC), one-vs-one for more than two classes",
    Capabilities = [Capability.Randomized, Capability.SampleWeights])]
public sealed record SvmClassifier : SvmEstimator<SvmClassifierModel>
{
    const string Name = "svm-classifier";

    [Parameter("Penalty on margin violations: larger C fits the training data more tightly, smaller C gives a smoother boundary", Min = 0, MinExclusive = true, Search = "log(0.01,100)")]
    public double C { get; init; } = 1.0;

    [Parameter("Fit calibrated probabilities by Platt scaling with five-fold cross-validation (about six times slower to fit)")]
    public bool Probability { get; init; }

    [Parameter("Weigh classes equally (none) or inversely to their frequency (balanced)")]
    public ClassWeighting ClassWeight { get; init; } = ClassWeighting.None;

    [Parameter("Seed of the cross-validation split behind probability")]
    public long Seed { get; init; }

    protected override SvmClassifierModel FitCore(Frame features, Column? target, FitContext context)
    {
        var x = NumericInput.Matrix(features, Name);
        var labels = ClassLabels.Of(target!, nameof(target)).Sorted();
        if (labels.Count < 2)
            throw new ArgumentException($"{Name}: the target '{target!.Name}' has only one class ('{labels.Name(0)}'); a classifier needs at least two", nameof(target));
        var (n, width, k) = (x.RowCount, x.FeatureCount, labels.Count);
        var weights = context.SampleWeights;
        var kept = SvmParameters.WeightedRows(weights, n);
        var rowsByClass = new List<int>[k];
        for (var c = 0; c < k; c++) rowsByClass[c] = [];
        foreach (var row in kept) rowsByClass[labels.CodeOfRow[row]].Add(row);
        for (var c = 0; c < k; c++)
            if (rowsByClass[c].Count == 0)
                throw new ArgumentException($"{Name}: class '{labels.Name(c)}' has no row with a positive sample weight", nameof(context));
        var gamma = SvmParameters.ResolveGamma(Name, Gamma, SvmParameters.Rows(x.Values, width, kept), width);
        var kernel = SvmParameters.Kernel(Kernel, gamma, Degree, Coef0);
        var pairCount = k * (k - 1) / 2;
        // cache-size bounds the whole fit, as in scikit-learn, so pairs solved at the same time share it
        var settings = new SolverSettings(Tol, Shrinking, MaxIter, CacheSize / Math.Clamp(pairCount, 1, Environment.ProcessorCount));
        var classWeights = new double[k];
        for (var c = 0; c < k; c++) classWeights[c] = ClassWeight == ClassWeighting.Balanced ? (double)n / (k * labels.Counts[c]) : 1.0;

        var pairs = new (int First, int Second)[pairCount];
        for (int a = 0, p = 0; a < k; a++)
            for (var b = a + 1; b < k; b++) pairs[p++] = (a, b);
        var solved = new PairSolution[pairs.Length];
        var done = 0;
        Compose.PartsInParallel.Run(pairs.Length, context.Cancellation, p =>
        {
            var (a, b) = pairs[p];
            var rows = rowsByClass[a].Concat(rowsByClass[b]).ToArray();
            var y = new sbyte[rows.Length];
            var bounds = new double[rows.Length];
            for (var i = 0; i < rows.Length; i++)
            {
                var code = labels.CodeOfRow[rows[i]];
                y[i] = code == a ? (sbyte)1 : (sbyte)-1;
                bounds[i] = C * classWeights[code] * (weights?[rows[i]] ?? 1.0);
            }
            var data = SvmParameters.Rows(x.Values, width, rows);
            var monitor = new SolverMonitor($"{Name}: classes '{labels.Name(a)}' and '{labels.Name(b)}'", context, MaxIter);
            (double A, double B)? sigmoid = null;
            if (Probability)
                sigmoid = BinarySvm.CrossValidatedSigmoid(data, rows.Length, width, y, bounds, kernel, settings, monitor, new Random(PairSeed(p)));
            var (coefficients, result) = BinarySvm.Train(data, rows.Length, width, y, bounds, kernel, settings, monitor);
            if (!result.Converged) monitor.StoppedEarly(result.Iterations);
            solved[p] = new PairSolution(rows, coefficients, result, sigmoid);
            context.Progress?.Report(new FitProgress($"{Name}: pairs of classes", Interlocked.Increment(ref done), pairs.Length));
        });
        return Assemble(features, labels, x, kernel, pairs, solved);
    }

    /// <summary>A seed per pair of classes, so parallel pairs draw the same splits in any order.</summary>
    int PairSeed(int pair) => (int)(((ulong)Seed * 0x9E3779B97F4A7C15UL + (ulong)pair * 0xBF58476D1CE4E5B9UL) >> 33);

    /// <summary>libsvm's model layout: support vectors grouped by class, coefficients (k − 1) × vectors, one ρ per pair.</summary>
    SvmClassifierModel Assemble(Frame features, ClassLabels labels, FeatureMatrix x, KernelFunction kernel, (int First, int Second)[] pairs, PairSolution[] solved)
    {
        var (k, width) = (labels.Count, x.FeatureCount);
        var support = new bool[x.RowCount];
        foreach (var pair in solved)
            for (var i = 0; i < pair.Rows.Length; i++)
                if (pair.Coefficients[i] != 0) support[pair.Rows[i]] = true;
        var indices = new List<int>();
        var counts = new int[k];
        var rowsByClass = labels.RowsByClass();
        for (var c = 0; c < k; c++)
            foreach (var row in rowsByClass[c])
                if (support[row])
                {
                    indices.Add(row);
                    counts[c]++;
                }
        var count = indices.Count;
        var position = new Dictionary<int, int>(count);
        for (var s = 0; s < count; s++) position[indices[s]] = s;
        var coefficients = new double[(k - 1) * count];
        var rho = new double[pairs.Length];
        var iterations = 0L;
        var converged = true;
        for (var p = 0; p < pairs.Length; p++)
        {
            var (a, b) = pairs[p];
            var pair = solved[p];
            for (var i = 0; i < pair.Rows.Length; i++)
            {
                if (!position.TryGetValue(pair.Rows[i], out var s)) continue;
                // class a's vectors keep their coefficient for this pair in row b − 1, class b's in row a
                var rowOfCoefficients = labels.CodeOfRow[pair.Rows[i]] == a ? b - 1 : a;
                coefficients[rowOfCoefficients * count + s] = pair.Coefficients[i];
            }
            rho[p] = pair.Result.Rho;
            iterations = Math.Max(iterations, pair.Result.Iterations);
            converged &= pair.Result.Converged;
        }
        double[]? probabilityA = null, probabilityB = null;
        if (Probability)
        {
            probabilityA = [.. solved.Select(s => s.Sigmoid!.Value.A)];
            probabilityB = [.. solved.Select(s => s.Sigmoid!.Value.B)];
        }
        var vectors = SvmParameters.Rows(x.Values, width, [.. indices]);
        return new SvmClassifierModel(this, InputSchema.Of(features), labels.Values(),
            new SupportVectorExpansion(kernel, vectors, count, width), [.. indices], counts, coefficients, rho, probabilityA, probabilityB, iterations, converged);
    }

    sealed record PairSolution(int[] Rows, double[] Coefficients, SmoResult Result, (double A, double B)? Sigmoid);
}
