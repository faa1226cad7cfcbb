namespace Kiln.Server.Accounts;

/// <summary>A key just created: the only moment its secret is shown, since only its hash is kept.</summary>
public sealed record CreatedApiKey(ApiKeyInfo Key, string Secret);
