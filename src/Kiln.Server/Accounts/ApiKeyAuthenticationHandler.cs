using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kiln.Server.Accounts;

/// <summary>
/// Signs a request in as the owner of the API key it carries, as <c>Authorization: Bearer kiln_…</c> or <c>X-Api-Key: kiln_…</c>.
/// A request without a key is left to the other schemes; a wrong or revoked key fails.
/// </summary>
sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiKeys keys, UserManager<KilnUser> users, IUserClaimsPrincipalFactory<KilnUser> principals)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (ApiKeyAuthentication.KeyIn(Request) is not { } secret) return AuthenticateResult.NoResult();
        if (await keys.FindUserIdAsync(secret, Context.RequestAborted).ConfigureAwait(false) is not { } userId
            || await users.FindByIdAsync(userId).ConfigureAwait(false) is not { } user)
            return AuthenticateResult.Fail("the API key is unknown or revoked");
        if (await users.IsLockedOutAsync(user).ConfigureAwait(false))
            return AuthenticateResult.Fail("the API key's account is locked out");
        var principal = await principals.CreateAsync(user).ConfigureAwait(false);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"kiln\"";
        return Task.CompletedTask;
    }
}
