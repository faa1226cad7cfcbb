using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kiln.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kiln.E2E.Tests;

/// <summary>
/// The whole way a new user takes, through the pages only (the API call aside): from the Titanic CSV to a deployed model
/// answering a program, and another user who sees none of it. Its screenshots, named in journey order, are the README's.
/// </summary>
public class JourneyInTheBrowserTests
{
    /// <summary>Where the journey's screenshots go; docs/pictures/make.sh shrinks them into the README's pictures.</summary>
    const string Prefix = "journey-";

    /// <summary>The window as a user sees it, without the focus ring a navigation leaves on the heading or a typed field.</summary>
    static async Task ShotAsync(IPage page, int step, string name)
    {
        await page.EvaluateAsync("document.activeElement?.blur()");
        await BrowserPlatform.ScreenshotAsync(page, $"{Prefix}{step:00}-{name}", fullPage: false);
    }

    [Fact]
    public async Task A_new_user_goes_from_the_titanic_file_to_a_deployed_model_answering_an_api_key_and_a_second_user_sees_none_of_it()
    {
        var titanic = SharedFolder.RequireDataset("titanic/train.csv");
        await using var platform = await BrowserPlatform.StartAsync();
        var ada = await platform.NewPageAsync();

        await ada.GotoAsync("/signup");
        await Expect(ada.GetByText("this account becomes the platform's admin")).ToBeVisibleAsync();
        await ShotAsync(ada, 1, "sign-up");
        await PlatformInTheBrowserTests.SignUpAsync(ada, "ada@example.org");

        await ada.GetByRole(AriaRole.Link, new() { Name = "Datasets" }).First.ClickAsync();
        await Expect(ada.GetByText("No datasets yet")).ToBeVisibleAsync();
        await BrowserPlatform.UploadAsync(ada, titanic, ada.GetByRole(AriaRole.Link, new() { Name = "train", Exact = true }));
        await ShotAsync(ada, 2, "datasets");

        await ada.GetByRole(AriaRole.Link, new() { Name = "train", Exact = true }).ClickAsync();
        await Expect(ada.GetByRole(AriaRole.Heading, new() { Name = "First 20 of 891 rows" })).ToBeVisibleAsync();
        var datasetAddress = ada.Url;
        await ada.GetByRole(AriaRole.Link, new() { Name = "Profile" }).ClickAsync();
        await Expect(ada.FrameLocator("#profile").GetByText("Data profile — train.csv")).ToBeVisibleAsync();
        await ShotAsync(ada, 3, "profile");

        await TrainAsync(ada, "decision-tree-classifier", ("max-depth", "3"));
        await ShotAsync(ada, 4, "train");
        await ada.GetByRole(AriaRole.Button, new() { Name = "Queue the job" }).ClickAsync();
        await Expect(ada).ToHaveURLAsync(new Regex("/jobs$"));
        await TrainAsync(ada, "random-forest-classifier", ("n-estimators", "20"), ("max-depth", "6"));
        await ada.GetByRole(AriaRole.Button, new() { Name = "Queue the job" }).ClickAsync();
        await Expect(ada).ToHaveURLAsync(new Regex("/jobs$"));
        var statuses = ada.Locator("#jobs .job-status");
        await Expect(statuses).ToHaveCountAsync(2);
        await Expect(statuses.Nth(0)).ToHaveTextAsync("succeeded", new() { Timeout = 120_000 });
        await Expect(statuses.Nth(1)).ToHaveTextAsync("succeeded", new() { Timeout = 120_000 });
        await ShotAsync(ada, 5, "jobs");

        await ada.GetByRole(AriaRole.Link, new() { Name = "Runs", Exact = true }).First.ClickAsync();
        await Expect(ada.GetByRole(AriaRole.Heading, new() { Name = "Runs", Level = 1 })).ToBeVisibleAsync();
        await BrowserPlatform.WaitUntilInteractiveAsync(ada);
        var boxes = ada.Locator("#runs input[type=checkbox]");
        await Expect(boxes).ToHaveCountAsync(2);
        await ShotAsync(ada, 6, "runs");
        await boxes.Nth(0).CheckAsync();
        await boxes.Nth(1).CheckAsync();
        await ada.Locator("#compare-selected").ClickAsync();
        await Expect(ada.GetByRole(AriaRole.Heading, new() { Name = "Compare runs" })).ToBeVisibleAsync();
        await Expect(ada.Locator("#comparison tr[data-key=model]")).ToHaveClassAsync(new Regex("differs"));
        await Expect(ada.Locator("#comparison tr[data-key='decision-tree-classifier.max-depth']")).ToContainTextAsync("3");
        await Expect(ada.Locator("#comparison tr[data-key='random-forest-classifier.n-estimators']")).ToContainTextAsync("20");
        await ShotAsync(ada, 7, "compare");

        // the better run is the one the comparison marks best on held-out accuracy (first of a tie); its link is in the same column's header
        var best = ada.Locator("#comparison tr[data-key=held_out_accuracy] td.best").First;
        await Expect(best).ToBeVisibleAsync();
        await Expect(ada.Locator("#comparison tr[data-key=training_accuracy] td.best")).ToHaveCountAsync(0);
        var bestColumn = await best.EvaluateAsync<int>("cell => cell.cellIndex");
        await ada.Locator($"#comparison thead tr > :nth-child({bestColumn + 1}) a").ClickAsync();
        await Expect(ada.Locator("#register-name")).ToBeVisibleAsync();
        await BrowserPlatform.WaitUntilInteractiveAsync(ada);
        await ShotAsync(ada, 8, "run");
        await ada.Locator("#register-name").FillAsync("titanic");
        await ada.Locator("#register").ClickAsync();
        await Expect(ada.GetByRole(AriaRole.Heading, new() { Name = "titanic", Level = 1 })).ToBeVisibleAsync();
        await BrowserPlatform.WaitUntilInteractiveAsync(ada);
        await ada.GetByRole(AriaRole.Button, new() { Name = "Deploy version 1" }).ClickAsync();
        await Expect(ada.Locator("#versions tr[data-version='1']")).ToContainTextAsync("deployed");

        // the form starts at a typical training passenger; another is entered, as a new user would: numbers typed,
        // the categories the training data knows chosen from their lists
        foreach (var (field, value) in new[] { ("Pclass", "1"), ("Sex", "female"), ("Age", "29"), ("Fare", "80"), ("Embarked", "C") })
        {
            if (await ada.Locator($".mud-select:has(#field-{field})").CountAsync() > 0) await SelectAsync(ada, $"#field-{field}", value);
            else await ada.Locator($"input#field-{field}, #field-{field} input").First.FillAsync(value);
        }
        await ada.Locator("#predict").ClickAsync();
        await Expect(ada.Locator("#predicted-value")).ToHaveTextAsync(new Regex("^[01]$"));
        await ada.Locator("#prediction").ScrollIntoViewIfNeededAsync();
        await ShotAsync(ada, 9, "model-try-it");
        var curl = await ada.Locator("#curl-example").InnerTextAsync();
        var endpoint = Regex.Match(curl, @"curl -X POST (\S+)").Groups[1].Value;
        var body = Regex.Match(curl, @"-d '(.*)'", RegexOptions.Singleline).Groups[1].Value;

        await ada.GetByRole(AriaRole.Link, new() { Name = "Account and API keys" }).ClickAsync();
        await BrowserPlatform.WaitUntilInteractiveAsync(ada);
        await ada.GetByLabel("Name of the new key").FillAsync("laptop");
        await ada.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        var secret = ada.Locator("#new-key-secret");
        await Expect(secret).ToHaveTextAsync(new Regex("^kiln_"));
        await ShotAsync(ada, 10, "account");

        // as the page's curl example does it, with the key in place of YOUR_API_KEY
        using (var http = new HttpClient())
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", (await secret.InnerTextAsync()).Trim());
            using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
            var answer = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.True(response.IsSuccessStatusCode, $"POST {endpoint} with the key answered {(int)response.StatusCode}: {answer}");
            using var json = JsonDocument.Parse(answer);
            Assert.Contains(json.RootElement.GetProperty("predictions")[0].GetProperty("prediction").ToString(), new[] { "0", "1" });
        }

