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
/// A model's deployment (<see cref="ModelDeployment"/>) is read with the aliases and decides where its bare name goes:
/// <see cref="RouteAsync"/> splits those requests between the primary and the canary and names the shadow.
/// </summary>
public sealed class ModelHost
{
    readonly ModelRegistry _registry;
    readonly ModelHostOptions _options;
    readonly ILogger _logger;
    readonly ConcurrentDictionary<(string Name, int Version), Lazy<Task<ServedModel>>> _loaded = new();
    readonly SemaphoreSlim _refreshing = new(1, 1);
    readonly TrafficSplitter _splitter;
    IReadOnlySet<string> _deploymentWarnings = new HashSet<string>();
    volatile Snapshot? _snapshot;
    IReadOnlyDictionary<string, string> _failures = new Dictionary<string, string>();

    public ModelHost(ModelRegistry registry, ModelHostOptions? options = null, ILogger<ModelHost>? logger = null)
    {
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _options = options ?? new ModelHostOptions();
        _logger = logger ?? NullLogger<ModelHost>.Instance;
        if (_options.PollInterval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(options), _options.PollInterval, "the poll interval must be positive");
        if (_options.MaxBatchRows < 1) throw new ArgumentOutOfRangeException(nameof(options), _options.MaxBatchRows, "the batch size must be at least 1 row");
        _splitter = new TrafficSplitter(_options.RoutingSeed);
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
            throw snapshot.Models.Count == 0
                ? new ModelNotServedException($"no served model is named '{reference.Name}'; the registry has no model with a loadable version")
                : new ModelNotServedException($"no served model is named '{reference.Name}'", [.. snapshot.Models.Select(m => m.Name)]);
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

    /// <summary>
    /// Where a request goes: a bare name of a model with a deployment goes to the primary or, for the canary's share
    /// of requests, to the canary, and names the shadow; <c>name@alias</c>, <c>name/version</c> and models without a
    /// deployment go where <see cref="ResolveAsync"/> says, with no role and no shadow.
    /// </summary>
    public ValueTask<ModelRoute> RouteAsync(ModelReference reference, CancellationToken cancellationToken = default)
    {
        if (reference.Alias is null && reference.Version is null && _snapshot is { } snapshot
            && snapshot.ByName.TryGetValue(reference.Name, out var info) && info.Deployment is { } deployment)
        {
            return ValueTask.FromResult(_splitter.ToCanary(deployment.CanaryWeight)
                ? new ModelRoute(deployment.Canary!, ServingRole.Canary, deployment.Shadow)
                : new ModelRoute(deployment.Primary, ServingRole.Primary, deployment.Shadow));
        }
        var resolving = ResolveAsync(reference, cancellationToken);
        return resolving.IsCompletedSuccessfully
            ? ValueTask.FromResult(new ModelRoute(resolving.Result, null, null))
            : RouteDirectlyAsync(resolving);
    }

    static async ValueTask<ModelRoute> RouteDirectlyAsync(ValueTask<ServedModel> resolving) => new(await resolving.ConfigureAwait(false), null, null);

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
            var deployments = await _registry.ListDeploymentsAsync(cancellationToken).ConfigureAwait(false);
            var deploymentWarnings = new HashSet<string>(StringComparer.Ordinal);
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
                var deployment = deployments.TryGetValue(model.Name, out var planned) ? Deploy(model.Name, planned, versions, aliases, deploymentWarnings) : null;
                var preferred = deployment?.Primary.Version ?? (aliases.TryGetValue(ModelReference.DefaultAlias, out var champion) ? champion : latest);
                models.Add(new ServedModelInfo(model.Name, versions, aliases, loaded.Contains(preferred) ? preferred : versions[^1].Version) { Deployment = deployment });
            }
            var previous = _snapshot;
            _snapshot = new Snapshot(models);
            var known = _failures;
            _failures = failures;
            Forget(registered.Select(m => m.Name).ToHashSet(StringComparer.Ordinal));
            // a version's package never changes, so its failure is told once, not at every poll
            foreach (var failure in failures)
                if (!known.ContainsKey(failure.Key)) _logger.LogWarning("not serving {Version}: {Reason}", failure.Key, failure.Value);
            foreach (var warning in deploymentWarnings)
                if (!_deploymentWarnings.Contains(warning)) _logger.LogWarning("{Warning}", warning);
            _deploymentWarnings = deploymentWarnings;
            LogChanges(previous, _snapshot);
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>
    /// The deployment with its aliases resolved to loaded versions. An alias that names no loaded version (deleted, or
    /// its version unservable) is left out with a warning: without its primary the deployment is not applied at all.
    /// </summary>
    static ServedDeployment? Deploy(string name, ModelDeployment deployment, List<ServedModel> versions, Dictionary<string, int> aliases, HashSet<string> warnings)
    {
        ServedModel? Find(string? alias, string role)
        {
            if (alias is null) return null;
            if (aliases.TryGetValue(alias, out var version)) return versions.First(v => v.Version == version);
            warnings.Add($"deployment of {name}: the {role} alias '{alias}' names no served version; "
                + (role == "primary" ? "its bare name serves champion, else the latest version, until it does" : $"no {role} until it does"));
            return null;
        }
        var primary = Find(deployment.PrimaryAlias, "primary");
        return primary is null ? null : new ServedDeployment(deployment, primary, Find(deployment.CanaryAlias, "canary"), Find(deployment.ShadowAlias, "shadow"));
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
            if (Describe(model.Deployment) is var routing && routing != Describe(before?.Deployment))
                _logger.LogInformation("deployment of {Model}: {Routing}", model.Name, routing ?? "none; its bare name serves champion, else the latest version");
        }
    }

    static string? Describe(ServedDeployment? deployment) => deployment is null ? null
        : $"primary {deployment.Deployment.PrimaryAlias} → version {deployment.Primary.Version}"
          + (deployment.Canary is { } canary ? $", canary {deployment.Deployment.CanaryAlias} → version {canary.Version} for {deployment.CanaryWeight} % of requests" : "")
          + (deployment.Shadow is { } shadow ? $", shadow {deployment.Deployment.ShadowAlias} → version {shadow.Version}" : "");

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
