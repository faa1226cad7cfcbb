using System.Runtime.ExceptionServices;

namespace Kiln.Learn.Compose;

/// <summary>Runs independent parts on all cores and rethrows a part's own exception, so errors stay as clear as when run alone.</summary>
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
            Parallel.For(0, count, new ParallelOptions { CancellationToken = cancellation }, part);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
    }
}
