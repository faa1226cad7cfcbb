using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kiln.E2E.Tests;

public class TrainingInTheBrowserTests
{
    [Fact]
    public async Task A_job_queued_on_the_train_page_is_seen_finishing_on_the_jobs_page_without_a_reload()
    {
        await using var platform = await BrowserPlatform.StartAsync();
        var page = await platform.NewPageAsync();
        await PlatformInTheBrowserTests.SignUpAsync(page, "ada@example.org");

        await page.GetByRole(AriaRole.Link, new() { Name = "Jobs", Exact = true }).First.ClickAsync();
        await Expect(page.GetByText("No training jobs yet")).ToBeVisibleAsync();
        await BrowserPlatform.ScreenshotAsync(page, "jobs-1-empty");

        // the Train page opened on a sample: its target and task are filled in, and the algorithm's form is built from its hyperparameters
        await page.GotoAsync("/train?sample=iris");
        await BrowserPlatform.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hyperparameters" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var trees = page.GetByRole(AriaRole.Spinbutton, new() { Name = "n-estimators" });
        await Expect(trees).ToHaveValueAsync("100");
        await trees.FillAsync("20");
        await trees.PressAsync("Tab");
        await BrowserPlatform.ScreenshotAsync(page, "jobs-2-train");
        await page.GetByRole(AriaRole.Button, new() { Name = "Queue the job" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/jobs$"));
        var status = page.Locator("#jobs .job-status").First;
        await Expect(status).ToHaveTextAsync("succeeded", new() { Timeout = 60_000 });
        await Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^run ") })).ToHaveCountAsync(1);
        await Expect(page.GetByText("train random-forest-classifier")).ToBeVisibleAsync();
        await BrowserPlatform.ScreenshotAsync(page, "jobs-3-finished");
    }

    [Fact]
    public async Task Train_a_model_on_an_uploaded_dataset_opens_the_train_page_with_it_chosen_from_the_list_and_by_keyboard_from_its_page()
    {
        await using var platform = await BrowserPlatform.StartAsync();
        var page = await platform.NewPageAsync();
        await PlatformInTheBrowserTests.SignUpAsync(page, "ada@example.org");
        var folder = Directory.CreateTempSubdirectory("kiln-e2e-");
        try
        {
            var csv = Path.Combine(folder.FullName, "customers.csv");
            await File.WriteAllTextAsync(csv, "usage,plan,churn\n" + string.Concat(Enumerable.Range(0, 40).Select(i => $"{i},{(i % 2 == 0 ? "basic" : "pro")},{(i < 20 ? "yes" : "no")}\n")));
            await page.GotoAsync("/datasets");
            // the browser reads the file while it uploads, so it stays until the dataset is listed
            var fromList = page.GetByRole(AriaRole.Link, new() { Name = "Train a model on customers" });
            await BrowserPlatform.UploadAsync(page, csv, fromList);
            await Expect(fromList).ToHaveAttributeAsync("href", new Regex("^/train\\?dataset=[^&]+$"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Train a model on the iris sample" })).ToHaveAttributeAsync("href", "/train?sample=iris");
        await BrowserPlatform.ScreenshotAsync(page, "datasets-train-links");

        await page.GetByRole(AriaRole.Link, new() { Name = "customers", Exact = true }).ClickAsync();
        var profile = page.GetByRole(AriaRole.Link, new() { Name = "Profile" });
        var train = page.GetByRole(AriaRole.Link, new() { Name = "Train a model" });
        // after a navigation the router moves focus to the page's heading once the page has drawn, which can land
        // after the focus given here: tab again from the Profile link then
        for (var attempt = 1; ; attempt++)
        {
            await profile.FocusAsync();
            await page.Keyboard.PressAsync("Tab");
            try
            {
                await Expect(train).ToBeFocusedAsync(new() { Timeout = 2_000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex("/train\\?dataset=[^&]+$"));
        await BrowserPlatform.WaitUntilInteractiveAsync(page);
        // no column of customers is named like a target, so none is guessed: the page asks for one and will not queue yet
        await Expect(page.Locator("#train-target-hint")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator("#queue-job")).ToBeDisabledAsync();
        await BrowserPlatform.ScreenshotAsync(page, "train-from-dataset");
    }
}
