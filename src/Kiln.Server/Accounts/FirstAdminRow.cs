namespace Kiln.Server.Accounts;

/// <summary>
/// The one row that says which account became the admin at the first sign-up. Its key is fixed, so the database lets
/// only one sign-up write it, even when several servers share a fresh database.
/// </summary>
sealed class FirstAdminRow
{
    public const int OnlyId = 1;

    public int Id { get; set; } = OnlyId;
    public required string UserId { get; set; }
    public DateTimeOffset ClaimedAt { get; set; }
}
