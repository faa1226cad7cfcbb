using System.Numerics.Tensors;
using Kiln.Data;

namespace Kiln.Learn.Linear;

/// <summary>
/// Fits one binary linear problem per class against the rest (a single problem, for the second class, when there are
/// two), side by side on all cores; each draws from its own seed, so the result repeats whatever the scheduling.
/// </summary>
internal static class OneVsRest
{
    /// <summary>Solves the problem whose positive side is class <paramref name="positive"/>; returns its passes or epochs.</summary>
    public delegate int Problem(int positive, RandomArrays random, Span<double> coefficients, out double intercept);

    /// <summary>The target's classes in ascending order, refusing a target with only one.</summary>
    public static ClassLabels Classes(Column target, string name)
    {
        var labels = ClassLabels.Of(target, nameof(target)).Sorted();
        if (labels.Count < 2)
            throw new ArgumentException($"{name}: the target '{target.Name}' has only one class ('{labels.Name(0)}'); a classifier needs at least two", nameof(target));
        return labels;
    }

    /// <summary>Coefficients (problems × features, row-major), intercepts, and the most passes any problem took.</summary>
    public static (double[] Coefficients, double[] Intercepts, int MostPasses) Fit(ClassLabels labels, int featureCount, long seed, string name,
        FitContext context, Problem solve)
    {
        var problems = labels.Count == 2 ? 1 : labels.Count;
        var coefficients = new double[problems * featureCount];
        var intercepts = new double[problems];
        var seeds = new RandomArrays(seed).Integers(0, long.MaxValue, problems);
        var passes = new int[problems];
        var done = 0;
        Compose.PartsInParallel.Run(problems, context.Cancellation, r =>
        {
            passes[r] = solve(problems == 1 ? 1 : r, new RandomArrays(seeds[r]), coefficients.AsSpan(r * featureCount, featureCount), out intercepts[r]);
            context.Progress?.Report(new FitProgress(name, Interlocked.Increment(ref done), problems));
        });
        return (coefficients, intercepts, TensorPrimitives.Max<int>(passes));
    }
}
