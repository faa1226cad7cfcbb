using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Kiln.Server.Accounts;

/// <summary>
/// Sign-up, sign-in and sign-out as form posts (antiforgery-checked, answered with a redirect to a page), and the
/// account's API keys as JSON under <c>/api/account</c>.
/// </summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var forms = endpoints.MapGroup("/account").ExcludeFromDescription();
        forms.MapPost("/signup", SignUpAsync);
        forms.MapPost("/signin", SignInAsync);
        forms.MapPost("/signout", SignOutAsync);

        var api = endpoints.MapGroup("/api/account").WithTags("Account").RequireAuthorization(ApiKeyAuthentication.Policy);
        api.MapGet("/", SummaryAsync).WithSummary("Who the request is signed in as");
        api.MapGet("/keys", ListKeysAsync).WithSummary("The account's API keys, without their secrets");
        api.MapPost("/keys", CreateKeyAsync).WithSummary("Creates an API key (signed in, not with a key); its secret is in this answer only");
        api.MapDelete("/keys/{id}", RevokeKeyAsync).WithSummary("Revokes an API key");
        return endpoints;
    }

    static async Task<RedirectHttpResult> SignUpAsync([FromForm] SignUpForm form, AccountRegistration registration, SignInManager<KilnUser> signIn, CancellationToken cancellationToken)
    {
        if (form.Password != form.ConfirmPassword) return Back("/signup", "the two passwords differ");
        var (user, errors) = await registration.SignUpAsync(form.Email ?? "", form.Password ?? "", cancellationToken);
        if (user is null) return Back("/signup", string.Join(" ", errors), form.Email);
        await signIn.SignInAsync(user, isPersistent: false);
        return TypedResults.LocalRedirect("/");
    }

    static async Task<RedirectHttpResult> SignInAsync([FromForm] SignInForm form, SignInManager<KilnUser> signIn)
    {
        var returnUrl = IsLocal(form.ReturnUrl) ? form.ReturnUrl! : "/";
        var result = await signIn.PasswordSignInAsync(form.Email?.Trim() ?? "", form.Password ?? "", isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return TypedResults.LocalRedirect(returnUrl);
        var problem = result.IsLockedOut
            ? "this account is locked after repeated failed sign-ins; try again in a few minutes"
            : "the email or password is wrong";
        return Back("/signin", problem, form.Email, returnUrl);
    }

    static async Task<RedirectHttpResult> SignOutAsync(SignInManager<KilnUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("/signin");
    }

    static async Task<Ok<AccountSummary>> SummaryAsync(ClaimsPrincipal principal, UserManager<KilnUser> users)
    {
        var user = await users.GetUserAsync(principal) ?? throw new InvalidOperationException("the signed-in account no longer exists");
        var roles = await users.GetRolesAsync(user);
        return TypedResults.Ok(new AccountSummary(user.Id, user.Email ?? "", [.. roles]));
    }

    static async Task<Ok<IReadOnlyList<ApiKeyInfo>>> ListKeysAsync(ClaimsPrincipal principal, UserManager<KilnUser> users, ApiKeys keys, CancellationToken cancellationToken) =>
        TypedResults.Ok(await keys.ListAsync(users.GetUserId(principal)!, cancellationToken));

    static async Task<Results<Created<CreatedApiKey>, ValidationProblem, ProblemHttpResult>> CreateKeyAsync(
        NewApiKey body, HttpRequest request, ClaimsPrincipal principal, UserManager<KilnUser> users, ApiKeys keys, CancellationToken cancellationToken)
    {
        // a stolen key must not outlive its revocation by minting others
        if (ApiKeyAuthentication.KeyIn(request) is not null)
            return TypedResults.Problem("an API key cannot create keys; create them signed in, on the account page", statusCode: StatusCodes.Status403Forbidden, title: "Not allowed");
        if (ApiKeys.ProblemWithName(body.Name) is { } problem)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [problem] });
        var created = await keys.CreateAsync(users.GetUserId(principal)!, body.Name, cancellationToken);
        return TypedResults.Created($"/api/account/keys/{created.Key.Id}", created);
    }

    static async Task<Results<NoContent, NotFound>> RevokeKeyAsync(string id, ClaimsPrincipal principal, UserManager<KilnUser> users, ApiKeys keys, CancellationToken cancellationToken) =>
        await keys.RevokeAsync(users.GetUserId(principal)!, id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    static RedirectHttpResult Back(string page, string error, string? email = null, string? returnUrl = null)
    {
        var query = new QueryString().Add("error", error);
        if (!string.IsNullOrEmpty(email)) query = query.Add("email", email);
        if (returnUrl is not null && returnUrl != "/") query = query.Add("returnUrl", returnUrl);
        return TypedResults.LocalRedirect(page + query);
    }

    /// <summary>Only paths on this site: a return address from a query string must never send the user elsewhere.</summary>
    internal static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
