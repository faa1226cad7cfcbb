using Microsoft.AspNetCore.Identity;

namespace Kiln.Server.Accounts;

/// <summary>A person with an account on the platform; Identity keeps the hashed password and lockout state.</summary>
public sealed class KilnUser : IdentityUser
{
    public DateTimeOffset CreatedAt { get; set; }
}
