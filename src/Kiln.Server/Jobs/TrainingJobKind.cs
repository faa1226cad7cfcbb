using System.Text.Json.Serialization;

namespace Kiln.Server.Jobs;

/// <summary>What a training job does: fit one algorithm, compare several, or tune one's hyperparameters.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TrainingJobKind>))]
public enum TrainingJobKind
{
    [JsonStringEnumMemberName("train")] Train,
    [JsonStringEnumMemberName("compare")] Compare,
    [JsonStringEnumMemberName("tune")] Tune,
}
