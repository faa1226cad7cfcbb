using System.Net;

namespace Kiln.Data.Datasets;

/// <summary>
/// A dataset file that could not be fetched or did not match the catalog: the message names the URL and HTTP
/// status, or the file with its expected and actual size or SHA-256.
/// </summary>
public sealed class DatasetDownloadException(string message, Uri? url = null, HttpStatusCode? statusCode = null, Exception? inner = null)
    : IOException(message, inner)
{
    public Uri? Url { get; } = url;
    public HttpStatusCode? StatusCode { get; } = statusCode;
}
