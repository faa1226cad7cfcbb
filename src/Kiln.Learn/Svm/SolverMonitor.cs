namespace Kiln.Learn.Svm;

/// <summary>What a running solver reports to: cancellation is checked and progress reported every so many iterations.</summary>
internal sealed class SolverMonitor(string stage, FitContext context, long maxIterations)
{
    public void Iterated(long iterations)
    {
        context.Cancellation.ThrowIfCancellationRequested();
        context.Progress?.Report(new FitProgress(stage, iterations, Math.Max(0, maxIterations)));
    }

    /// <summary>Tells the caller that the solver stopped at max-iter before the gap fell below tol.</summary>
    public void StoppedEarly(long iterations) =>
        context.Progress?.Report(new FitProgress($"{stage}: stopped at max-iter = {iterations} before converging; the model may be inaccurate", iterations, iterations));
}
