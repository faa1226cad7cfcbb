using Kiln.Learn;
using Kiln.Tracking.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kiln.Tracking;

/// <summary>
/// The model registry, with MLflow's data model: registered models with descriptions and tags; versions numbered per
/// model (a deleted number is never reused), each a copy of a model package with the run it came from; aliases that
/// name one version each and move in one statement. A version is whole or absent: its package is copied into the
/// artifact store first and the version row written in one transaction after, so a crash at any point leaves at worst
/// an unreferenced copy, never a version without its package.
/// </summary>
public sealed class ModelRegistry
{
    /// <summary>The artifact-store folder that holds the registry's copies of model packages.</summary>
    public const string StorageFolder = "registry";

    readonly TrackingDatabase _database;
    readonly IArtifactStore _artifacts;
    readonly RunStore _runs;

    internal ModelRegistry(TrackingDatabase database, IArtifactStore artifacts, RunStore runs)
    {
        _database = database;
        _artifacts = artifacts;
        _runs = runs;
    }

    public async Task<RegisteredModel> CreateModelAsync(string name, string? description = null, IReadOnlyDictionary<string, string>? tags = null, CancellationToken cancellationToken = default)
    {
        name = ModelName(name);
        var row = NewModelRow(name, description, tags);
        await using var context = _database.CreateContext();
        if (await context.RegisteredModels.AnyAsync(m => m.Name == name, cancellationToken).ConfigureAwait(false)) throw AlreadyRegistered(name);
        context.RegisteredModels.Add(row);
        try
        {
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsConflict(e))
        {
            throw AlreadyRegistered(name);
        }
        return await GetModelAsync(name, cancellationToken).ConfigureAwait(false);
    }