        await ada.GotoAsync("/models/titanic/monitoring");
        await Expect(ada.GetByRole(AriaRole.Heading, new() { Name = "Version 1" })).ToBeVisibleAsync();
        await Expect(ada.Locator("#version-1")).ToContainTextAsync("2 logged requests");
        await ShotAsync(ada, 11, "monitoring");

        var runAddresses = new List<string>();
        await ada.GotoAsync("/runs");
        await BrowserPlatform.WaitUntilInteractiveAsync(ada);
        foreach (var link in await ada.Locator("#runs a[href^='/runs/']").AllAsync())
            runAddresses.Add((await link.GetAttributeAsync("href"))!);
        Assert.NotEmpty(runAddresses);

        var bob = await platform.NewPageAsync();
        await PlatformInTheBrowserTests.SignUpAsync(bob, "bob@example.org");
        await bob.GotoAsync(datasetAddress);
        await Expect(bob.GetByRole(AriaRole.Heading, new() { Name = "Dataset not found" })).ToBeVisibleAsync();
        await ShotAsync(bob, 12, "another-users-dataset");
        foreach (var run in runAddresses)
        {
            await bob.GotoAsync(run);
            await Expect(bob.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("not found", RegexOptions.IgnoreCase) })).ToBeVisibleAsync();
        }
        await bob.GotoAsync("/models/titanic");
        await Expect(bob.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("not found", RegexOptions.IgnoreCase) })).ToBeVisibleAsync();
        await bob.GotoAsync("/runs");
        await BrowserPlatform.WaitUntilInteractiveAsync(bob);
        await Expect(bob.Locator("#runs a[href^='/runs/']")).ToHaveCountAsync(0);
    }

    /// <summary>Fills the Train page as a user would: the uploaded dataset, Survived as the target, one algorithm and a few hyperparameters.</summary>
    static async Task TrainAsync(IPage page, string algorithm, params (string Name, string Value)[] parameters)
    {
        await page.GotoAsync("/train");
        await BrowserPlatform.WaitUntilInteractiveAsync(page);
        await SelectAsync(page, "#train-dataset", "train — yours");
        await SelectAsync(page, "#train-target", "Survived");
        await Expect(page.GetByText("classification").First).ToBeVisibleAsync();
        await SelectAsync(page, "#train-algorithm", algorithm);
        // the default algorithm's fields are there before the chosen one's: wait for the choice, whose fields come in the same render
        await Expect(page.Locator("#train-algorithm")).ToHaveValueAsync(algorithm);
        foreach (var (name, value) in parameters)
        {
            var field = page.GetByLabel(name, new() { Exact = true });
            await field.FillAsync(value);
            await field.PressAsync("Tab");
        }
    }

    /// <summary>Opens a drop-down list and picks the entry that starts with <paramref name="entry"/>.</summary>
    static async Task SelectAsync(IPage page, string select, string entry)
    {
        var option = page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new Regex("^\\s*" + Regex.Escape(entry)) }).First;
        await BrowserPlatform.OpenAndFollowAsync(page.Locator($".mud-select:has({select}) .mud-input").First, option);
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }
}
