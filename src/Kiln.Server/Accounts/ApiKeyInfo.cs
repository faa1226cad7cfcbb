namespace Kiln.Server.Accounts;

/// <summary>An API key as its owner sees it in a listing: never the secret, only its first characters.</summary>
public sealed record ApiKeyInfo(string Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public bool IsActive => RevokedAt is null;
}