    public async Task<RegisteredModel> GetModelAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var context = _database.CreateContext();
        var row = await FindModelAsync(context, name, tracking: false, cancellationToken).ConfigureAwait(false);
        var latest = await context.ModelVersions.Where(v => v.Name == name).MaxAsync(v => (int?)v.Version, cancellationToken).ConfigureAwait(false);
        return ToModel(row, latest);
    }

    /// <summary>Every registered model, sorted by name.</summary>
    public async Task<IReadOnlyList<RegisteredModel>> ListModelsAsync(CancellationToken cancellationToken = default)
    {
        await using var context = _database.CreateContext();
        var rows = await context.RegisteredModels.AsNoTracking().Include(m => m.Tags).Include(m => m.Aliases).AsSplitQuery()
            .OrderBy(m => m.Name).ToListAsync(cancellationToken).ConfigureAwait(false);
        var latest = await context.ModelVersions.GroupBy(v => v.Name).Select(g => new { g.Key, Version = g.Max(v => v.Version) })
            .ToDictionaryAsync(x => x.Key, x => x.Version, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => ToModel(r, latest.TryGetValue(r.Name, out var v) ? v : null))];
    }

    public async Task<RegisteredModel> UpdateModelAsync(string name, string? description, CancellationToken cancellationToken = default)
    {
        await using (var context = _database.CreateContext())
        {
            var row = await FindModelAsync(context, name, tracking: true, cancellationToken).ConfigureAwait(false);
            row.Description = Description(description);
            row.LastUpdatedTime = Now();
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        return await GetModelAsync(name, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the model with all its versions, tags, aliases and its deployment, then the registry's copies of its packages.</summary>
    public async Task DeleteModelAsync(string name, CancellationToken cancellationToken = default)
    {
        var locations = await _database.InTransactionAsync(async (context, token) =>
        {
            await FindModelAsync(context, name, tracking: false, token).ConfigureAwait(false);
            var stored = await context.ModelVersions.Where(v => v.Name == name).Select(v => v.StorageLocation).ToListAsync(token).ConfigureAwait(false);
            await context.RegisteredModels.Where(m => m.Name == name).ExecuteDeleteAsync(token).ConfigureAwait(false);
            return stored;
        }, cancellationToken).ConfigureAwait(false);
        foreach (var location in locations) await DeleteCopyAsync(location).ConfigureAwait(false);
    }

    public Task SetModelTagAsync(string name, string key, string value, CancellationToken cancellationToken = default) =>
        ChangeModelAsync(name, (context, row) =>
        {
            var (k, v) = RegistryTag(key, value);
            if (row.Tags.FirstOrDefault(t => t.Key == k) is { } tag) tag.Value = v;
            else row.Tags.Add(new RegisteredModelTagRow { Name = row.Name, Key = k, Value = v });
        }, cancellationToken);

    public Task DeleteModelTagAsync(string name, string key, CancellationToken cancellationToken = default) =>
        ChangeModelAsync(name, (context, row) =>
        {
            var tag = row.Tags.FirstOrDefault(t => t.Key == key) ?? throw TrackingException.NotFound($"registered model '{name}' has no tag '{key}'");
            row.Tags.Remove(tag);
            context.RegisteredModelTags.Remove(tag);
        }, cancellationToken);

    /// <summary>Adds the next version to an existing registered model.</summary>
    public Task<ModelVersion> CreateVersionAsync(string name, NewModelVersion source, CancellationToken cancellationToken = default) =>
        AddVersionAsync(name, source, createModel: false, cancellationToken);

    /// <summary>Adds the next version, creating the registered model first when it does not exist (MLflow's <c>register_model</c>).</summary>
    public Task<ModelVersion> RegisterAsync(string name, NewModelVersion source, CancellationToken cancellationToken = default) =>
        AddVersionAsync(name, source, createModel: true, cancellationToken);

    public async Task<ModelVersion> GetVersionAsync(string name, int version, CancellationToken cancellationToken = default)
    {
        await using var context = _database.CreateContext();
        return await LoadVersionAsync(context, name, version, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The version an alias names; <c>latest</c> names the highest version.</summary>
    public async Task<ModelVersion> GetVersionByAliasAsync(string name, string alias, CancellationToken cancellationToken = default)
    {
        await using var context = _database.CreateContext();
        await FindModelAsync(context, name, tracking: false, cancellationToken).ConfigureAwait(false);
        int? version = alias.Equals("latest", StringComparison.OrdinalIgnoreCase)
            ? await context.ModelVersions.Where(v => v.Name == name).MaxAsync(v => (int?)v.Version, cancellationToken).ConfigureAwait(false)
            : (await context.ModelAliases.AsNoTracking().FirstOrDefaultAsync(a => a.Name == name && a.Alias == alias, cancellationToken).ConfigureAwait(false))?.Version;
        return version is { } found
            ? await LoadVersionAsync(context, name, found, cancellationToken).ConfigureAwait(false)
            : throw TrackingException.NotFound($"registered model '{name}' has no alias '{alias}'");
    }

    /// <summary>The model's versions, newest first.</summary>
    public async Task<IReadOnlyList<ModelVersion>> ListVersionsAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var context = _database.CreateContext();
        await FindModelAsync(context, name, tracking: false, cancellationToken).ConfigureAwait(false);
        var rows = await context.ModelVersions.AsNoTracking().Include(v => v.Tags).Where(v => v.Name == name)
            .OrderByDescending(v => v.Version).ToListAsync(cancellationToken).ConfigureAwait(false);
        var aliases = await context.ModelAliases.AsNoTracking().Where(a => a.Name == name).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => ToVersion(r, aliases))];
    }

    /// <summary>The versions made from one run, for showing where a run's models went.</summary>
    public async Task<IReadOnlyList<ModelVersion>> ListVersionsOfRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        await using var context = _database.CreateContext();
        var rows = await context.ModelVersions.AsNoTracking().Include(v => v.Tags).Where(v => v.RunId == runId)
            .OrderBy(v => v.Name).ThenBy(v => v.Version).ToListAsync(cancellationToken).ConfigureAwait(false);
        var names = rows.Select(r => r.Name).Distinct().ToList();
        var aliases = await context.ModelAliases.AsNoTracking().Where(a => names.Contains(a.Name)).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => ToVersion(r, aliases))];
    }

    public Task<ModelVersion> UpdateVersionAsync(string name, int version, string? description, CancellationToken cancellationToken = default) =>
        ChangeVersionAsync(name, version, (context, row) => row.Description = Description(description), cancellationToken);

    public Task<ModelVersion> SetVersionTagAsync(string name, int version, string key, string value, CancellationToken cancellationToken = default) =>
        ChangeVersionAsync(name, version, (context, row) =>
        {
            var (k, v) = RegistryTag(key, value);
            if (row.Tags.FirstOrDefault(t => t.Key == k) is { } tag) tag.Value = v;
            else row.Tags.Add(new ModelVersionTagRow { Name = row.Name, Version = row.Version, Key = k, Value = v });
        }, cancellationToken);

    public Task<ModelVersion> DeleteVersionTagAsync(string name, int version, string key, CancellationToken cancellationToken = default) =>
        ChangeVersionAsync(name, version, (context, row) =>
        {
            var tag = row.Tags.FirstOrDefault(t => t.Key == key) ?? throw TrackingException.NotFound($"version {version} of '{name}' has no tag '{key}'");
            row.Tags.Remove(tag);
            context.ModelVersionTags.Remove(tag);
        }, cancellationToken);

    /// <summary>Deletes one version (its aliases go with it), then the registry's copy of its package.</summary>
    public async Task DeleteVersionAsync(string name, int version, CancellationToken cancellationToken = default)
    {
        var location = await _database.InTransactionAsync(async (context, token) =>
        {
            var stored = (await LoadVersionAsync(context, name, version, token).ConfigureAwait(false)).StorageLocation;
            await context.ModelVersions.Where(v => v.Name == name && v.Version == version).ExecuteDeleteAsync(token).ConfigureAwait(false);
            await context.RegisteredModels.Where(m => m.Name == name).ExecuteUpdateAsync(s => s.SetProperty(m => m.LastUpdatedTime, Now()), token).ConfigureAwait(false);
            return stored;
        }, cancellationToken).ConfigureAwait(false);
        await DeleteCopyAsync(location).ConfigureAwait(false);
    }

    /// <summary>Points the alias at <paramref name="version"/>, creating it or moving it from another version in one statement: a reader sees the old version or the new one, never none.</summary>
    public async Task SetAliasAsync(string name, string alias, int version, CancellationToken cancellationToken = default)
    {
        alias = TrackingValidation.Alias(alias);
        TrackingValidation.Version(version);
        await _database.InTransactionAsync(async (context, token) =>
        {
            await LoadVersionAsync(context, name, version, token).ConfigureAwait(false);
            await UpsertAliasAsync(context, name, alias, version, token).ConfigureAwait(false);
            return 0;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteAliasAsync(string name, string alias, CancellationToken cancellationToken = default)
    {
        await using var context = _database.CreateContext();
        await FindModelAsync(context, name, tracking: false, cancellationToken).ConfigureAwait(false);
        if (await context.ModelAliases.Where(a => a.Name == name && a.Alias == alias).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) == 0)
            throw TrackingException.NotFound($"registered model '{name}' has no alias '{alias}'");
    }

    /// <summary>The model's deployment, or null when it has none (its bare name then serves <c>champion</c>, else the latest version).</summary>
    public async Task<ModelDeployment?> GetDeploymentAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var context = _database.CreateContext();
        await FindModelAsync(context, name, tracking: false, cancellationToken).ConfigureAwait(false);
        var row = await context.ModelDeployments.AsNoTracking().FirstOrDefaultAsync(d => d.Name == name, cancellationToken).ConfigureAwait(false);
        return row is null ? null : ToDeployment(row);
    }

    /// <summary>Every model's deployment, by model name; models without one are absent.</summary>
    public async Task<IReadOnlyDictionary<string, ModelDeployment>> ListDeploymentsAsync(CancellationToken cancellationToken = default)
    {
        await using var context = _database.CreateContext();
        var rows = await context.ModelDeployments.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Name, ToDeployment, StringComparer.Ordinal);
    }

    /// <summary>
    /// Sets the model's deployment, replacing any other, in one transaction: a reader sees the old deployment or the
    /// new one. Every alias it names must exist; the canary's weight is 1–99 per cent; canary and shadow differ from the primary.
    /// </summary>
    public async Task<ModelDeployment> SetDeploymentAsync(string name, ModelDeployment deployment, CancellationToken cancellationToken = default)
    {
        var wanted = CheckedDeployment(deployment);
        await DatabaseErrors.RetryOnConflictAsync(() => _database.InTransactionAsync(async (context, cancellationToken) =>
        {
            var now = Now();
            // touching the model's row first locks it, so the aliases read below stay as they are until commit
            if (await context.RegisteredModels.Where(m => m.Name == name).ExecuteUpdateAsync(s => s.SetProperty(m => m.LastUpdatedTime, now), cancellationToken).ConfigureAwait(false) == 0)
                throw NotRegistered(name);
            var aliases = await context.ModelAliases.AsNoTracking().Where(a => a.Name == name).Select(a => a.Alias).ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var (what, alias) in new[] { ("primary alias", wanted.PrimaryAlias), ("canary alias", wanted.CanaryAlias), ("shadow alias", wanted.ShadowAlias) })
                if (alias is not null && !aliases.Contains(alias))
                    throw TrackingException.Invalid($"{what} '{alias}' is not an alias of '{name}'; "
                        + (aliases.Count == 0 ? "it has no aliases yet (kiln registry alias NAME ALIAS VERSION)" : $"its aliases: {string.Join(", ", aliases.Order(StringComparer.Ordinal))}"));
            var row = await context.ModelDeployments.FirstOrDefaultAsync(d => d.Name == name, cancellationToken).ConfigureAwait(false);
            if (row is null) context.ModelDeployments.Add(row = new ModelDeploymentRow { Name = name, PrimaryAlias = wanted.PrimaryAlias });
            (row.PrimaryAlias, row.CanaryAlias, row.CanaryWeight, row.ShadowAlias, row.LastUpdatedTime) =
                (wanted.PrimaryAlias, wanted.CanaryAlias, wanted.CanaryWeight, wanted.ShadowAlias, now);
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }, cancellationToken)).ConfigureAwait(false);
        return wanted;
    }

    /// <summary>Removes the model's deployment: its bare name serves <c>champion</c>, else the latest version, again.</summary>
    public async Task DeleteDeploymentAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var context = _database.CreateContext();
        await FindModelAsync(context, name, tracking: false, cancellationToken).ConfigureAwait(false);
        if (await context.ModelDeployments.Where(d => d.Name == name).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) == 0)
            throw TrackingException.NotFound($"registered model '{name}' has no deployment");
    }

    /// <summary>The deployment with its aliases checked for form, and its weight for range, before the database is asked.</summary>
    static ModelDeployment CheckedDeployment(ModelDeployment deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var primary = TrackingValidation.Alias(deployment.PrimaryAlias, "primary alias");
        var canary = deployment.CanaryAlias is null ? null : TrackingValidation.Alias(deployment.CanaryAlias, "canary alias");
        var shadow = deployment.ShadowAlias is null ? null : TrackingValidation.Alias(deployment.ShadowAlias, "shadow alias");
        if (canary is null && deployment.CanaryWeight != 0)
            throw TrackingException.Invalid($"canary weight {deployment.CanaryWeight} % is given without a canary alias");
        if (canary is not null && deployment.CanaryWeight is < ModelDeployment.MinimumCanaryWeight or > ModelDeployment.MaximumCanaryWeight)
            throw TrackingException.Invalid($"canary weight {deployment.CanaryWeight} % is outside {ModelDeployment.MinimumCanaryWeight}–{ModelDeployment.MaximumCanaryWeight} %: it is the canary's share of requests");
        if (canary == primary) throw TrackingException.Invalid($"canary alias '{canary}' is the primary alias too; a canary must be another alias");
        if (shadow == primary) throw TrackingException.Invalid($"shadow alias '{shadow}' is the primary alias too; a shadow must be another alias");
        return new ModelDeployment(primary, canary, canary is null ? 0 : deployment.CanaryWeight, shadow);
    }

    static ModelDeployment ToDeployment(ModelDeploymentRow row) => new(row.PrimaryAlias, row.CanaryAlias, row.CanaryWeight, row.ShadowAlias);

    /// <summary>Reads the registry's copy of a version's model package.</summary>
    public async Task<Stream> OpenPackageAsync(string name, int version, CancellationToken cancellationToken = default)
    {
        var found = await GetVersionAsync(name, version, cancellationToken).ConfigureAwait(false);
        if (found.StorageLocation.Length == 0)
            throw new TrackingException(TrackingErrorCode.InvalidState, $"version {version} of '{name}' was registered from '{found.Source}', which is not a Kiln model package; it has no package to open");
        return await _artifacts.OpenReadAsync(found.StorageLocation, cancellationToken).ConfigureAwait(false);
    }

    async Task<ModelVersion> AddVersionAsync(string name, NewModelVersion source, bool createModel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        name = ModelName(name);
        var description = Description(source.Description);
        var tags = (source.Tags ?? new Dictionary<string, string>()).Select(t => RegistryTag(t.Key, t.Value)).ToList();
        var aliases = (source.Aliases ?? []).Select(a => TrackingValidation.Alias(a)).Distinct().ToList();
        var (origin, fileName, open) = source.SourceUri is { } uri
            ? await ReferenceOfAsync(uri, source.RunId, cancellationToken).ConfigureAwait(false)
            : await SourceOfAsync(source, cancellationToken).ConfigureAwait(false);
        if (!createModel)
        {
            await using var context = _database.CreateContext();
            await FindModelAsync(context, name, tracking: false, cancellationToken).ConfigureAwait(false);
        }

        // a version recorded by its source alone has no copy: its location stays empty
        var location = open is null ? "" : ArtifactPath.Combine(StorageFolder, Guid.NewGuid().ToString("N"), fileName);
        if (open is not null) await CopyCheckedPackageAsync(open, origin, location, cancellationToken).ConfigureAwait(false);
        try
        {
            // a retried registration first looks for its own version: a commit that failed may have gone through
            var version = await DatabaseErrors.RetryOnConflictAsync(() => _database.InTransactionAsync(async (context, cancellationToken) =>
            {
                if (createModel && !await context.RegisteredModels.AnyAsync(m => m.Name == name, cancellationToken).ConfigureAwait(false))
                {
                    context.RegisteredModels.Add(NewModelRow(name, null, null));
                    await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                }
                var now = Now();
                // raising the counter locks the model's row until commit, so concurrent registrations take turns
                var updated = await context.RegisteredModels.Where(m => m.Name == name)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastVersion, m => m.LastVersion + 1).SetProperty(m => m.LastUpdatedTime, now), cancellationToken)
                    .ConfigureAwait(false);
                if (updated == 0) throw NotRegistered(name);
                var number = await context.RegisteredModels.Where(m => m.Name == name).Select(m => m.LastVersion).SingleAsync(cancellationToken).ConfigureAwait(false);
                context.ModelVersions.Add(new ModelVersionRow
                {
                    Name = name, Version = number, Description = description, CreationTime = now, LastUpdatedTime = now,
                    Source = origin, RunId = source.RunId, Status = StoredNames.Of(ModelVersionStatus.Ready), StorageLocation = location,
                    Tags = [.. tags.Select(t => new ModelVersionTagRow { Name = name, Version = number, Key = t.Key, Value = t.Value })],
                });
                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                foreach (var alias in aliases) await UpsertAliasAsync(context, name, alias, number, cancellationToken).ConfigureAwait(false);
                return number;
            }, cancellationToken, location.Length == 0 ? null : async (context, cancellationToken) =>
            {
                var written = await context.ModelVersions.Where(v => v.Name == name && v.StorageLocation == location).Select(v => (int?)v.Version)
                    .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
                return (written is not null, written ?? 0);
            })).ConfigureAwait(false);
            return await GetVersionAsync(name, version, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await DeleteCopyAsync(location).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Where the package is read from, the name its copy keeps, and how to open it; the run, when named, must exist.</summary>
    async Task<(string Origin, string FileName, Func<CancellationToken, Task<Stream>>? Open)> SourceOfAsync(NewModelVersion source, CancellationToken cancellationToken)
    {
        if (source.PackageFile is { } file)
        {
            if (source.RunId is { } id) await _runs.GetAsync(id, cancellationToken).ConfigureAwait(false);
            var full = Path.GetFullPath(file);
            if (!File.Exists(full)) throw new FileNotFoundException($"model package {full} does not exist", full);
            return (full, Path.GetFileName(full), _ => Task.FromResult<Stream>(File.OpenRead(full)));
        }
        if (source.RunId is null || source.ArtifactPath is null)
            throw TrackingException.Invalid("a model version needs a package: a file, or a run id with the package's artifact path");
        var run = await _runs.GetAsync(source.RunId, cancellationToken).ConfigureAwait(false);
        var path = ArtifactPath.Normalize(source.ArtifactPath);
        return ($"runs:/{run.Id}/{path}", path.Split('/')[^1], token => _runs.OpenArtifactAsync(run.Id, path, token));
    }

    async Task<(string Origin, string FileName, Func<CancellationToken, Task<Stream>>? Open)> ReferenceOfAsync(string uri, string? runId, CancellationToken cancellationToken)
    {
        var origin = TrackingValidation.Required("model version source", uri, TrackingLimits.Source);
        if (runId is not null) await _runs.GetAsync(runId, cancellationToken).ConfigureAwait(false);
        return (origin, "", null);
    }

    /// <summary>Copies the package to a scratch file, checks that it is a Kiln model package, and stores it at <paramref name="location"/>.</summary>
    async Task CopyCheckedPackageAsync(Func<CancellationToken, Task<Stream>> open, string origin, string location, CancellationToken cancellationToken)
    {
        var scratch = Path.Combine(Path.GetTempPath(), $"kiln-register-{Guid.NewGuid():N}.kiln");
        try
        {
            await using (var input = await open(cancellationToken).ConfigureAwait(false))
            await using (var output = File.Create(scratch))
                await input.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
            try
            {
                PackageArchive.ReadManifest(scratch);
            }
            catch (InvalidDataException e)
            {
                throw TrackingException.Invalid($"{origin} is not a Kiln model package: {e.Message.Replace(scratch, "the file", StringComparison.Ordinal)}");
            }
            await using var copy = File.OpenRead(scratch);
            await _artifacts.WriteAsync(location, copy, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(scratch);
        }
    }

    async Task DeleteCopyAsync(string location)
    {
        if (location.Length == 0) return;
        try
        {
            // the package sits alone in its own folder
            var folder = location.Contains('/') ? location[..location.LastIndexOf('/')] : location;
            await _artifacts.DeleteAsync(folder, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or TrackingException)
        {
            // an unreferenced copy is harmless; the registry's records are what count
        }
    }

    static Task UpsertAliasAsync(TrackingContext context, string name, string alias, int version, CancellationToken cancellationToken) =>
        context.Database.ExecuteSqlAsync(
            $"INSERT INTO registered_model_aliases (name, alias, version) VALUES ({name}, {alias}, {version}) ON CONFLICT (name, alias) DO UPDATE SET version = excluded.version",
            cancellationToken);

    async Task ChangeModelAsync(string name, Action<TrackingContext, RegisteredModelRow> change, CancellationToken cancellationToken)
    {
        await DatabaseErrors.RetryOnConflictAsync(async () =>
        {
            await using var context = _database.CreateContext();
            var row = await FindModelAsync(context, name, tracking: true, cancellationToken).ConfigureAwait(false);
            change(context, row);
            row.LastUpdatedTime = Now();
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }).ConfigureAwait(false);
    }

    async Task<ModelVersion> ChangeVersionAsync(string name, int version, Action<TrackingContext, ModelVersionRow> change, CancellationToken cancellationToken)
    {
        await DatabaseErrors.RetryOnConflictAsync(async () =>
        {
            await using var context = _database.CreateContext();
            await FindModelAsync(context, name, tracking: false, cancellationToken).ConfigureAwait(false);
            var row = await context.ModelVersions.Include(v => v.Tags).FirstOrDefaultAsync(v => v.Name == name && v.Version == version, cancellationToken).ConfigureAwait(false)
                ?? throw VersionMissing(name, version);
            change(context, row);
            row.LastUpdatedTime = Now();
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }).ConfigureAwait(false);
        return await GetVersionAsync(name, version, cancellationToken).ConfigureAwait(false);
    }

    static async Task<ModelVersion> LoadVersionAsync(TrackingContext context, string name, int version, CancellationToken cancellationToken)
    {
        await FindModelAsync(context, name, tracking: false, cancellationToken).ConfigureAwait(false);
        var row = await context.ModelVersions.AsNoTracking().Include(v => v.Tags).FirstOrDefaultAsync(v => v.Name == name && v.Version == version, cancellationToken).ConfigureAwait(false)
            ?? throw VersionMissing(name, version);
        var aliases = await context.ModelAliases.AsNoTracking().Where(a => a.Name == name && a.Version == version).ToListAsync(cancellationToken).ConfigureAwait(false);
        return ToVersion(row, aliases);
    }

    static async Task<RegisteredModelRow> FindModelAsync(TrackingContext context, string name, bool tracking, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        var query = tracking ? context.RegisteredModels : context.RegisteredModels.AsNoTracking();
        return await query.Include(m => m.Tags).Include(m => m.Aliases).AsSplitQuery().FirstOrDefaultAsync(m => m.Name == name, cancellationToken).ConfigureAwait(false)
            ?? throw NotRegistered(name);
    }

    static RegisteredModelRow NewModelRow(string name, string? description, IReadOnlyDictionary<string, string>? tags)
    {
        var now = Now();
        return new RegisteredModelRow
        {
            Name = name, Description = Description(description), CreationTime = now, LastUpdatedTime = now,
            Tags = [.. (tags ?? new Dictionary<string, string>()).Select(t => RegistryTag(t.Key, t.Value)).Select(t => new RegisteredModelTagRow { Name = name, Key = t.Key, Value = t.Value })],
        };
    }

    static string ModelName(string name) => TrackingValidation.Required("registered model name", name, TrackingLimits.ModelName);

    static string? Description(string? description) =>
        description is null ? null : TrackingValidation.Length("description", description, TrackingLimits.Description);

    static (string Key, string Value) RegistryTag(string key, string value) =>
        (TrackingValidation.Key("tag", key),
         TrackingValidation.Length($"tag '{key}' value", value ?? throw TrackingException.Invalid($"tag '{key}' has no value"), TrackingLimits.RegistryTagValue));

    static long Now() => StoredNames.Millis(DateTimeOffset.UtcNow);

    static TrackingException NotRegistered(string name) => TrackingException.NotFound($"no registered model is named '{name}'");

    static TrackingException AlreadyRegistered(string name) => TrackingException.Exists($"a registered model named '{name}' already exists");

    static TrackingException VersionMissing(string name, int version) => TrackingException.NotFound($"registered model '{name}' has no version {version}");

    static RegisteredModel ToModel(RegisteredModelRow row, int? latest) => new(
        row.Name, row.Description, StoredNames.Time(row.CreationTime), StoredNames.Time(row.LastUpdatedTime),
        row.Tags.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal),
        row.Aliases.ToDictionary(a => a.Alias, a => a.Version, StringComparer.Ordinal), latest);

    static ModelVersion ToVersion(ModelVersionRow row, IEnumerable<ModelAliasRow> aliases) => new(
        row.Name, row.Version, row.Description, StoredNames.Time(row.CreationTime), StoredNames.Time(row.LastUpdatedTime),
        row.Source, row.RunId, StoredNames.VersionStatus(row.Status), row.StatusMessage, row.StorageLocation,
        row.Tags.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal),
        [.. aliases.Where(a => a.Name == row.Name && a.Version == row.Version).Select(a => a.Alias).Order(StringComparer.Ordinal)]);
}
