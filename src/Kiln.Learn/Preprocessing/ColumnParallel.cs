using System.Runtime.ExceptionServices;

namespace Kiln.Learn.Preprocessing;

/// <summary>Runs one body per column in parallel and lets a column's own error surface as itself, not wrapped in an AggregateException.</summary>
internal static class ColumnParallel
{
    public static void For(int count, Action<int> body)
    {
        try
        {
            Parallel.For(0, count, body);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }
}
