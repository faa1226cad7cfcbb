namespace Kiln.Server.Accounts;

/// <summary>What <c>GET /api/account</c> answers: who the request is signed in as.</summary>
public sealed record AccountSummary(string Id, string Email, IReadOnlyList<string> Roles);
