namespace Kiln.Server.Mlflow;

// Request and response bodies of the MLflow REST calls, named after the RPCs in service.proto and model_registry.proto.
// Request fields are nullable so that a missing one is reported by name rather than as a parse error.

sealed record CreateExperimentRequest(string? Name, string? ArtifactLocation, List<WireKeyValue>? Tags);
sealed record CreateExperimentResponse(string ExperimentId);
sealed record ExperimentIdRequest(string? ExperimentId);
sealed record ExperimentByNameRequest(string? ExperimentName);
sealed record ExperimentResponse(WireExperiment Experiment);
sealed record UpdateExperimentRequest(string? ExperimentId, string? NewName);
sealed record SetExperimentTagRequest(string? ExperimentId, string? Key, string? Value);
sealed record SearchExperimentsRequest(int? MaxResults, string? PageToken, string? Filter, List<string>? OrderBy, string? ViewType);
sealed record SearchExperimentsResponse(IReadOnlyList<WireExperiment> Experiments, string? NextPageToken);

sealed record CreateRunRequest(string? ExperimentId, string? UserId, string? RunName, long? StartTime, List<WireKeyValue>? Tags);
sealed record RunIdRequest(string? RunId, string? RunUuid);
sealed record RunResponse(WireRun Run);
sealed record UpdateRunRequest(string? RunId, string? RunUuid, string? Status, long? EndTime, string? RunName);
sealed record UpdateRunResponse(WireRunInfo RunInfo);
sealed record SearchRunsRequest(List<string>? ExperimentIds, string? Filter, string? RunViewType, int? MaxResults, List<string>? OrderBy, string? PageToken);
sealed record SearchRunsResponse(IReadOnlyList<WireRun> Runs, string? NextPageToken);
sealed record LogMetricRequest(string? RunId, string? RunUuid, string? Key, double? Value, long? Timestamp, long? Step);
sealed record RunKeyValueRequest(string? RunId, string? RunUuid, string? Key, string? Value);
sealed record BatchMetric(string? Key, double? Value, long? Timestamp, long? Step);
sealed record LogModelRequest(string? RunId, string? ModelJson);
sealed record LogBatchRequest(string? RunId, List<BatchMetric>? Metrics, List<WireKeyValue>? Params, List<WireKeyValue>? Tags);
sealed record MetricHistoryRequest(string? RunId, string? RunUuid, string? MetricKey, string? PageToken, int? MaxResults);
sealed record MetricHistoryResponse(IReadOnlyList<WireMetric> Metrics, string? NextPageToken);
sealed record ListRunArtifactsRequest(string? RunId, string? RunUuid, string? Path, string? PageToken);
sealed record ListRunArtifactsResponse(string RootUri, IReadOnlyList<WireFileInfo> Files);
sealed record ListArtifactsRequest(string? Path);
sealed record ListArtifactsResponse(IReadOnlyList<WireFileInfo> Files);

sealed record CreateRegisteredModelRequest(string? Name, List<WireKeyValue>? Tags, string? Description);
sealed record ModelNameRequest(string? Name);
sealed record UpdateRegisteredModelRequest(string? Name, string? Description);
sealed record RegisteredModelResponse(WireRegisteredModel RegisteredModel);
sealed record SearchRegisteredModelsRequest(string? Filter, int? MaxResults, List<string>? OrderBy, string? PageToken);
sealed record SearchRegisteredModelsResponse(IReadOnlyList<WireRegisteredModel> RegisteredModels, string? NextPageToken);
sealed record ModelTagRequest(string? Name, string? Version, string? Key, string? Value);
sealed record SetAliasRequest(string? Name, string? Alias, string? Version);
sealed record AliasRequest(string? Name, string? Alias);
sealed record LatestVersionsRequest(string? Name, List<string>? Stages);
sealed record CreateModelVersionRequest(string? Name, string? Source, string? RunId, List<WireKeyValue>? Tags, string? RunLink, string? Description);
sealed record ModelVersionRequest(string? Name, string? Version);
sealed record UpdateModelVersionRequest(string? Name, string? Version, string? Description);
sealed record ModelVersionResponse(WireModelVersion ModelVersion);
sealed record SearchModelVersionsRequest(string? Filter, int? MaxResults, List<string>? OrderBy, string? PageToken);
sealed record ModelVersionsResponse(IReadOnlyList<WireModelVersion> ModelVersions, string? NextPageToken);
sealed record DownloadUriResponse(string ArtifactUri);
