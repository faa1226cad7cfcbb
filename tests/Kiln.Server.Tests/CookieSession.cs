using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Kiln.Server.Accounts;

namespace Kiln.Server.Tests;

/// <summary>What a browser does, over HTTP: keeps cookies, reads the antiforgery token from a page and posts its forms.</summary>
public sealed partial class CookieSession : IDisposable
{
    public CookieSession(RunningServer server)
    {
        Client = new HttpClient(new HttpClientHandler { CookieContainer = _cookies, AllowAutoRedirect = false })
        {
            BaseAddress = server.Client.BaseAddress,
        };
    }

    public HttpClient Client { get; }

    readonly CookieContainer _cookies = new();

    /// <summary>The cookies this session holds for the server, as a <c>Cookie</c> header to replay elsewhere.</summary>
    public string CookieHeader(RunningServer server) => _cookies.GetCookieHeader(server.Client.BaseAddress!);

    public const string Password = "Kiln-test-1";

    /// <summary>Posts a page's form with the antiforgery token the page handed out; the answer is the redirect.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string page, string action, IReadOnlyDictionary<string, string> fields)
    {
        var html = await Client.GetStringAsync(page);
        var token = TokenPattern().Match(html);
        Assert.True(token.Success, $"{page} has no antiforgery token");
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await Client.PostAsync(action, new FormUrlEncodedContent(form));
    }

    public async Task<HttpResponseMessage> SignUpAsync(string email, string password = Password) =>
        await PostFormAsync("/signup", "/account/signup", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password, ["ConfirmPassword"] = password });

    public async Task<HttpResponseMessage> SignInAsync(string email, string password = Password) =>
        await PostFormAsync("/signin", "/account/signin", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    /// <summary>A signed-up, signed-in session; the sign-up must succeed.</summary>
    public static async Task<CookieSession> SignedUpAsync(RunningServer server, string email)
    {
        var session = new CookieSession(server);
        var response = await session.SignUpAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        return session;
    }

    public async Task<CreatedApiKey> CreateKeyAsync(string name)
    {
        var response = await Client.PostAsJsonAsync("/api/account/keys", new NewApiKey(name));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CreatedApiKey>())!;
    }

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
