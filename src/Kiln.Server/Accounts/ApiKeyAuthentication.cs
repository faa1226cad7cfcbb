using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace Kiln.Server.Accounts;

/// <summary>
/// The authentication schemes: a request carrying an API key is judged by the key alone, any other by Identity's
/// sign-in cookie. Endpoints require <see cref="Policy"/> (or plain <c>RequireAuthorization()</c>) to accept either.
/// </summary>
public static class ApiKeyAuthentication
{
    public const string Scheme = "ApiKey";

    /// <summary>The scheme that picks API key or cookie for each request; the default for authentication and challenges.</summary>
    public const string KeyOrCookieScheme = "KeyOrCookie";

    /// <summary>An authorization policy for APIs: a signed-in user, by key or cookie.</summary>
    public const string Policy = "SignedIn";

    public const string HeaderName = "X-Api-Key";

    /// <summary>The key a request carries, or null when it carries none.</summary>
    public static string? KeyIn(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers[HeaderName].ToString() is { Length: > 0 } key) return key.Trim();
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && authorization[7..].Trim() is { Length: > 0 } bearer ? bearer : null;
    }

    internal static string SchemeFor(HttpContext context) =>
        KeyIn(context.Request) is null ? IdentityConstants.ApplicationScheme : Scheme;
}
