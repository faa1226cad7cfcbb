namespace Kiln.Server.Accounts;

/// <summary>The user sees the item but may not change it (a viewer of its project): the API answers 403, a page shows the message.</summary>
public sealed class AccessDeniedException(string message) : Exception(message);
