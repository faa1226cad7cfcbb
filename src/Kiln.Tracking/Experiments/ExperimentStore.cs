using Kiln.Tracking.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kiln.Tracking;

/// <summary>Experiments: created with a unique name, tagged, renamed, deleted (with their runs) and restored.</summary>
public sealed class ExperimentStore
{
    readonly TrackingDatabase _database;

    internal ExperimentStore(TrackingDatabase database) => _database = database;

    public async Task<Experiment> CreateAsync(string name, IReadOnlyDictionary<string, string>? tags = null, CancellationToken cancellationToken = default)
    {
        name = TrackingValidation.Required("experiment name", name, TrackingLimits.ExperimentName);
        var checkedTags = (tags ?? new Dictionary<string, string>()).Select(t =>
            (Key: TrackingValidation.Key("tag", t.Key), Value: TrackingValidation.Length($"tag '{t.Key}' value", t.Value, TrackingLimits.ExperimentTagValue))).ToList();
        var row = await _database.InTransactionAsync(async (context, cancellationToken) =>
        {
            await ThrowIfNameTakenAsync(context, name, cancellationToken).ConfigureAwait(false);
            var now = StoredNames.Millis(DateTimeOffset.UtcNow);
            // fresh rows on every attempt: a retried transaction must not carry ids from the attempt that was rolled back
            var row = new ExperimentRow
            {
                Name = name, ArtifactLocation = "", LifecycleStage = StoredNames.Of(LifecycleStage.Active),
                CreationTime = now, LastUpdateTime = now, Tags = [.. checkedTags.Select(t => new ExperimentTagRow { Key = t.Key, Value = t.Value })],
            };
            context.Experiments.Add(row);
            try
            {
                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                row.ArtifactLocation = StoredNames.Text(row.ExperimentId);
                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException e) when (DatabaseErrors.IsConflict(e))
            {
                throw TrackingException.Exists($"an experiment named '{name}' already exists");
            }
            return row;
        }, cancellationToken).ConfigureAwait(false);
        return ToExperiment(row);
    }

