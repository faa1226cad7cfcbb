using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Kiln.Learn.Compose;

/// <summary>
/// Runs independent parts on all cores, at most one part per core at a time (so memory a part sizes for itself adds
/// up to a known bound), and rethrows a part's own exception, so errors stay as clear as when run alone.
/// </summary>
internal static class PartsInParallel
{
    public static void Run(int count, CancellationToken cancellation, Action<int> part) =>
        Run(count, Environment.ProcessorCount, cancellation, part);

    /// <summary>
    /// Runs the parts at most <paramref name="parallelism"/> at a time, handing them out one by one in order, so that
    /// parts of very different lengths still keep every worker busy to the end.
    /// </summary>
    public static void Run(int count, int parallelism, CancellationToken cancellation, Action<int> part)
    {
        if (count == 1 || parallelism == 1)
        {
            for (var i = 0; i < count; i++)
            {
                cancellation.ThrowIfCancellationRequested();
                part(i);
            }
            return;
        }
        try
        {
            var options = new ParallelOptions { CancellationToken = cancellation, MaxDegreeOfParallelism = parallelism };
            Parallel.ForEach(Partitioner.Create(Enumerable.Range(0, count), EnumerablePartitionerOptions.NoBuffering), options, part);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
    }
}
