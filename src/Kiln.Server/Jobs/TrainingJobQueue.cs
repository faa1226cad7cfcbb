using System.Security.Cryptography;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Kiln.Learn;
using Kiln.Learn.ModelSelection;
using Kiln.Server.Accounts;

namespace Kiln.Server.Jobs;

/// <summary>
/// Queues training jobs on the shared queue after checking them (the user may train on the dataset, the target is one of
/// its columns, the algorithm is in the catalog, every hyperparameter is in its range), lists a user's jobs and cancels
/// them. A job is seen by the user who queued it, an admin, and the members of its dataset's project; it is cancelled by
/// them too, except the project's viewers. For anyone else it does not exist.
/// </summary>
public sealed class TrainingJobQueue
{
    public const int MaxTrials = 500;
    public const int MaxFolds = 20;

    readonly TrainingJobStore _store;
    readonly TrainingData _data;
    readonly IBackgroundJobClient _client;

    internal TrainingJobQueue(TrainingJobStore store, TrainingData data)
    {
        (_store, _data) = (store, data);
        _client = new BackgroundJobClient(store.Queue);
    }

    /// <summary>Checks the request and puts it on the queue; a bad request throws <see cref="TrainingJobRejectedException"/> naming the field.</summary>
    public async Task<TrainingJobInfo> QueueAsync(UserAccess access, TrainingJobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(request);
        var (datasetName, projectId) = await CheckAsync(access, request, cancellationToken).ConfigureAwait(false);
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        _store.Create(id, access.UserId, projectId, request, datasetName, DateTimeOffset.UtcNow);
        Enqueue(id);
        return _store.Read(id)!;
    }

    /// <summary>Hands a recorded job to the queue's workers: when it is queued, and again when a restart emptied an in-memory queue.</summary>
    internal void Enqueue(string id)
    {
        var queueId = _client.Create(Job.FromExpression<TrainingJobRunner>(runner => runner.RunAsync(id, CancellationToken.None)), new EnqueuedState());
        _store.SetQueueId(id, queueId);
    }

