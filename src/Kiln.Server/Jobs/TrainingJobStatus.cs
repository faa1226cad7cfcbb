using System.Text.Json.Serialization;

namespace Kiln.Server.Jobs;

/// <summary>Where a training job is: waiting for a worker, running, or finished one of three ways.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TrainingJobStatus>))]
public enum TrainingJobStatus
{
    [JsonStringEnumMemberName("queued")] Queued,
    [JsonStringEnumMemberName("running")] Running,
    [JsonStringEnumMemberName("succeeded")] Succeeded,
    [JsonStringEnumMemberName("failed")] Failed,
    [JsonStringEnumMemberName("cancelled")] Cancelled,
}
