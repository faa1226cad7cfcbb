using System.Security.Cryptography;
using System.Text;
using Kiln.Server.Storage;
using Microsoft.EntityFrameworkCore;

namespace Kiln.Server.Accounts;

/// <summary>
/// Per-user API keys: created with a random secret shown once, listed, revoked. Only the SHA-256 of the secret is stored;
/// the secret has 256 random bits, so a fast hash is enough (a slow one guards guessable passwords, not random keys).
/// </summary>
public sealed class ApiKeys
{
    public const int MaxNameLength = 100;
    public const string SecretPrefix = "kiln_";

    readonly PlatformDatabase _database;

    internal ApiKeys(PlatformDatabase database) => _database = database;

    public async Task<CreatedApiKey> CreateAsync(string userId, string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        if (ProblemWithName(name) is { } problem) throw new ArgumentException(problem, nameof(name));
        name = name.Trim();
        var secret = SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var row = new ApiKeyRow
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            UserId = userId,
            Name = name,
            Prefix = secret[..(SecretPrefix.Length + 6)],
            Hash = HashOf(secret),
            CreatedAt = Now(),
        };
        await using var context = _database.CreateContext();
        context.ApiKeys.Add(row);
        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new CreatedApiKey(Info(row), secret);
    }

    /// <summary>Why a key cannot have this name, or null when it can.</summary>
    public static string? ProblemWithName(string? name)
    {
        name = name?.Trim() ?? "";
        if (name.Length == 0) return "an API key needs a name, so that you can tell your keys apart";
        return name.Length > MaxNameLength ? $"an API key's name has at most {MaxNameLength} characters; '{name[..20]}…' has {name.Length}" : null;
    }

    /// <summary>The user's keys, newest first, revoked ones included so that the owner sees what was turned off.</summary>
    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var context = _database.CreateContext();
        var rows = await context.ApiKeys.AsNoTracking().Where(k => k.UserId == userId).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.OrderByDescending(k => k.CreatedAt).Select(Info)];
    }

    /// <summary>Revokes one of the user's keys; false when the user has no key with that id.</summary>
    public async Task<bool> RevokeAsync(string userId, string keyId, CancellationToken cancellationToken = default)
    {
        await using var context = _database.CreateContext();
        var row = await context.ApiKeys.SingleOrDefaultAsync(k => k.Id == keyId && k.UserId == userId, cancellationToken).ConfigureAwait(false);
        if (row is null) return false;
        row.RevokedAt ??= Now();
        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The user an active key belongs to; null for an unknown or revoked key.</summary>
    public async Task<string?> FindUserIdAsync(string secret, CancellationToken cancellationToken = default)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal)) return null;
        var hash = HashOf(secret);
        await using var context = _database.CreateContext();
        return await context.ApiKeys.AsNoTracking().Where(k => k.Hash == hash && k.RevokedAt == null)
            .Select(k => k.UserId).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    // whole milliseconds, so that what SQLite and PostgreSQL give back compares equal to what was written
    static DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    static ApiKeyInfo Info(ApiKeyRow row) => new(row.Id, row.Name, row.Prefix, row.CreatedAt, row.RevokedAt);
}
