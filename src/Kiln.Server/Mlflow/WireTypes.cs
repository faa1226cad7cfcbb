namespace Kiln.Server.Mlflow;

// MLflow's entities as its REST API writes them (mlflow/protos/service.proto, model_registry.proto): ids as strings,
// times in epoch milliseconds, lists left out when empty.

/// <summary>A tag or a param: MLflow writes both as key and value.</summary>
sealed record WireKeyValue(string Key, string Value);

sealed record WireMetric(string Key, double Value, long Timestamp, long Step);

sealed record WireExperiment(
    string ExperimentId, string Name, string ArtifactLocation, string LifecycleStage, long LastUpdateTime, long CreationTime,
    IReadOnlyList<WireKeyValue> Tags);

sealed record WireRunInfo(
    string RunId, string RunUuid, string RunName, string ExperimentId, string? UserId, string Status, long StartTime, long? EndTime,
    string ArtifactUri, string LifecycleStage);

sealed record WireRunData(IReadOnlyList<WireMetric> Metrics, IReadOnlyList<WireKeyValue> Params, IReadOnlyList<WireKeyValue> Tags);

sealed record WireRun(WireRunInfo Info, WireRunData Data);

sealed record WireAlias(string Alias, string Version);

sealed record WireRegisteredModel(
    string Name, long CreationTimestamp, long LastUpdatedTimestamp, string? Description, IReadOnlyList<WireModelVersion> LatestVersions,
    IReadOnlyList<WireKeyValue> Tags, IReadOnlyList<WireAlias> Aliases);

sealed record WireModelVersion(
    string Name, string Version, long CreationTimestamp, long LastUpdatedTimestamp, string CurrentStage, string? Description,
    string Source, string? RunId, string Status, string? StatusMessage, IReadOnlyList<WireKeyValue> Tags, IReadOnlyList<string> Aliases);

sealed record WireFileInfo(string Path, bool IsDir, long? FileSize);

/// <summary>The body of every MLflow error answer.</summary>
sealed record WireError(string ErrorCode, string Message);

/// <summary>MLflow answers <c>{}</c> to calls that return nothing.</summary>
sealed record WireEmpty;
