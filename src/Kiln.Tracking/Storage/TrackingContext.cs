using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Kiln.Tracking.Storage;

/// <summary>
/// The tracking and registry schema, one model for every database. Each provider has its own context type only so that
/// it can carry its own migration set (<see cref="SqliteTrackingContext"/>, <see cref="PostgresTrackingContext"/>);
/// tables and columns are lower-case snake_case so the few hand-written statements (upserts) read the same on both.
/// </summary>
abstract class TrackingContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<ExperimentRow> Experiments => Set<ExperimentRow>();
    public DbSet<ExperimentTagRow> ExperimentTags => Set<ExperimentTagRow>();
    public DbSet<RunRow> Runs => Set<RunRow>();
    public DbSet<ParamRow> Params => Set<ParamRow>();
    public DbSet<RunTagRow> RunTags => Set<RunTagRow>();
    public DbSet<MetricRow> Metrics => Set<MetricRow>();
    public DbSet<LatestMetricRow> LatestMetrics => Set<LatestMetricRow>();
    public DbSet<RegisteredModelRow> RegisteredModels => Set<RegisteredModelRow>();
    public DbSet<RegisteredModelTagRow> RegisteredModelTags => Set<RegisteredModelTagRow>();
    public DbSet<ModelVersionRow> ModelVersions => Set<ModelVersionRow>();
    public DbSet<ModelVersionTagRow> ModelVersionTags => Set<ModelVersionTagRow>();
    public DbSet<ModelAliasRow> ModelAliases => Set<ModelAliasRow>();
    public DbSet<ModelDeploymentRow> ModelDeployments => Set<ModelDeploymentRow>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<ExperimentRow>(e =>
        {
            e.ToTable("experiments");
            e.HasKey(x => x.ExperimentId);
            e.Property(x => x.Name).HasMaxLength(TrackingLimits.ExperimentName);
            e.HasIndex(x => x.Name).IsUnique();
            e.Property(x => x.LifecycleStage).HasMaxLength(32);
            e.HasMany(x => x.Tags).WithOne().HasForeignKey(t => t.ExperimentId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<ExperimentTagRow>(e =>
        {
            e.ToTable("experiment_tags");
            e.HasKey(x => new { x.ExperimentId, x.Key });
            e.Property(x => x.Key).HasMaxLength(TrackingLimits.Key);
            e.Property(x => x.Value).HasMaxLength(TrackingLimits.ExperimentTagValue);
        });
        model.Entity<RunRow>(e =>
        {
            e.ToTable("runs");
            e.HasKey(x => x.RunId);
            e.Property(x => x.RunId).HasMaxLength(TrackingLimits.RunId);
            e.Property(x => x.Name).HasMaxLength(TrackingLimits.RunName);
            e.Property(x => x.Status).HasMaxLength(20);
            e.Property(x => x.LifecycleStage).HasMaxLength(32);
            e.Property(x => x.UserId).HasMaxLength(256);
            e.Property(x => x.SourceVersion).HasMaxLength(TrackingLimits.Key);
            e.Property(x => x.DataFingerprint).HasMaxLength(64);
            e.HasOne<ExperimentRow>().WithMany().HasForeignKey(x => x.ExperimentId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.ExperimentId, x.StartTime });
            e.HasMany(x => x.Params).WithOne().HasForeignKey(p => p.RunId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Tags).WithOne().HasForeignKey(t => t.RunId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.LatestMetrics).WithOne().HasForeignKey(m => m.RunId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<ParamRow>(e =>
        {
            e.ToTable("params");
            e.HasKey(x => new { x.RunId, x.Key });
            e.Property(x => x.Key).HasMaxLength(TrackingLimits.Key);
            e.Property(x => x.Value).HasMaxLength(TrackingLimits.ParamValue);
        });
        model.Entity<RunTagRow>(e =>
        {
            e.ToTable("run_tags");
            e.HasKey(x => new { x.RunId, x.Key });
            e.Property(x => x.Key).HasMaxLength(TrackingLimits.Key);
            e.Property(x => x.Value).HasMaxLength(TrackingLimits.RunTagValue);
        });
        model.Entity<MetricRow>(e =>
        {
            e.ToTable("metrics");
            e.HasKey(x => x.Id);
            e.Property(x => x.Key).HasMaxLength(TrackingLimits.Key);
            e.HasOne<RunRow>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.RunId, x.Key, x.Step });
        });
        model.Entity<LatestMetricRow>(e =>
        {
            e.ToTable("latest_metrics");
            e.HasKey(x => new { x.RunId, x.Key });
            e.Property(x => x.Key).HasMaxLength(TrackingLimits.Key);
        });
        model.Entity<RegisteredModelRow>(e =>
        {
            e.ToTable("registered_models");
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(TrackingLimits.ModelName);
            e.Property(x => x.Description).HasMaxLength(TrackingLimits.Description);
            e.HasMany(x => x.Tags).WithOne().HasForeignKey(t => t.Name).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Aliases).WithOne().HasForeignKey(a => a.Name).OnDelete(DeleteBehavior.Cascade);
            e.HasMany<ModelVersionRow>().WithOne().HasForeignKey(v => v.Name).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<RegisteredModelTagRow>(e =>
        {
            e.ToTable("registered_model_tags");
            e.HasKey(x => new { x.Name, x.Key });
            e.Property(x => x.Key).HasMaxLength(TrackingLimits.Key);
            e.Property(x => x.Value).HasMaxLength(TrackingLimits.RegistryTagValue);
        });
        model.Entity<ModelVersionRow>(e =>
        {
            e.ToTable("model_versions");
            e.HasKey(x => new { x.Name, x.Version });
            e.Property(x => x.Description).HasMaxLength(TrackingLimits.Description);
            e.Property(x => x.RunId).HasMaxLength(TrackingLimits.RunId);
            e.Property(x => x.Status).HasMaxLength(20);
            e.Property(x => x.StatusMessage).HasMaxLength(500);
            e.HasIndex(x => x.RunId);
            e.HasMany(x => x.Tags).WithOne().HasForeignKey(t => new { t.Name, t.Version }).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<ModelVersionTagRow>(e =>
        {
            e.ToTable("model_version_tags");
            e.HasKey(x => new { x.Name, x.Version, x.Key });
            e.Property(x => x.Key).HasMaxLength(TrackingLimits.Key);
            e.Property(x => x.Value).HasMaxLength(TrackingLimits.RegistryTagValue);
        });
        model.Entity<ModelAliasRow>(e =>
        {
            e.ToTable("registered_model_aliases");
            e.HasKey(x => new { x.Name, x.Alias });
            e.Property(x => x.Alias).HasMaxLength(TrackingLimits.Alias);
            // an alias goes with the version it names: deleting the version removes it
            e.HasOne<ModelVersionRow>().WithMany().HasForeignKey(a => new { a.Name, a.Version }).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<ModelDeploymentRow>(e =>
        {
            e.ToTable("model_deployments");
            e.HasKey(x => x.Name);
            e.Property(x => x.PrimaryAlias).HasMaxLength(TrackingLimits.Alias);
            e.Property(x => x.CanaryAlias).HasMaxLength(TrackingLimits.Alias);
            e.Property(x => x.ShadowAlias).HasMaxLength(TrackingLimits.Alias);
            // the deployment goes with its model
            e.HasOne<RegisteredModelRow>().WithOne().HasForeignKey<ModelDeploymentRow>(d => d.Name).OnDelete(DeleteBehavior.Cascade);
        });

        foreach (var entity in model.Model.GetEntityTypes())
            foreach (var property in entity.GetProperties())
                property.SetColumnName(SnakeCase(property.Name));
    }

    static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) text.Append('_');
            text.Append(char.ToLowerInvariant(name[i]));
        }
        return text.ToString();
    }
}
