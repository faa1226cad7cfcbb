namespace Kiln.Server.Mlflow;

/// <summary>
/// <c>mlflow-artifacts:/PATH</c>: a path in the server's artifact store, which MLflow clients read and write through
/// <c>/api/2.0/mlflow-artifacts/artifacts/PATH</c>. Runs and experiments are given such locations so that a client that
/// logs artifacts sends them to this server.
/// </summary>
static class MlflowArtifactUri
{
    public const string Scheme = "mlflow-artifacts:";

    public static string Of(string storePath) => $"{Scheme}/{storePath}";

    /// <summary>The store path of an <c>mlflow-artifacts:</c> URI (with or without a host part), or null for any other URI.</summary>
    public static string? StorePathOf(string uri)
    {
        if (!uri.StartsWith(Scheme, StringComparison.Ordinal)) return null;
        var rest = uri[Scheme.Length..];
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            var slash = rest.IndexOf('/', 2);
            rest = slash < 0 ? "" : rest[slash..];
        }
        return rest.Trim('/');
    }
}
