namespace Kiln.Serving;

/// <summary>
/// A request named a model, alias or version that the host does not serve. <see cref="Served"/> names the models it
/// does serve, a hint the message carries too; a server that shows each caller only their own models answers with
/// <see cref="Reason"/> alone.
/// </summary>
public sealed class ModelNotServedException(string reason, IReadOnlyList<string>? served = null)
    : Exception(served is { Count: > 0 } ? $"{reason}; served: {string.Join(", ", served)}" : reason)
{
    /// <summary>What was not served, without the names of the models that are.</summary>
    public string Reason { get; } = reason;

    public IReadOnlyList<string> Served { get; } = served ?? [];
}
