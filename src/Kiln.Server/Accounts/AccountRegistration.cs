using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kiln.Server.Accounts;

/// <summary>
/// Sign-up: creates an account with a hashed password; the first account becomes the admin, so a fresh platform never
/// has a default password, and every later one is a member.
/// </summary>
public sealed class AccountRegistration(UserManager<KilnUser> users, RoleManager<IdentityRole> roles)
{
    // one sign-up at a time in this process, so that two first sign-ups cannot both become admin
    static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public Task<bool> HasAccountsAsync(CancellationToken cancellationToken = default) => users.Users.AnyAsync(cancellationToken);

    /// <summary>Creates the account; the result lists Identity's reasons when the email or password is refused.</summary>
    public async Task<(KilnUser? User, IReadOnlyList<string> Errors)> SignUpAsync(string email, string password, CancellationToken cancellationToken = default)
    {
        email = email?.Trim() ?? "";
        if (email.Length == 0 || !email.Contains('@', StringComparison.Ordinal)) return (null, [$"'{email}' is not an email address"]);
        await OneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var role in KilnRoles.All)
                if (!await roles.RoleExistsAsync(role).ConfigureAwait(false))
                    Check(await roles.CreateAsync(new IdentityRole(role)).ConfigureAwait(false));
            var first = !await users.Users.AnyAsync(cancellationToken).ConfigureAwait(false);
            var user = new KilnUser { UserName = email, Email = email, CreatedAt = DateTimeOffset.UtcNow };
            var created = await users.CreateAsync(user, password ?? "").ConfigureAwait(false);
            if (!created.Succeeded) return (null, [.. created.Errors.Select(e => e.Description)]);
            Check(await users.AddToRoleAsync(user, first ? KilnRoles.Admin : KilnRoles.Member).ConfigureAwait(false));
            return (user, []);
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
