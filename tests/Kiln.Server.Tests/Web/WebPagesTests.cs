using System.Net;
using System.Net.Http.Json;
using System.Text;
using Kiln.Server.Datasets;

namespace Kiln.Server.Tests.Web;

public class WebPagesTests
{
    [Theory]
    [InlineData("/signin", "Sign in · Kiln")]
    [InlineData("/signup", "Sign up · Kiln")]
    public async Task The_sign_in_and_sign_up_pages_have_a_title_and_an_antiforgery_token(string path, string title)
    {
        await using var server = await RunningServer.StartAsync();
        var html = await server.Client.GetStringAsync(path);
        Assert.Contains($"<title>{title}</title>", html);
        Assert.Contains("__RequestVerificationToken", html);
    }

    [Fact]
    public async Task On_a_fresh_platform_the_sign_up_page_says_the_first_account_becomes_admin()
    {
        await using var server = await RunningServer.StartAsync();
        Assert.Contains("this account becomes the platform&#x27;s admin", await server.Client.GetStringAsync("/signup"));
        using (await CookieSession.SignedUpAsync(server, "ada@example.org")) { }
        Assert.DoesNotContain("becomes the platform", await server.Client.GetStringAsync("/signup"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/datasets")]
    [InlineData("/account")]
    [InlineData("/projects")]
    public async Task A_page_asked_for_before_signing_in_sends_the_browser_to_the_sign_in_form(string path)
    {
        await using var server = await RunningServer.StartAsync();
        using var session = new CookieSession(server);
        var response = await session.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [InlineData("/_framework/blazor.web.js")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.css")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.js")]
    public async Task The_scripts_and_styles_the_pages_load_are_served(string path)
    {
        await using var server = await RunningServer.StartAsync();
        var response = await server.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/", "Home · Kiln", "You have not uploaded a dataset yet")]
    [InlineData("/datasets", "Datasets · Kiln", "No datasets yet")]
    [InlineData("/account", "Account · Kiln", "No API keys yet")]
    [InlineData("/projects", "Projects · Kiln", "No projects yet")]
    public async Task A_signed_in_page_has_a_title_and_an_empty_state(string path, string title, string empty)
    {
        await using var server = await RunningServer.StartAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var html = await ada.Client.GetStringAsync(path);
        Assert.Contains($"<title>{title}</title>", html);
        Assert.Contains(empty, html);
    }

    [Fact]
    public async Task Another_users_dataset_page_says_it_is_not_found_and_shows_none_of_its_rows()
    {
        await using var server = await RunningServer.StartAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        using var bob = await CookieSession.SignedUpAsync(server, "bob@example.org");
        var response = await ada.Client.PostAsync("/api/datasets?name=secret.csv", new StringContent("code,value\nzebra-42,1\n", Encoding.UTF8, "text/csv"));
        var uploaded = (await response.Content.ReadFromJsonAsync<DatasetInfo>())!;

        Assert.Contains("zebra-42", await ada.Client.GetStringAsync($"/datasets/{uploaded.Id}"));
        foreach (var path in new[] { $"/datasets/{uploaded.Id}", $"/datasets/{uploaded.Id}/profile" })
        {
            var html = await bob.Client.GetStringAsync(path);
            Assert.Contains("Dataset not found", html);
            Assert.DoesNotContain("zebra-42", html);
            Assert.DoesNotContain("secret", html);
        }
    }
}
