using Kiln.Server.Accounts;
using Kiln.Server.Datasets;
using Kiln.Server.Projects;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Kiln.Server.Storage;

/// <summary>
/// The platform's own tables (accounts, the first admin's claim, API keys, uploaded datasets, projects and their members, the keys that protect sign-in cookies) in the
/// tracking database. Each provider has its own
/// context type only to carry its own migrations (<see cref="SqlitePlatformContext"/>, <see cref="PostgresPlatformContext"/>),
/// and their history lives in <see cref="PlatformDatabase.MigrationsTable"/> so it never meets tracking's.
/// </summary>
abstract class PlatformContext(DbContextOptions options) : IdentityDbContext<KilnUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<ApiKeyRow> ApiKeys => Set<ApiKeyRow>();
    public DbSet<DatasetRow> Datasets => Set<DatasetRow>();
    public DbSet<FirstAdminRow> FirstAdmin => Set<FirstAdminRow>();
    public DbSet<ProjectRow> Projects => Set<ProjectRow>();
    public DbSet<ProjectMemberRow> ProjectMembers => Set<ProjectMemberRow>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        builder.Entity<ApiKeyRow>(e =>
        {
            e.ToTable("api_keys");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(32);
            e.Property(x => x.Name).HasMaxLength(Accounts.ApiKeys.MaxNameLength);
            e.Property(x => x.Prefix).HasMaxLength(16);
            e.Property(x => x.Hash).HasMaxLength(64);
            e.HasIndex(x => x.Hash).IsUnique();
            e.HasIndex(x => x.UserId);
            e.HasOne<KilnUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<FirstAdminRow>(e =>
        {
            e.ToTable("first_admin");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasOne<KilnUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<DatasetRow>(e =>
        {
            e.ToTable("datasets");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(32);
            e.Property(x => x.Name).HasMaxLength(DatasetStore.MaxNameLength);
            e.Property(x => x.FileName).HasMaxLength(DatasetStore.MaxNameLength);
            e.HasIndex(x => new { x.OwnerId, x.CreatedAt });
            e.HasOne<KilnUser>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.ProjectId).HasMaxLength(32);
            e.HasIndex(x => x.ProjectId);
            // a deleted project hands its datasets back to their owners
            e.HasOne<ProjectRow>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.SetNull);
        });
        builder.Entity<ProjectRow>(e =>
        {
            e.ToTable("projects");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(32);
            e.Property(x => x.Name).HasMaxLength(ProjectStore.MaxNameLength);
            e.HasIndex(x => new { x.OwnerId, x.Name }).IsUnique();
            e.HasOne<KilnUser>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<ProjectMemberRow>(e =>
        {
            e.ToTable("project_members");
            e.HasKey(x => new { x.ProjectId, x.UserId });
            e.Property(x => x.ProjectId).HasMaxLength(32);
            e.Property(x => x.Role).HasMaxLength(16);
            e.HasIndex(x => x.UserId);
            e.HasOne<ProjectRow>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<KilnUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
