using System.Collections.Concurrent;
using Kiln.Learn;
using Kiln.Tracking;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kiln.Serving;

/// <summary>
/// Serves the registry's models: every registered model with at least one version is loaded once — its latest
/// version and every version an alias names — and cached. <see cref="RefreshAsync"/> reads the registry again
/// (<see cref="RunAsync"/> does so every <see cref="ModelHostOptions.PollInterval"/>): new versions are loaded and
/// moved aliases swap to them in one step. Resolution reads an immutable snapshot, so it is lock-free and a request
/// that resolved a version finishes on it. Other versions, named <c>name/version</c>, are loaded on first use.
/// </summary>
public sealed class ModelHost
{
    readonly ModelRegistry _registry;
    readonly ModelHostOptions _options;
    readonly ILogger _logger;
    readonly ConcurrentDictionary<(string Name, int Version), Lazy<Task<ServedModel>>> _loaded = new();
    readonly SemaphoreSlim _refreshing = new(1, 1);
    volatile Snapshot? _snapshot;
    IReadOnlyDictionary<string, string> _failures = new Dictionary<string, string>();

    public ModelHost(ModelRegistry registry, ModelHostOptions? options = null, ILogger<ModelHost>? logger = null)
    {
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _options = options ?? new ModelHostOptions();
        _logger = logger ?? NullLogger<ModelHost>.Instance;
        if (_options.PollInterval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(options), _options.PollInterval, "the poll interval must be positive");
        if (_options.MaxBatchRows < 1) throw new ArgumentOutOfRangeException(nameof(options), _options.MaxBatchRows, "the batch size must be at least 1 row");
    }

    /// <summary>Whether the first load has finished: until then nothing is served.</summary>
    public bool IsReady => _snapshot is not null;

    /// <summary>The served models, sorted by name; empty before the first load.</summary>
    public IReadOnlyList<ServedModelInfo> Models => _snapshot?.Models ?? [];

    /// <summary>Versions that could not be loaded ("name/version" → why), e.g. a transformer, which predicts nothing.</summary>
    public IReadOnlyDictionary<string, string> Failures => _failures;

    /// <summary>The loaded version a reference names; loads a version named by number on first use.</summary>
    public ValueTask<ServedModel> ResolveAsync(ModelReference reference, CancellationToken cancellationToken = default)
    {
        var snapshot = _snapshot ?? throw new ModelNotServedException("the models are still loading; try again in a moment");
        if (!snapshot.ByName.TryGetValue(reference.Name, out var info))
            throw new ModelNotServedException($"no served model is named '{reference.Name}'"
                + (snapshot.Models.Count == 0 ? "; the registry has no model with a loadable version" : $"; served: {string.Join(", ", snapshot.Models.Select(m => m.Name))}"));
        if (reference.Alias is { } alias)
        {
            return info.Aliases.TryGetValue(alias, out var aliased)
                ? ValueTask.FromResult(snapshot.Version(reference.Name, aliased))
                : throw new ModelNotServedException($"model '{reference.Name}' has no alias '{alias}'"
                    + (info.Aliases.Count == 0 ? "" : $"; its aliases: {string.Join(", ", info.Aliases.Keys.Order(StringComparer.Ordinal))}"));
        }
        if (reference.Version is not { } version) return ValueTask.FromResult(snapshot.Version(reference.Name, info.DefaultVersion));
        if (snapshot.TryVersion(reference.Name, version, out var served)) return ValueTask.FromResult(served);
        return new ValueTask<ServedModel>(LoadRequestedVersionAsync(reference.Name, version, cancellationToken));
    }

    async Task<ServedModel> LoadRequestedVersionAsync(string name, int version, CancellationToken cancellationToken)
    {
        try
        {
            return await LoadVersionAsync(name, version, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException e)
        {
            throw new ModelNotServedException($"version {version} of '{name}' cannot be served: {e.Message}");
        }
    }

    /// <summary>Loads the registry's models once, then refreshes every poll interval until cancelled; a failed refresh is logged and retried.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.PollInterval);
        do
        {
            try
            {
                await RefreshAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _logger.LogError(e, "reading the registry failed; the models served so far stay served");
            }
        }
        while (await WaitAsync(timer, cancellationToken).ConfigureAwait(false));
    }

