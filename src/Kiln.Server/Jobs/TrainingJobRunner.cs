using System.Globalization;
using Hangfire;
using Kiln.Data;
using Kiln.Learn;
using Kiln.Learn.ModelSelection;
using Kiln.Learn.Preparation;
using Kiln.Learn.Training;
using Kiln.Serving.Monitoring;
using Microsoft.Extensions.Logging;

namespace Kiln.Server.Jobs;

/// <summary>
/// Runs one training job on whichever server's worker took it from the queue: reads the data, trains, compares or tunes
/// with the library's own calls (what <c>kiln train</c>, <c>kiln compare</c> and <c>kiln tune</c> do), records a run per
/// model, and keeps the outcome — finished, cancelled, or failed with its error — in the shared store. A cancel flag set
/// by any server reaches the work through its <see cref="CancellationToken"/>.
/// </summary>
public sealed class TrainingJobRunner
{
    readonly TrainingJobStore _store;
    readonly TrainingData _data;
    readonly JobOwnerCheck _owners;
    readonly JobRunRecording _recording;
    readonly JobOptions _options;
    readonly ILogger _logger;

    internal TrainingJobRunner(TrainingJobStore store, TrainingData data, JobOwnerCheck owners, JobRunRecording recording, JobOptions options, string worker,
        ILogger<TrainingJobRunner> logger)
    {
        (_store, _data, _owners, _recording, _options, _logger) = (store, data, owners, recording, options, logger);
        Worker = worker;
    }

    /// <summary>The name this server's worker writes into the jobs it runs.</summary>
    public string Worker { get; }

    /// <summary>The queue's entry point; <paramref name="cancellationToken"/> is the queue's own, cancelled when this server stops.</summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(string jobId, CancellationToken cancellationToken)
    {
        if (_store.Read(jobId) is not { } job || job.IsFinished) return;
        if (job.CancelRequested)
        {
            _store.Finish(jobId, TrainingJobStatus.Cancelled);
            return;
        }
        var ownerId = _store.OwnerOf(jobId)!;
        _store.Start(jobId, Worker);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var stopWatching = new CancellationTokenSource();
        var watcher = WatchForCancelAsync(jobId, cancel, stopWatching.Token);
        try
        {
            await _owners.CheckAsync(job, cancel.Token).ConfigureAwait(false);
            var (frame, source) = await _data.ReadForJobAsync(job.Request, cancel.Token).ConfigureAwait(false);
            var context = new JobContext(jobId, ownerId, job.ProjectId, job.Request, job.DatasetName, DataFingerprint.Of(frame));
            await Task.Run(() => ExecuteAsync(context, frame, source, new JobProgress(_store, jobId), cancel.Token), cancel.Token).ConfigureAwait(false);
            _store.Finish(jobId, TrainingJobStatus.Succeeded);
        }
        catch (OperationCanceledException) when (_store.IsCancelRequested(jobId))
        {
            _store.Finish(jobId, TrainingJobStatus.Cancelled);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && _store.QueueOutlivesServer)
        {
            // this server is stopping: the queue hands the job to a worker again
            _store.Requeue(jobId);
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // this server is stopping and its queue goes with it: the job would otherwise be waiting for nobody
            _store.Finish(jobId, TrainingJobStatus.Failed, TrainingJobStore.InterruptedError);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _logger.LogWarning("training job {Job} failed: {Error}", jobId, e.Message);
            _store.Finish(jobId, TrainingJobStatus.Failed, e.Message);
        }
        finally
        {
            await stopWatching.CancelAsync().ConfigureAwait(false);
            await watcher.ConfigureAwait(false);
        }
    }

