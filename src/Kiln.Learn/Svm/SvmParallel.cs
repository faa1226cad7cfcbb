namespace Kiln.Learn.Svm;

/// <summary>Independent problems solved on every core, with cancellation surfacing as itself rather than wrapped.</summary>
internal static class SvmParallel
{
    public static void For(int count, CancellationToken cancellation, Action<int> body)
    {
        try
        {
            Parallel.For(0, count, new ParallelOptions { CancellationToken = cancellation }, body);
        }
        catch (AggregateException error) when (error.InnerExceptions.All(e => e is OperationCanceledException))
        {
            throw new OperationCanceledException(cancellation);
        }
        catch (AggregateException error) when (error.InnerExceptions.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(error.InnerExceptions[0]).Throw();
        }
    }
}
