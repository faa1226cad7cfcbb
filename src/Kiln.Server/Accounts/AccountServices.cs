using Kiln.Server.Storage;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Kiln.Server.Accounts;

/// <summary>Registers Identity over the platform tables, the API key scheme and the policy other endpoint groups require.</summary>
public static class AccountServices
{
    public const int MaxFailedSignIns = 5;

    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(5);

    internal static IServiceCollection AddKilnAccounts(this IServiceCollection services, PlatformDatabase database)
    {
        services.AddSingleton(database);
        services.AddScoped(_ => database.CreateContext());
        // the keys that encrypt sign-in cookies live in the store, so a cookie outlives a restart and is good on every
        // server that shares the database
        services.AddDataProtection().SetApplicationName("kiln").PersistKeysToDbContext<PlatformContext>();
        services.AddSingleton(new ApiKeys(database));
        services.AddScoped(s => new AccountRegistration(s.GetRequiredService<UserManager<KilnUser>>(), s.GetRequiredService<RoleManager<IdentityRole>>(), database));
        services.AddIdentity<KilnUser, IdentityRole>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                identity.Password.RequiredLength = 8;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
                identity.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
                identity.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<PlatformContext>();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "kiln.signin";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.LoginPath = "/signin";
            cookie.LogoutPath = "/account/signout";
            cookie.AccessDeniedPath = "/signin";
            // an API answers 401/403; only pages are sent to the sign-in form
            cookie.Events.OnRedirectToLogin = context => StatusOrRedirect(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => StatusOrRedirect(context, StatusCodes.Status403Forbidden);
        });
        services.AddAuthentication(authentication =>
            {
                authentication.DefaultScheme = ApiKeyAuthentication.KeyOrCookieScheme;
                authentication.DefaultAuthenticateScheme = ApiKeyAuthentication.KeyOrCookieScheme;
                authentication.DefaultChallengeScheme = ApiKeyAuthentication.KeyOrCookieScheme;
                authentication.DefaultForbidScheme = ApiKeyAuthentication.KeyOrCookieScheme;
            })
            .AddPolicyScheme(ApiKeyAuthentication.KeyOrCookieScheme, "API key or sign-in cookie", policy => policy.ForwardDefaultSelector = ApiKeyAuthentication.SchemeFor)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthentication.Scheme, "API key", null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiKeyAuthentication.Policy, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthentication.KeyOrCookieScheme)
                .RequireAuthenticatedUser())
            .AddPolicy(Metrics.MetricsEndpoints.AdminPolicy, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthentication.KeyOrCookieScheme)
                .RequireRole(KilnRoles.Admin));
        return services;
    }

    static Task StatusOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/metrics")) context.Response.StatusCode = status;
        else context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
