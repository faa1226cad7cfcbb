namespace Kiln.Server.Accounts;

/// <summary>The platform's roles: the first account to sign up is the admin, every later one a member.</summary>
public static class KilnRoles
{
    public const string Admin = "admin";
    public const string Member = "member";

    public static IReadOnlyList<string> All { get; } = [Admin, Member];
}