    async Task WatchForCancelAsync(string jobId, CancellationTokenSource cancel, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(_options.CancelPollInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
            {
                if (!_store.IsCancelRequested(jobId)) continue;
                await cancel.CancelAsync().ConfigureAwait(false);
                return;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // the job ended first
        }
    }

    async Task ExecuteAsync(JobContext job, Frame frame, string source, IProgress<FitProgress> progress, CancellationToken cancellationToken)
    {
        var request = job.Request;
        if (!frame.HasColumn(request.Target)) throw new UnknownColumnException(request.Target, frame.ColumnNames);
        // left out before anything is fitted, so the model, its reference and the served input schema never see them
        if (request.Exclude is { Count: > 0 } excluded) frame = frame.Drop([.. excluded.Distinct(StringComparer.Ordinal)]);
        var parameters = (request.Parameters ?? new Dictionary<string, string>()).ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal);
        switch (request.Kind)
        {
            case TrainingJobKind.Train:
                progress.Report(new FitProgress($"fitting {request.Algorithm}", 0, 1));
                // a classifier or regressor is fitted on the training share and scored on held-out rows split as a comparison
                // splits them, so runs compared afterwards are judged on rows the model never saw
                var prepared = ModelTraining.Prepare(frame, source, request.Target, request.Algorithm!, parameters, request.Seed);
                var predictor = prepared.Entry.Role is EstimatorRole.Classifier or EstimatorRole.Regressor;
                var split = predictor
                    ? ModelComparison.HeldOutSplit(prepared.Table, request.Target, prepared.Entry.Role == EstimatorRole.Classifier, new ComparisonOptions().TestSize, request.Seed)
                    : null;
                var trained = ModelTraining.Train(split?.Train ?? frame, source, request.Target, request.Algorithm!, parameters, request.Seed, progress, cancellationToken);
                progress.Report(new FitProgress($"fitted {request.Algorithm}", 1, 1));
                var scores = trained.TrainingScores?.Summary().ToDictionary(m => "training_" + m.Key, m => m.Value, StringComparer.Ordinal) ?? [];
                if (split is not null)
                    foreach (var (key, value) in ModelTraining.Evaluate(trained.Model, split.Test, request.Target).Summary()) scores["held_out_" + key] = value;
                scores["fit_seconds"] = trained.Seconds;
                await RecordAsync(job, $"train {trained.Entry.Name}", trained.Model, new() { ["model"] = trained.Entry.Name, ["target"] = request.Target }, scores,
                    Reference(job, frame, trained.Model, trained.Columns), cancellationToken).ConfigureAwait(false);
                break;
            case TrainingJobKind.Compare:
                var role = request.Task switch
                {
                    "classification" => EstimatorRole.Classifier,
                    "regression" => EstimatorRole.Regressor,
                    _ => ModelComparison.DetectTask(frame[request.Target]),
                };
                var models = request.Models ?? ModelComparison.DefaultModels(role, frame.RowCount, all: true).Models;
                var compared = ModelComparison.Compare(frame, source, request.Target, models, new ComparisonOptions { Folds = request.Folds, Seed = request.Seed },
                    progress, cancellationToken);
                var columns = ModelTraining.Prepare(frame, source, request.Target, compared.Best.Entry.Name, seed: request.Seed).Columns;
                foreach (var model in compared.Models.Where(m => m.Succeeded))
                {
                    var metrics = model.HeldOut!.Evaluation.Summary().ToDictionary(m => "held_out_" + m.Key, m => m.Value, StringComparer.Ordinal);
                    metrics["cv_mean"] = model.MeanScore;
                    metrics["cv_std"] = model.StdScore;
                    metrics["held_out"] = model.HeldOut.Score;
                    metrics["fit_seconds"] = model.FitSeconds;
                    await RecordAsync(job, $"compare {model.Entry.Name}", model.Model!, new()
                    {
                        ["model"] = model.Entry.Name, ["target"] = request.Target, ["scoring"] = compared.Scoring,
                        ["cv"] = compared.Folds.ToString(CultureInfo.InvariantCulture), ["best"] = compared.Best.Entry.Name,
                    }, metrics, Reference(job, frame, model.Model!, columns), cancellationToken).ConfigureAwait(false);
                }
                break;
            case TrainingJobKind.Tune:
                var setup = ModelTraining.Prepare(frame, source, request.Target, request.Algorithm!, parameters, request.Seed);
                var space = SearchSpace.Default(setup.Pipeline);
                var search = ParameterSearch.Create(request.Search, space, request.Trials, seed: request.Seed);
                var tuned = ModelTuning.Tune(setup, search, new TuningOptions { Folds = request.Folds, Seed = request.Seed }, progress, cancellationToken);
                var recorded = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["model"] = setup.Entry.Name, ["target"] = request.Target, ["search"] = tuned.Search.Method, ["space"] = space.ToString(),
                    ["scoring"] = tuned.Search.Scoring[0], ["cv"] = tuned.Search.FoldCount.ToString(CultureInfo.InvariantCulture),
                };
                foreach (var (name, value) in tuned.Search.BestParameters) recorded["best." + name] = SearchSpace.Format(value);
                await RecordAsync(job, $"tune {setup.Entry.Name}", tuned.TunedModel, recorded, new Dictionary<string, double>
                {
                    ["best_cv_score"] = tuned.Search.BestScore, ["default_cv_score"] = tuned.Baseline.MeanTestScore(),
                    ["held_out_before"] = tuned.Before.Score, ["held_out_after"] = tuned.After.Score, ["search_seconds"] = tuned.Search.Seconds,
                }, Reference(job, frame, tuned.TunedModel, setup.Columns), cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new InvalidOperationException($"no training job of kind {request.Kind}");
        }
    }

    async Task RecordAsync(JobContext job, string name, IModel model, Dictionary<string, string> parameters, IReadOnlyDictionary<string, double> metrics,
        ReferenceProfile? reference, CancellationToken cancellationToken)
    {
        var runId = await _recording.RecordAsync(job, name, model, parameters, metrics, reference, cancellationToken).ConfigureAwait(false);
        _store.AddRun(job.Id, runId);
    }

    /// <summary>The reference a model is monitored against once registered and served, as <c>kiln train</c> records it.</summary>
    static ReferenceProfile? Reference(JobContext job, Frame frame, IModel model, FeatureColumns columns) =>
        TrainingReference.Build(frame, model, job.Request.Target, columns, job.Fingerprint, job.Request.Seed);
}
