using System.Net;
using System.Net.Http.Json;
using Kiln.Server.Accounts;
using Kiln.Testing;
using Kiln.Tracking;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Kiln.Server.Tests.Accounts;

public class AccountEndpointsTests
{
    [Fact]
    public async Task The_first_account_becomes_admin_and_later_ones_members()
    {
        await using var server = await RunningServer.StartAsync();
        using var first = await CookieSession.SignedUpAsync(server, "ada@example.org");
        using var second = await CookieSession.SignedUpAsync(server, "bob@example.org");
        var ada = await first.Client.GetFromJsonAsync<AccountSummary>("/api/account");
        var bob = await second.Client.GetFromJsonAsync<AccountSummary>("/api/account");
        Assert.Equal("ada@example.org", ada!.Email);
        Assert.Equal([KilnRoles.Admin], ada.Roles);
        Assert.Equal("bob@example.org", bob!.Email);
        Assert.Equal([KilnRoles.Member], bob.Roles);
    }

    /// <summary>
    /// An account exists without a role, as when another server sharing the database is between creating its first
    /// account and giving it the admin role — or crashed there. Whether that account claimed the first admin decides.
    /// </summary>
    [Theory]
    [InlineData(true, KilnRoles.Member)]
    [InlineData(false, KilnRoles.Admin)]
    public async Task The_first_admin_claim_in_the_database_decides_who_becomes_admin(bool claimedElsewhere, string expected)
    {
        await using var server = await RunningServer.StartAsync();
        using (var scope = server.App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<KilnUser>>();
            var early = new KilnUser { UserName = "early@example.org", Email = "early@example.org", CreatedAt = DateTimeOffset.UtcNow };
            Assert.True((await users.CreateAsync(early, CookieSession.Password)).Succeeded);
            if (claimedElsewhere)
            {
                await using var context = server.App.Services.GetRequiredService<Kiln.Server.Storage.PlatformDatabase>().CreateContext();
                context.FirstAdmin.Add(new FirstAdminRow { UserId = early.Id, ClaimedAt = DateTimeOffset.UtcNow });
                await context.SaveChangesAsync();
            }
        }
        using var session = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var ada = await session.Client.GetFromJsonAsync<AccountSummary>("/api/account");
        Assert.Equal([expected], ada!.Roles);
    }

    [Fact]
    public async Task A_password_is_stored_only_as_a_hash()
    {
        await using var server = await RunningServer.StartAsync();
        using var session = await CookieSession.SignedUpAsync(server, "ada@example.org");
        using var scope = server.App.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<KilnUser>>().FindByEmailAsync("ada@example.org");
        Assert.NotNull(user?.PasswordHash);
        Assert.DoesNotContain(CookieSession.Password, user.PasswordHash);
    }

    [Fact]
    public async Task A_form_posted_without_the_antiforgery_token_is_refused()
    {
        await using var server = await RunningServer.StartAsync();
        using var session = new CookieSession(server);
        var response = await session.Client.PostAsync("/account/signup", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "ada@example.org", ["Password"] = CookieSession.Password, ["ConfirmPassword"] = CookieSession.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var scope = server.App.Services.CreateScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<KilnUser>>().FindByEmailAsync("ada@example.org"));
    }

    [Fact]
    public async Task A_weak_password_is_refused_with_the_reason_on_the_sign_up_page()
    {
        await using var server = await RunningServer.StartAsync();
        using var session = new CookieSession(server);
        var response = await session.SignUpAsync("ada@example.org", "short");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await session.Client.GetStringAsync(response.Headers.Location);
        Assert.Contains("at least 8 characters", page);
    }

    [Fact]
    public async Task Signing_in_with_the_right_password_works_and_signing_out_ends_the_session()
    {
        await using var server = await RunningServer.StartAsync();
        using (await CookieSession.SignedUpAsync(server, "ada@example.org")) { }
        using var session = new CookieSession(server);
        var signedIn = await session.SignInAsync("ada@example.org");
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"{signedIn.StatusCode}: {await signedIn.Content.ReadAsStringAsync()}");
        Assert.Equal("/", signedIn.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/api/account")).StatusCode);

        var signedOut = await session.PostFormAsync("/signin", "/account/signout", new Dictionary<string, string>());
        Assert.Equal("/signin", signedOut.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.Client.GetAsync("/api/account")).StatusCode);
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        await using var server = await RunningServer.StartAsync();
        using (await CookieSession.SignedUpAsync(server, "ada@example.org")) { }
        using var session = new CookieSession(server);
        for (var attempt = 0; attempt < AccountServices.MaxFailedSignIns; attempt++)
        {
            var wrong = await session.SignInAsync("ada@example.org", "Wrong-password-1");
            Assert.StartsWith("/signin?error=", wrong.Headers.Location?.OriginalString);
        }
        var right = await session.SignInAsync("ada@example.org");
        Assert.Contains("locked", Uri.UnescapeDataString(right.Headers.Location!.OriginalString));
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.Client.GetAsync("/api/account")).StatusCode);
    }

    [Fact]
    public async Task A_sign_in_cookie_outlives_a_restart_of_the_server_on_the_same_store()
    {
        using var store = new TemporaryFolder();
        var options = new ServerOptions { Port = 0, Tracking = new TrackingOptions { Home = store.Path } };
        string cookie;
        await using (var before = await RunningServer.StartAsync(options))
        {
            using var ada = await CookieSession.SignedUpAsync(before, "ada@example.org");
            cookie = ada.CookieHeader(before);
        }
        await using var after = await RunningServer.StartAsync(options);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/account");
        request.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await after.Client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_return_address_off_the_site_is_ignored_after_sign_in()
    {
        await using var server = await RunningServer.StartAsync();
        using (await CookieSession.SignedUpAsync(server, "ada@example.org")) { }
        using var session = new CookieSession(server);
        var response = await session.PostFormAsync("/signin", "/account/signin", new Dictionary<string, string>
        {
            ["Email"] = "ada@example.org", ["Password"] = CookieSession.Password, ["ReturnUrl"] = "//evil.example.com/",
        });
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }
}