    static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Reads the registry, loads what is new, and swaps in the new set of served versions and aliases at once.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var registered = await _registry.ListModelsAsync(cancellationToken).ConfigureAwait(false);
            var failures = new Dictionary<string, string>(StringComparer.Ordinal);
            var models = new List<ServedModelInfo>();
            foreach (var model in registered)
            {
                if (model.LatestVersion is not { } latest) continue;
                var wanted = model.Aliases.Values.Append(latest).Distinct().Order().ToList();
                var versions = new List<ServedModel>();
                foreach (var version in wanted)
                {
                    try
                    {
                        versions.Add(await LoadVersionAsync(model.Name, version, cancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception e) when (e is ModelNotServedException or InvalidDataException or TrackingException or IOException)
                    {
                        failures[$"{model.Name}/{version}"] = e.Message;
                    }
                }
                if (versions.Count == 0) continue;
                var loaded = versions.Select(v => v.Version).ToHashSet();
                var aliases = model.Aliases.Where(a => loaded.Contains(a.Value)).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
                var preferred = aliases.TryGetValue(ModelReference.DefaultAlias, out var champion) ? champion : latest;
                models.Add(new ServedModelInfo(model.Name, versions, aliases, loaded.Contains(preferred) ? preferred : versions[^1].Version));
            }
            var previous = _snapshot;
            _snapshot = new Snapshot(models);
            var known = _failures;
            _failures = failures;
            Forget(registered.Select(m => m.Name).ToHashSet(StringComparer.Ordinal));
            // a version's package never changes, so its failure is told once, not at every poll
            foreach (var failure in failures)
                if (!known.ContainsKey(failure.Key)) _logger.LogWarning("not serving {Version}: {Reason}", failure.Key, failure.Value);
            LogChanges(previous, _snapshot);
        }
        finally
        {
            _refreshing.Release();
        }
    }

    void LogChanges(Snapshot? previous, Snapshot current)
    {
        foreach (var model in current.Models)
        {
            ServedModelInfo? before = null;
            previous?.ByName.TryGetValue(model.Name, out before);
            var was = before?.Aliases;
            foreach (var (alias, version) in model.Aliases)
                if (was is null || !was.TryGetValue(alias, out var old) || old != version)
                    _logger.LogInformation("serving {Model}@{Alias} → version {Version}", model.Name, alias, version);
            if (before is null) _logger.LogInformation("serving {Model}: versions {Versions}", model.Name, string.Join(", ", model.Versions.Select(v => v.Version)));
        }
    }

    /// <summary>Drops cached versions of models that are no longer registered.</summary>
    void Forget(HashSet<string> registered)
    {
        foreach (var key in _loaded.Keys)
            if (!registered.Contains(key.Name)) _loaded.TryRemove(key, out _);
    }

    Task<ServedModel> LoadVersionAsync(string name, int version, CancellationToken cancellationToken)
    {
        var lazy = _loaded.GetOrAdd((name, version), key => new Lazy<Task<ServedModel>>(() => ReadPackageAsync(key.Name, key.Version)));
        var task = lazy.Value;
        // a package that is not servable stays so (versions never change); any other failure is tried again next time
        if ((task.IsFaulted && task.Exception.InnerException is not InvalidDataException) || task.IsCanceled)
            _loaded.TryRemove(new KeyValuePair<(string, int), Lazy<Task<ServedModel>>>((name, version), lazy));
        return task.WaitAsync(cancellationToken);
    }

    async Task<ServedModel> ReadPackageAsync(string name, int version)
    {
        var scratch = Path.Combine(Path.GetTempPath(), $"kiln-serve-{Guid.NewGuid():N}.kiln");
        try
        {
            try
            {
                await using var package = await _registry.OpenPackageAsync(name, version).ConfigureAwait(false);
                await using var file = File.Create(scratch);
                await package.CopyToAsync(file).ConfigureAwait(false);
            }
            catch (TrackingException e) when (e.Code == TrackingErrorCode.ResourceDoesNotExist)
            {
                throw new ModelNotServedException(e.Message);
            }
            var manifest = ModelPackage.ReadManifest(scratch);
            if (manifest.Kind == ModelPackage.NeuralNetworkKind) return ServedNetwork.Load(name, version, scratch, manifest.Estimator);
            var model = ModelPackage.Load(scratch);
            if (model is not IPredictorModel predictor || model is Learn.Compose.PipelineModel { Role: EstimatorRole.Transformer })
                throw new InvalidDataException($"version {version} of '{name}' is a {manifest.Estimator} transformer, which predicts nothing");
            return new ServedModel(name, version, predictor, manifest.Estimator, _options.MaxBatchRows);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException(e.Message.Replace(scratch, $"version {version} of '{name}'", StringComparison.Ordinal), e);
        }
        finally
        {
            File.Delete(scratch);
        }
    }

    /// <summary>The served models and their versions at one moment.</summary>
    sealed class Snapshot
    {
        public Snapshot(List<ServedModelInfo> models)
        {
            Models = models;
            ByName = models.ToDictionary(m => m.Name, StringComparer.Ordinal);
            Versions = models.SelectMany(m => m.Versions).ToDictionary(v => (v.Name, v.Version));
        }

        public IReadOnlyList<ServedModelInfo> Models { get; }

        public Dictionary<string, ServedModelInfo> ByName { get; }

        Dictionary<(string, int), ServedModel> Versions { get; }

        public ServedModel Version(string name, int version) => Versions[(name, version)];

        public bool TryVersion(string name, int version, out ServedModel model) => Versions.TryGetValue((name, version), out model!);
    }
}
