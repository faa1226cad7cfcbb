using System.Text.RegularExpressions;
using Kiln.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kiln.E2E.Tests;

public class PlatformInTheBrowserTests
{
    internal const string Password = "Kiln-e2e-1";

    internal static async Task SignUpAsync(IPage page, string email)
    {
        await page.GotoAsync("/signup");
        await page.GetByLabel("Email").FillAsync(email);
        await page.Locator("#password").FillAsync(Password);
        await page.Locator("#confirm").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome to Kiln" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_new_user_signs_up_uploads_the_titanic_file_opens_its_profile_and_a_second_user_cannot_open_it()
    {
        var titanic = SharedFolder.RequireDataset("titanic/train.csv");
        await using var platform = await BrowserPlatform.StartAsync();

        var ada = await platform.NewPageAsync();
        await ada.GotoAsync("/signup");
        await Expect(ada.GetByText("this account becomes the platform's admin")).ToBeVisibleAsync();
        await BrowserPlatform.ScreenshotAsync(ada, "01-sign-up");
        await SignUpAsync(ada, "ada@example.org");
        await BrowserPlatform.ScreenshotAsync(ada, "02-home");

        await ada.GetByRole(AriaRole.Link, new() { Name = "Datasets" }).First.ClickAsync();
        await Expect(ada.GetByText("No datasets yet")).ToBeVisibleAsync();
        await BrowserPlatform.UploadAsync(ada, titanic, ada.GetByRole(AriaRole.Link, new() { Name = "train", Exact = true }));
        await Expect(ada.GetByRole(AriaRole.Cell, new() { Name = "891" })).ToBeVisibleAsync();
        await BrowserPlatform.ScreenshotAsync(ada, "03-datasets");

        await ada.GetByRole(AriaRole.Link, new() { Name = "train", Exact = true }).ClickAsync();
        await Expect(ada.GetByRole(AriaRole.Heading, new() { Name = "First 20 of 891 rows" })).ToBeVisibleAsync();
        await Expect(ada.Locator("#preview")).ToContainTextAsync("Braund, Mr. Owen Harris");
        var datasetAddress = ada.Url;
        await BrowserPlatform.ScreenshotAsync(ada, "04-dataset");

        await ada.GetByRole(AriaRole.Link, new() { Name = "Profile" }).ClickAsync();
        var report = ada.FrameLocator("#profile");
        await Expect(report.GetByText("Data profile — train.csv")).ToBeVisibleAsync();
        await Expect(report.GetByText("Correlations").First).ToBeVisibleAsync();
        await BrowserPlatform.ScreenshotAsync(ada, "05-profile");

        await ada.GetByRole(AriaRole.Link, new() { Name = "Account and API keys" }).ClickAsync();
        await BrowserPlatform.WaitUntilInteractiveAsync(ada);
        await ada.GetByLabel("Name of the new key").FillAsync("laptop");
        await ada.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        await Expect(ada.Locator("#new-key-secret")).ToHaveTextAsync(new Regex("^kiln_"));
        await BrowserPlatform.ScreenshotAsync(ada, "06-account");

        var bob = await platform.NewPageAsync();
        await SignUpAsync(bob, "bob@example.org");
        await bob.GotoAsync(datasetAddress);
        await Expect(bob.GetByRole(AriaRole.Heading, new() { Name = "Dataset not found" })).ToBeVisibleAsync();
        await Expect(bob.GetByText("Braund")).ToHaveCountAsync(0);
        await BrowserPlatform.ScreenshotAsync(bob, "07-another-users-dataset");
        await bob.GotoAsync("/datasets");
        await Expect(bob.GetByText("No datasets yet")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task At_phone_width_the_pages_fit_and_the_navigation_opens_from_the_menu_button()
    {
        await using var platform = await BrowserPlatform.StartAsync();
        var page = await platform.NewPageAsync(390, 844);
        await page.GotoAsync("/signin");
        await BrowserPlatform.ScreenshotAsync(page, "08-phone-sign-in");
        await SignUpAsync(page, "ada@example.org");
        await BrowserPlatform.WaitUntilInteractiveAsync(page);
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the home page is wider than a phone's screen");
        await BrowserPlatform.OpenAndFollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Open or close the navigation" }),
            page.GetByRole(AriaRole.Link, new() { Name = "Datasets", Exact = true }));
        await Expect(page.GetByText("No datasets yet")).ToBeVisibleAsync();
        // on a phone the navigation slides away after a link is followed; the picture is of the page, not the slide
        await page.WaitForTimeoutAsync(500);
        await BrowserPlatform.ScreenshotAsync(page, "09-phone-datasets");
    }
}
