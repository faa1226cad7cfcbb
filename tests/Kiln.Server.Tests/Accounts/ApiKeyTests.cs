using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Kiln.Server.Accounts;
using Kiln.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kiln.Server.Tests.Accounts;

public class ApiKeyTests
{
    [Fact]
    public async Task The_api_refuses_a_request_without_a_key_or_a_cookie()
    {
        await using var server = await RunningServer.StartAsync();
        var response = await server.Client.GetAsync("/api/account");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_key_signs_a_request_in_as_its_owner_by_bearer_or_by_header()
    {
        await using var server = await RunningServer.StartAsync();
        using var session = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var key = await session.CreateKeyAsync("laptop");
        Assert.StartsWith(ApiKeys.SecretPrefix, key.Secret);

        using var bearer = new HttpRequestMessage(HttpMethod.Get, "/api/account");
        bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key.Secret);
        var byBearer = await server.Client.SendAsync(bearer);
        Assert.Equal("ada@example.org", (await byBearer.Content.ReadFromJsonAsync<AccountSummary>())!.Email);

        using var header = new HttpRequestMessage(HttpMethod.Get, "/api/account");
        header.Headers.Add(ApiKeyAuthentication.HeaderName, key.Secret);
        var byHeader = await server.Client.SendAsync(header);
        Assert.Equal("ada@example.org", (await byHeader.Content.ReadFromJsonAsync<AccountSummary>())!.Email);
    }

    [Fact]
    public async Task A_wrong_key_is_refused_even_with_a_valid_cookie()
    {
        await using var server = await RunningServer.StartAsync();
        using var session = await CookieSession.SignedUpAsync(server, "ada@example.org");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/account");
        request.Headers.Add(ApiKeyAuthentication.HeaderName, "kiln_not-a-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.Client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_and_listed_as_revoked()
    {
        await using var server = await RunningServer.StartAsync();
        using var session = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var key = await session.CreateKeyAsync("ci");
        Assert.Equal(HttpStatusCode.NoContent, (await session.Client.DeleteAsync($"/api/account/keys/{key.Key.Id}")).StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/account");
        request.Headers.Add(ApiKeyAuthentication.HeaderName, key.Secret);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.SendAsync(request)).StatusCode);
        var listed = await session.Client.GetFromJsonAsync<List<ApiKeyInfo>>("/api/account/keys");
        Assert.False(Assert.Single(listed!).IsActive);
    }

    [Fact]
    public async Task Only_a_hash_of_the_key_is_stored_and_the_listing_never_shows_the_secret()
    {
        await using var server = await RunningServer.StartAsync();
        using var session = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var key = await session.CreateKeyAsync("notebook");
        var listing = await session.Client.GetStringAsync("/api/account/keys");
        Assert.DoesNotContain(key.Secret, listing);
        await using var context = server.App.Services.GetRequiredService<PlatformDatabase>().CreateContext();
        var stored = await context.ApiKeys.SingleAsync();
        Assert.NotEqual(key.Secret, stored.Hash);
        Assert.DoesNotContain(key.Secret[ApiKeys.SecretPrefix.Length..], stored.Hash + stored.Prefix + stored.Name);
    }

    [Fact]
    public async Task A_user_cannot_revoke_another_users_key()
    {
        await using var server = await RunningServer.StartAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        using var bob = await CookieSession.SignedUpAsync(server, "bob@example.org");
        var key = await ada.CreateKeyAsync("laptop");
        Assert.Equal(HttpStatusCode.NotFound, (await bob.Client.DeleteAsync($"/api/account/keys/{key.Key.Id}")).StatusCode);
        Assert.True(Assert.Single((await ada.Client.GetFromJsonAsync<List<ApiKeyInfo>>("/api/account/keys"))!).IsActive);
    }

    [Fact]
    public async Task A_key_cannot_create_another_key_so_revoking_it_ends_what_it_opened()
    {
        await using var server = await RunningServer.StartAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var key = await ada.CreateKeyAsync("laptop");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/account/keys") { Content = JsonContent.Create(new NewApiKey("minted")) };
        request.Headers.Authorization = new("Bearer", key.Secret);
        using var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Single((await ada.Client.GetFromJsonAsync<List<ApiKeyInfo>>("/api/account/keys"))!);
    }

    [Fact]
    public async Task A_key_without_a_name_is_refused_naming_the_field()
    {
        await using var server = await RunningServer.StartAsync();
        using var session = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var response = await session.Client.PostAsJsonAsync("/api/account/keys", new NewApiKey("  "));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("needs a name", await response.Content.ReadAsStringAsync());
    }
}
