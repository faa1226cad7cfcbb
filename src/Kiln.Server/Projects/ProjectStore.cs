using System.Security.Cryptography;
using Kiln.Server.Accounts;
using Kiln.Server.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Kiln.Server.Projects;

/// <summary>
/// Projects in the platform database: made by a user (their owner), named uniquely among the owner's projects, shared
/// with members as viewers or editors. The owner (or an admin) renames a project, manages its members and deletes it;
/// a project a user is not in does not exist for them. Deleting one hands its items back to their owners, private
/// (<see cref="ProjectItems.ReleaseAsync"/>). <see cref="Changed"/> tells <see cref="PlatformAccess"/> to forget the
/// roles it has read.
/// </summary>
public sealed class ProjectStore
{
    public const int MaxNameLength = 100;

    readonly PlatformDatabase _database;

    internal ProjectStore(PlatformDatabase database) => _database = database;

    /// <summary>Raised after any change of a project's existence or members.</summary>
    public event Action? Changed;

    /// <summary>The projects the user owns or is a member of, with their role in each.</summary>
    public async Task<IReadOnlyDictionary<string, ProjectRole>> RolesOfAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var context = _database.CreateContext();
        var owned = await context.Projects.AsNoTracking().Where(p => p.OwnerId == userId).Select(p => p.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var memberships = await context.ProjectMembers.AsNoTracking().Where(m => m.UserId == userId).ToListAsync(cancellationToken).ConfigureAwait(false);
        var roles = new Dictionary<string, ProjectRole>(StringComparer.Ordinal);
        foreach (var member in memberships) roles[member.ProjectId] = ProjectRoles.ParseAssignable(member.Role) ?? ProjectRole.Viewer;
        foreach (var id in owned) roles[id] = ProjectRole.Owner;
        return roles;
    }

