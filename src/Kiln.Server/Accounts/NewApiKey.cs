namespace Kiln.Server.Accounts;

/// <summary>The body of <c>POST /api/account/keys</c>.</summary>
public sealed record NewApiKey(string Name);
