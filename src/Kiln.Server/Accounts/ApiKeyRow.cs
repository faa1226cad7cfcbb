namespace Kiln.Server.Accounts;

/// <summary>One API key as stored: the SHA-256 of the secret, never the secret itself, and a prefix to recognise it by.</summary>
sealed class ApiKeyRow
{
    public required string Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    public required string Prefix { get; set; }
    public required string Hash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