    /// <summary>The jobs the user sees — theirs and their projects' (an admin's: all) — newest first.</summary>
    public IReadOnlyList<TrainingJobInfo> List(UserAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        var ids = access.IsAdmin ? [.. _store.AllIds(), .. _store.IdsOf(access.UserId)] : _store.IdsOf(access.UserId).Concat(access.Projects.Keys.SelectMany(_store.IdsOfProject));
        return [.. ids.Distinct(StringComparer.Ordinal).Select(_store.Read).OfType<TrainingJobInfo>()
            .OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id, StringComparer.Ordinal)];
    }

    /// <summary>The job when the user may see it; null otherwise, whether it exists or not.</summary>
    public TrainingJobInfo? Find(UserAccess access, string id)
    {
        ArgumentNullException.ThrowIfNull(access);
        return _store.Read(id) is { } job && access.CanSee(job.OwnerId, job.ProjectId) ? job : null;
    }

    /// <summary>
    /// Asks the job to stop: a queued job is cancelled at once, a running one stops at its next check (the worker, on
    /// whichever server, watches the shared flag). Null when the user sees no such job; a finished job is left as it is;
    /// a viewer of the job's project is refused with <see cref="AccessDeniedException"/>.
    /// </summary>
    public TrainingJobInfo? Cancel(UserAccess access, string id)
    {
        if (Find(access, id) is not { } job) return null;
        if (!access.CanChange(job.OwnerId, job.ProjectId))
            throw new AccessDeniedException($"job {id} trains in a project where you are a viewer; only its owner, the project's editors and admins cancel it");
        if (job.IsFinished) return job;
        _store.RequestCancel(id);
        if (job.Status == TrainingJobStatus.Queued)
        {
            _store.Finish(id, TrainingJobStatus.Cancelled);
            if (_store.QueueIdOf(id) is { Length: > 0 } queueId) _client.Delete(queueId);
        }
        return _store.Read(id);
    }

    async Task<(string Name, string? ProjectId)> CheckAsync(UserAccess access, TrainingJobRequest request, CancellationToken cancellationToken)
    {
        var (name, projectId, columns) = await _data.DescribeAsync(access, request, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(request.Target)) throw new TrainingJobRejectedException("target", "choose the target column, the one to predict");
        if (columns is not null && !columns.Contains(request.Target))
            throw new TrainingJobRejectedException("target", $"'{request.Target}' is not a column of {name} (columns: {string.Join(", ", columns)})");
        foreach (var excluded in request.Exclude ?? [])
        {
            if (excluded == request.Target) throw new TrainingJobRejectedException("exclude", $"'{excluded}' is the target, which cannot be left out");
            if (columns is not null && !columns.Contains(excluded))
                throw new TrainingJobRejectedException("exclude", $"'{excluded}' is not a column of {name} (columns: {string.Join(", ", columns)})");
        }
        EstimatorRole? role = request.Task switch
        {
            null or "" => null,
            "classification" => EstimatorRole.Classifier,
            "regression" => EstimatorRole.Regressor,
            _ => throw new TrainingJobRejectedException("task", $"the task must be classification or regression, not '{request.Task}'"),
        };
        if (request.Folds is < 2 or > MaxFolds)
            throw new TrainingJobRejectedException("folds", $"folds must be 2 to {MaxFolds}, not {request.Folds}");
        if (request.Kind == TrainingJobKind.Compare)
        {
            var models = request.Models ?? [];
            if (request.Models is { Count: 0 }) throw new TrainingJobRejectedException("models", "name at least one model to compare, or leave the list out to compare every model of the task");
            foreach (var model in models) role = CheckModel("models", model, role);
            return (name, projectId);
        }
        if (string.IsNullOrWhiteSpace(request.Algorithm)) throw new TrainingJobRejectedException("algorithm", "choose an algorithm from the catalog");
        CheckModel("algorithm", request.Algorithm, role);
        var estimator = Create(request.Algorithm, request.Parameters);
        if (request.Kind == TrainingJobKind.Tune)
        {
            if (!ParameterSearch.Methods.Contains(request.Search))
                throw new TrainingJobRejectedException("search", $"the search must be {string.Join(", ", ParameterSearch.Methods)}, not '{request.Search}'");
            if (request.Trials is < 1 or > MaxTrials)
                throw new TrainingJobRejectedException("trials", $"trials must be 1 to {MaxTrials}, not {request.Trials}");
            try
            {
                SearchSpace.Default(estimator);
            }
            catch (ArgumentException e)
            {
                throw new TrainingJobRejectedException("algorithm", PlainMessage(e));
            }
        }
        return (name, projectId);
    }

    static EstimatorRole CheckModel(string field, string name, EstimatorRole? role)
    {
        CatalogEntry entry;
        try
        {
            entry = EstimatorCatalog.Find(name);
        }
        catch (ArgumentException e)
        {
            throw new TrainingJobRejectedException(field, PlainMessage(e));
        }
        if (entry.Role is not (EstimatorRole.Classifier or EstimatorRole.Regressor))
            throw new TrainingJobRejectedException(field, $"'{name}' is a {Kebab.Of(entry.Role.ToString())}: a training job needs a classifier or a regressor");
        if (role is { } wanted && entry.Role != wanted)
            throw new TrainingJobRejectedException(field, $"'{name}' is a {Kebab.Of(entry.Role.ToString())}, but the task is {(wanted == EstimatorRole.Classifier ? "classification" : "regression")}");
        return entry.Role;
    }

    /// <summary>The estimator with the request's hyperparameters; a value out of its range is refused under <c>parameters.NAME</c>.</summary>
    static IEstimator Create(string algorithm, IReadOnlyDictionary<string, string>? parameters)
    {
        var values = (parameters ?? new Dictionary<string, string>()).ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal);
        try
        {
            return EstimatorCatalog.Create(algorithm, values);
        }
        catch (ArgumentException e)
        {
            var known = EstimatorCatalog.Find(algorithm).Parameters.Any(p => p.Name == e.ParamName);
            throw new TrainingJobRejectedException(known ? $"parameters.{e.ParamName}" : "parameters", PlainMessage(e));
        }
    }

    /// <summary>The message without the " (Parameter 'x')" that <see cref="ArgumentException"/> appends: the field says it already.</summary>
    static string PlainMessage(ArgumentException e) =>
        e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);
}
