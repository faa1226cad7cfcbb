using Kiln.Data;
using Kiln.Data.Datasets;
using Kiln.Tracking;

namespace Kiln.Cli;

/// <summary>
/// How an error leaves the CLI: one line of text and an exit code from sysexits.h, so scripts can tell
/// bad usage (64) from bad data (65), a missing input (66) and a fault in Kiln itself (70).
/// </summary>
public sealed record CliFailure(string Message, int ExitCode)
{
    /// <summary>Not an error: the command did its work and a check it was asked to make failed (evaluate, data validate).</summary>
    public const int ChecksFailed = 1;

    public const int Usage = 64;
    public const int DataError = 65;
    public const int NoInput = 66;
    public const int Unavailable = 69;
    public const int Software = 70;
    public const int Cancelled = 130;

    public static CliFailure From(Exception exception) => exception switch
    {
        AggregateException { InnerExceptions.Count: 1 } aggregate => From(aggregate.InnerExceptions[0]),
        DataFormatException e => new(e.Message, DataError),
        TrackingException { Code: TrackingErrorCode.ResourceDoesNotExist } e => new(e.Message, NoInput),
        TrackingException e => new(e.Message, Usage),
        TrackingUnavailableException e => new(e.Message, Unavailable),
        FormatException e => new(e.Message, Usage),
        FileNotFoundException or DirectoryNotFoundException => new(exception.Message, NoInput),
        UnknownColumnException e => new(e.Message, Usage),
        UnknownDatasetException e => new(e.Message, Usage),
        DatasetDownloadException e => new(e.Message, Unavailable),
        ArgumentException e => new(Kiln.Learn.ArgumentMessages.Own(e), Usage),
        OperationCanceledException => new("cancelled", Cancelled),
        HttpRequestException e => new(e.Message, Unavailable),
        InvalidDataException e => new(e.Message, DataError),
        InvalidOperationException e => new(e.Message, DataError),
        IOException e => new(e.Message, 74),
        _ => new($"{exception.GetType().Name}: {exception.Message}", Software),
    };
}