    /// <summary>Makes a project owned by the user; the name must be new among their projects.</summary>
    public async Task<ProjectInfo> CreateAsync(UserAccess access, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(access);
        name = ValidName(name);
        await using var context = _database.CreateContext();
        await RequireNewNameAsync(context, access.UserId, name, null, cancellationToken).ConfigureAwait(false);
        var row = new ProjectRow
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            OwnerId = access.UserId,
            Name = name,
            CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()),
        };
        context.Projects.Add(row);
        await SaveAsync(context, name, cancellationToken).ConfigureAwait(false);
        Changed?.Invoke();
        return (await InfosAsync(context, [row], access, cancellationToken).ConfigureAwait(false))[0];
    }

    /// <summary>The projects the user owns or belongs to (an admin: all), by name.</summary>
    public async Task<IReadOnlyList<ProjectInfo>> ListAsync(UserAccess access, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(access);
        await using var context = _database.CreateContext();
        var ids = access.Projects.Keys.ToList();
        var rows = await context.Projects.AsNoTracking().Where(p => access.IsAdmin || ids.Contains(p.Id)).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. (await InfosAsync(context, rows, access, cancellationToken).ConfigureAwait(false)).OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Id, StringComparer.Ordinal)];
    }

    /// <summary>The project when the user is in it (or an admin); null otherwise, whether it exists or not.</summary>
    public async Task<ProjectInfo?> FindAsync(UserAccess access, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(access);
        await using var context = _database.CreateContext();
        var row = await SeenRowAsync(context, access, id, cancellationToken).ConfigureAwait(false);
        return row is null ? null : (await InfosAsync(context, [row], access, cancellationToken).ConfigureAwait(false))[0];
    }

    public async Task<ProjectInfo> RenameAsync(UserAccess access, string id, string name, CancellationToken cancellationToken = default)
    {
        name = ValidName(name);
        await using var context = _database.CreateContext();
        var row = await ManagedRowAsync(context, access, id, cancellationToken).ConfigureAwait(false);
        if (row.Name == name) return (await InfosAsync(context, [row], access, cancellationToken).ConfigureAwait(false))[0];
        await RequireNewNameAsync(context, row.OwnerId, name, row.Id, cancellationToken).ConfigureAwait(false);
        row.Name = name;
        await SaveAsync(context, name, cancellationToken).ConfigureAwait(false);
        Changed?.Invoke();
        return (await InfosAsync(context, [row], access, cancellationToken).ConfigureAwait(false))[0];
    }

    /// <summary>
    /// Adds <paramref name="user"/> (an email or user name) with the role, or changes the role of a member already in.
    /// An unknown user is refused naming them; the owner is in the project already and is not made a member.
    /// </summary>
    public async Task<ProjectInfo> SetMemberAsync(UserAccess access, string id, string user, string role, CancellationToken cancellationToken = default)
    {
        var parsed = ProjectRoles.ParseAssignable(role)
            ?? throw new ProjectException("role", $"the role must be {string.Join(" or ", ProjectRoles.Assignable)}, not '{role}'");
        await using var context = _database.CreateContext();
        var row = await ManagedRowAsync(context, access, id, cancellationToken).ConfigureAwait(false);
        var userId = await UserIdOfAsync(context, user, cancellationToken).ConfigureAwait(false);
        if (userId == row.OwnerId) throw new ProjectException("user", $"'{user}' owns the project and has every right in it already");
        var member = await context.ProjectMembers.SingleOrDefaultAsync(m => m.ProjectId == row.Id && m.UserId == userId, cancellationToken).ConfigureAwait(false);
        if (member is null) context.ProjectMembers.Add(new ProjectMemberRow { ProjectId = row.Id, UserId = userId, Role = ProjectRoles.Name(parsed) });
        else member.Role = ProjectRoles.Name(parsed);
        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        Changed?.Invoke();
        return (await InfosAsync(context, [row], access, cancellationToken).ConfigureAwait(false))[0];
    }

    /// <summary>Removes a member; their own items stay theirs, and what the project's other members made is hidden from them again.</summary>
    public async Task<ProjectInfo> RemoveMemberAsync(UserAccess access, string id, string user, CancellationToken cancellationToken = default)
    {
        await using var context = _database.CreateContext();
        var row = await ManagedRowAsync(context, access, id, cancellationToken).ConfigureAwait(false);
        var userId = await UserIdOfAsync(context, user, cancellationToken).ConfigureAwait(false);
        var member = await context.ProjectMembers.SingleOrDefaultAsync(m => m.ProjectId == row.Id && m.UserId == userId, cancellationToken).ConfigureAwait(false)
            ?? throw new ProjectException("user", $"'{user}' is not a member of project '{row.Name}'", StatusCodes.Status404NotFound);
        context.ProjectMembers.Remove(member);
        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        Changed?.Invoke();
        return (await InfosAsync(context, [row], access, cancellationToken).ConfigureAwait(false))[0];
    }

    /// <summary>Deletes the project and its memberships after <paramref name="release"/> has handed its items back to their owners.</summary>
    public async Task DeleteAsync(UserAccess access, string id, Func<string, CancellationToken, Task> release, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(release);
        await using var context = _database.CreateContext();
        var row = await ManagedRowAsync(context, access, id, cancellationToken).ConfigureAwait(false);
        // items first: should this stop half-way, the project is still there to be deleted again
        await release(row.Id, cancellationToken).ConfigureAwait(false);
        await context.Datasets.Where(d => d.ProjectId == row.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.ProjectId, (string?)null), cancellationToken).ConfigureAwait(false);
        context.ProjectMembers.RemoveRange(context.ProjectMembers.Where(m => m.ProjectId == row.Id));
        context.Projects.Remove(row);
        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        Changed?.Invoke();
    }

    /// <summary>Whether a project with this id exists.</summary>
    public async Task<bool> ExistsAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var context = _database.CreateContext();
        return await context.Projects.AsNoTracking().AnyAsync(p => p.Id == id, cancellationToken).ConfigureAwait(false);
    }

    static string ValidName(string? name)
    {
        name = (name ?? "").Trim();
        if (name.Length == 0) throw new ProjectException("name", "give the project a name");
        if (name.Length > MaxNameLength) throw new ProjectException("name", $"a project's name has at most {MaxNameLength} characters, not {name.Length}");
        if (name.Any(char.IsControl)) throw new ProjectException("name", "a project's name cannot hold control characters such as line breaks or tabs");
        return name;
    }

    static async Task RequireNewNameAsync(PlatformContext context, string ownerId, string name, string? except, CancellationToken cancellationToken)
    {
        if (await context.Projects.AnyAsync(p => p.OwnerId == ownerId && p.Name == name && p.Id != except, cancellationToken).ConfigureAwait(false))
            throw new ProjectException("name", $"there is a project named '{name}' already; choose another name", StatusCodes.Status409Conflict);
    }

    /// <summary>Saves, turning the unique index's refusal (two requests making the same name at once) into the same answer as the check.</summary>
    static async Task SaveAsync(PlatformContext context, string name, CancellationToken cancellationToken)
    {
        try
        {
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            throw new ProjectException("name", $"there is a project named '{name}' already; choose another name", StatusCodes.Status409Conflict);
        }
    }

    static async Task<ProjectRow?> SeenRowAsync(PlatformContext context, UserAccess access, string id, CancellationToken cancellationToken)
    {
        var row = await context.Projects.SingleOrDefaultAsync(p => p.Id == id, cancellationToken).ConfigureAwait(false);
        return row is not null && (row.OwnerId == access.UserId || access.RoleIn(id) is not null) ? row : null;
    }

    /// <summary>The project when the user manages it; not found when they are not in it, forbidden when they are only a member.</summary>
    static async Task<ProjectRow> ManagedRowAsync(PlatformContext context, UserAccess access, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        var row = await SeenRowAsync(context, access, id, cancellationToken).ConfigureAwait(false) ?? throw ProjectException.NotFound(id);
        if (row.OwnerId != access.UserId && !access.IsAdmin)
            throw ProjectException.Forbidden($"only the owner of project '{row.Name}' renames it, manages its members and deletes it");
        return row;
    }

    static async Task<string> UserIdOfAsync(PlatformContext context, string? user, CancellationToken cancellationToken)
    {
        var normalized = (user ?? "").Trim().ToUpperInvariant();
        if (normalized.Length == 0) throw new ProjectException("user", "name the user by their email or user name");
        var ids = await context.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized || u.NormalizedUserName == normalized)
            .Select(u => u.Id).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false);
        return ids.Count == 1 ? ids[0] : throw new ProjectException("user", $"there is no user '{user}'; name them by the email or user name they signed up with");
    }

    static async Task<IReadOnlyList<ProjectInfo>> InfosAsync(PlatformContext context, IReadOnlyList<ProjectRow> rows, UserAccess access, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var members = await context.ProjectMembers.AsNoTracking().Where(m => ids.Contains(m.ProjectId)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var userIds = members.Select(m => m.UserId).Concat(rows.Select(r => r.OwnerId)).Distinct().ToList();
        var users = await context.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.UserName, u.Email }).ToDictionaryAsync(u => u.Id, cancellationToken).ConfigureAwait(false);
        string NameOf(string userId) => users.TryGetValue(userId, out var u) ? u.UserName ?? u.Email ?? userId : userId;
        string? EmailOf(string userId) => users.TryGetValue(userId, out var u) ? u.Email : null;
        return [.. rows.Select(r => new ProjectInfo(
            r.Id, r.Name, r.OwnerId, NameOf(r.OwnerId), EmailOf(r.OwnerId), r.CreatedAt,
            r.OwnerId == access.UserId ? ProjectRoles.Owner
                : access.Projects.TryGetValue(r.Id, out var role) ? ProjectRoles.Name(role) : access.IsAdmin ? ProjectRoles.Admin : ProjectRoles.Viewer,
            [.. members.Where(m => m.ProjectId == r.Id)
                .Select(m => new ProjectMember(m.UserId, NameOf(m.UserId), EmailOf(m.UserId), m.Role))
                .OrderBy(m => m.UserName, StringComparer.OrdinalIgnoreCase)]))];
    }
}
