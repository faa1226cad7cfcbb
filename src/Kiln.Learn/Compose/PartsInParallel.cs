using System.Runtime.ExceptionServices;

namespace Kiln.Learn.Compose;

/// <summary>
/// Runs independent parts on all cores, at most one part per core at a time (so memory a part sizes for itself adds
/// up to a known bound), and rethrows a part's own exception, so errors stay as clear as when run alone.
/// </summary>
internal static class PartsInParallel
{
    public static void Run(int count, CancellationToken cancellation, Action<int> part)
    {
        if (count == 1)
        {
            part(0);
            return;
        }
        try
        {
            var options = new ParallelOptions { CancellationToken = cancellation, MaxDegreeOfParallelism = Environment.ProcessorCount };
            Parallel.For(0, count, options, part);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
    }
}