    public async Task<Experiment> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var context = _database.CreateContext();
        var row = await context.Experiments.AsNoTracking().Include(e => e.Tags).FirstOrDefaultAsync(e => e.ExperimentId == id, cancellationToken).ConfigureAwait(false);
        return row is null ? throw TrackingException.NotFound($"no experiment has id {id}") : ToExperiment(row);
    }

    public async Task<Experiment?> FindByNameAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var context = _database.CreateContext();
        var row = await context.Experiments.AsNoTracking().Include(e => e.Tags).FirstOrDefaultAsync(e => e.Name == name, cancellationToken).ConfigureAwait(false);
        return row is null ? null : ToExperiment(row);
    }

    public async Task<Experiment> GetByNameAsync(string name, CancellationToken cancellationToken = default) =>
        await FindByNameAsync(name, cancellationToken).ConfigureAwait(false) ?? throw TrackingException.NotFound($"no experiment is named '{name}'");

    /// <summary>The active experiment of that name, created when there is none; a deleted one is an error (restore it first).</summary>
    public async Task<Experiment> GetOrCreateAsync(string name, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (await FindByNameAsync(name, cancellationToken).ConfigureAwait(false) is { } found)
                return found.Lifecycle == LifecycleStage.Active ? found
                    : throw new TrackingException(TrackingErrorCode.InvalidState, $"experiment '{name}' is deleted; restore it (kiln experiments restore) or choose another name");
            try
            {
                return await CreateAsync(name, null, cancellationToken).ConfigureAwait(false);
            }
            catch (TrackingException e) when (e.Code == TrackingErrorCode.ResourceAlreadyExists && attempt == 0)
            {
                // another process created it between the look-up and the insert: read theirs
            }
        }
    }

    /// <summary>Experiments sorted by id.</summary>
    public async Task<IReadOnlyList<Experiment>> ListAsync(LifecycleView view = LifecycleView.ActiveOnly, CancellationToken cancellationToken = default)
    {
        await using var context = _database.CreateContext();
        var query = context.Experiments.AsNoTracking().Include(e => e.Tags).AsQueryable();
        if (StoredNames.Of(view) is { } stage) query = query.Where(e => e.LifecycleStage == stage);
        var rows = await query.OrderBy(e => e.ExperimentId).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(ToExperiment)];
    }

    /// <summary>Marks the experiment and all its runs deleted; the default experiment cannot be deleted.</summary>
    public Task DeleteAsync(long id, CancellationToken cancellationToken = default)
    {
        if (id == Experiment.DefaultId) throw TrackingException.Invalid($"the default experiment ({Experiment.DefaultId}, '{Experiment.DefaultName}') cannot be deleted");
        return SetLifecycleAsync(id, LifecycleStage.Deleted, cancellationToken);
    }

    /// <summary>Brings back a deleted experiment and the runs deleted with it.</summary>
    public Task RestoreAsync(long id, CancellationToken cancellationToken = default) => SetLifecycleAsync(id, LifecycleStage.Active, cancellationToken);

    public async Task RenameAsync(long id, string newName, CancellationToken cancellationToken = default)
    {
        newName = TrackingValidation.Required("experiment name", newName, TrackingLimits.ExperimentName);
        await _database.InTransactionAsync(async (context, cancellationToken) =>
        {
            var row = await FindAsync(context, id, cancellationToken).ConfigureAwait(false);
            if (row.Name == newName) return 0;
            await ThrowIfNameTakenAsync(context, newName, cancellationToken).ConfigureAwait(false);
            row.Name = newName;
            row.LastUpdateTime = StoredNames.Millis(DateTimeOffset.UtcNow);
            try
            {
                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException e) when (DatabaseErrors.IsConflict(e))
            {
                throw TrackingException.Exists($"an experiment named '{newName}' already exists");
            }
            return 0;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task SetTagAsync(long id, string key, string value, CancellationToken cancellationToken = default)
    {
        key = TrackingValidation.Key("tag", key);
        value = TrackingValidation.Length($"tag '{key}' value", value, TrackingLimits.ExperimentTagValue);
        await DatabaseErrors.RetryOnConflictAsync(async () =>
        {
            await using var context = _database.CreateContext();
            var row = await FindAsync(context, id, cancellationToken).ConfigureAwait(false);
            if (row.Tags.FirstOrDefault(t => t.Key == key) is { } tag) tag.Value = value;
            else row.Tags.Add(new ExperimentTagRow { Key = key, Value = value });
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }).ConfigureAwait(false);
    }

    async Task SetLifecycleAsync(long id, LifecycleStage stage, CancellationToken cancellationToken)
    {
        await _database.InTransactionAsync(async (context, cancellationToken) =>
        {
            var row = await FindAsync(context, id, cancellationToken).ConfigureAwait(false);
            var now = StoredNames.Millis(DateTimeOffset.UtcNow);
            var (from, to) = (StoredNames.Of(stage == LifecycleStage.Active ? LifecycleStage.Deleted : LifecycleStage.Active), StoredNames.Of(stage));
            if (row.LifecycleStage != from)
                throw new TrackingException(TrackingErrorCode.InvalidState, $"experiment {id} ('{row.Name}') is already {to}");
            row.LifecycleStage = to;
            row.LastUpdateTime = now;
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            long? deletedTime = stage == LifecycleStage.Deleted ? now : null;
            await context.Runs.Where(r => r.ExperimentId == id && r.LifecycleStage == from)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.LifecycleStage, to).SetProperty(r => r.DeletedTime, deletedTime), cancellationToken)
                .ConfigureAwait(false);
            return 0;
        }, cancellationToken).ConfigureAwait(false);
    }

    static async Task<ExperimentRow> FindAsync(TrackingContext context, long id, CancellationToken cancellationToken) =>
        await context.Experiments.Include(e => e.Tags).FirstOrDefaultAsync(e => e.ExperimentId == id, cancellationToken).ConfigureAwait(false)
        ?? throw TrackingException.NotFound($"no experiment has id {id}");

    static async Task ThrowIfNameTakenAsync(TrackingContext context, string name, CancellationToken cancellationToken)
    {
        var existing = await context.Experiments.AsNoTracking().FirstOrDefaultAsync(e => e.Name == name, cancellationToken).ConfigureAwait(false);
        if (existing is null) return;
        throw TrackingException.Exists(existing.LifecycleStage == StoredNames.Of(LifecycleStage.Deleted)
            ? $"an experiment named '{name}' already exists in the deleted state (id {existing.ExperimentId}); restore it or choose another name"
            : $"an experiment named '{name}' already exists (id {existing.ExperimentId})");
    }

    static Experiment ToExperiment(ExperimentRow row) => new(
        row.ExperimentId, row.Name, row.ArtifactLocation, StoredNames.Lifecycle(row.LifecycleStage),
        StoredNames.Time(row.CreationTime), StoredNames.Time(row.LastUpdateTime),
        row.Tags.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal));
}
