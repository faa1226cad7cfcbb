using System.Text.Json.Nodes;

namespace Kiln.Learn;

/// <summary>
/// The <c>manifest.json</c> of a model package: what the model is, what it takes and gives, how it was made, and the
/// SHA-256 of every other entry, which loading checks before it reads anything else.
/// </summary>
/// <param name="Estimator">The catalog name for an estimator's model, the composite kind (<c>pipeline</c>) otherwise.</param>
/// <param name="Kind"><c>estimator</c>, or the composite kind.</param>
/// <param name="Parameters">The hyperparameters; for a composite, its parts with theirs.</param>
/// <param name="Classes">The class labels as text when the model is a classifier.</param>
/// <param name="Entries">Entry name → lower-case hex SHA-256 of its bytes.</param>
public sealed record PackageManifest(
    int FormatVersion,
    string KilnVersion,
    DateTimeOffset Created,
    string Estimator,
    string Kind,
    JsonObject Parameters,
    InputSchema InputSchema,
    IReadOnlyList<string>? Classes,
    IReadOnlyDictionary<string, double> Metrics,
    string? DataFingerprint,
    long? Seed,
    IReadOnlyDictionary<string, string> Entries);
