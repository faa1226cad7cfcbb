using Kiln.Server.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kiln.Server.Accounts;

/// <summary>
/// Sign-up: creates an account with a hashed password; the first account becomes the admin, so a fresh platform never
/// has a default password, and every later one is a member. "First" is decided by the database (one
/// <see cref="FirstAdminRow"/> can be written), so servers sharing a fresh database cannot make two admins.
/// </summary>
public sealed class AccountRegistration
{
    // one sign-up at a time in this process; across processes the first-admin row decides
    static readonly SemaphoreSlim OneAtATime = new(1, 1);

    readonly UserManager<KilnUser> users;
    readonly RoleManager<IdentityRole> roles;
    readonly PlatformDatabase database;

    internal AccountRegistration(UserManager<KilnUser> users, RoleManager<IdentityRole> roles, PlatformDatabase database) =>
        (this.users, this.roles, this.database) = (users, roles, database);

    public Task<bool> HasAccountsAsync(CancellationToken cancellationToken = default) => users.Users.AnyAsync(cancellationToken);

    /// <summary>Creates the account; the result lists Identity's reasons when the email or password is refused.</summary>
    public async Task<(KilnUser? User, IReadOnlyList<string> Errors)> SignUpAsync(string email, string password, CancellationToken cancellationToken = default)
    {
        email = email?.Trim() ?? "";
        if (email.Length == 0 || !email.Contains('@', StringComparison.Ordinal)) return (null, [$"'{email}' is not an email address"]);
        await OneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var role in KilnRoles.All) await EnsureRoleAsync(role).ConfigureAwait(false);
            var user = new KilnUser { UserName = email, Email = email, CreatedAt = DateTimeOffset.UtcNow };
            var created = await users.CreateAsync(user, password ?? "").ConfigureAwait(false);
            if (!created.Succeeded) return (null, [.. created.Errors.Select(e => e.Description)]);
            var admin = (await users.GetUsersInRoleAsync(KilnRoles.Admin).ConfigureAwait(false)).Count == 0
                && await ClaimFirstAdminAsync(user.Id, cancellationToken).ConfigureAwait(false);
            Check(await users.AddToRoleAsync(user, admin ? KilnRoles.Admin : KilnRoles.Member).ConfigureAwait(false));
            return (user, []);
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    /// <summary>Writes the first-admin row for the user; false when another sign-up, here or on another server, wrote it first.</summary>
    async Task<bool> ClaimFirstAdminAsync(string userId, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        context.FirstAdmin.Add(new FirstAdminRow { UserId = userId, ClaimedAt = DateTimeOffset.UtcNow });
        try
        {
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    /// <summary>Creates the role unless it exists; another server creating it at the same moment is no error.</summary>
    async Task EnsureRoleAsync(string role)
    {
        if (await roles.RoleExistsAsync(role).ConfigureAwait(false)) return;
        try
        {
            Check(await roles.CreateAsync(new IdentityRole(role)).ConfigureAwait(false));
        }
        catch (DbUpdateException)
        {
            if (!await roles.RoleExistsAsync(role).ConfigureAwait(false)) throw;
        }
    }

    static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
