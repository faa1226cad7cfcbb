using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kiln.Serving.Monitoring;

/// <summary>
/// What a model version saw in training, kept so that live traffic can be compared with it: each input feature's
/// spread and the spread of the model's own predictions on the training rows (classes or values), plus the labels.
/// Written by <c>kiln train</c> as <see cref="FileName"/>-style JSON beside the package and into the run's artifacts.
/// </summary>
/// <param name="Target">The column the model predicts.</param>
/// <param name="Task"><c>classification</c> or <c>regression</c>.</param>
/// <param name="TrainingAccuracy">Classifiers: the share of training rows the model predicts right, when labels were given.</param>
/// <param name="Fingerprint">The training data's fingerprint, the same as in the package manifest.</param>
public sealed record ReferenceProfile(
    string Target,
    string Task,
    string? Fingerprint,
    DateTimeOffset Created,
    IReadOnlyList<FeatureReference> Features,
    FeatureReference Predictions,
    FeatureReference? Labels,
    double? TrainingAccuracy = null)
{
    public const string Classification = "classification";
    public const string Regression = "regression";

    /// <summary>The folder of a run's artifacts that holds the reference, and the run tag naming its path.</summary>
    public const string ArtifactFolder = "monitoring";
    public const string RunTag = "kiln.reference";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = false,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public bool IsClassification => Task == Classification;

    /// <summary>The reference file written beside a package: <c>churn.kiln</c> → <c>churn.reference.json</c>.</summary>
    public static string PathBeside(string packagePath) => Path.ChangeExtension(Path.GetFullPath(packagePath), ".reference.json");

    public void Save(string path)
    {
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(this, Json));
        File.Move(temporary, path, overwrite: true);
    }

    public static ReferenceProfile Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"reference profile {path} does not exist", path);
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>Reads a reference profile; <paramref name="source"/> names it in errors.</summary>
    public static ReferenceProfile Read(Stream stream, string source)
    {
        try
        {
            var profile = JsonSerializer.Deserialize<ReferenceProfile>(stream, Json) ?? throw new InvalidDataException($"{source}: the reference profile is empty");
            if (profile.Features is null || profile.Predictions is null || string.IsNullOrEmpty(profile.Task))
                throw new InvalidDataException($"{source}: the reference profile lacks 'features', 'predictions' or 'task'");
            return profile;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: the reference profile is not valid JSON ({e.Message})", e);
        }
    }
}
