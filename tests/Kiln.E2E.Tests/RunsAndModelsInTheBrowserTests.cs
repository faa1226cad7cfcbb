using System.Text.RegularExpressions;
using Kiln.Data;
using Kiln.Learn;
using Kiln.Learn.Trees;
using Kiln.Tracking;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kiln.E2E.Tests;

public class RunsAndModelsInTheBrowserTests
{
    const string Password = "Kiln-e2e-1";

    /// <summary>The elements that reach past the screen's right edge outside any scrolling box: what to fix when a page is too wide.</summary>
    const string WiderThanTheScreen = """
        [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
                && !(function (n) { for (n = n.parentElement; n; n = n.parentElement) if (getComputedStyle(n).overflowX !== 'visible') return true; return false; })(e))
            .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')).join(', ')
        """;

    /// <summary>A finished run of a tree on x (below 10 "low", above it "high"), as <c>kiln train</c> records one, with a loss per epoch to chart.</summary>
    static async Task RecordTrainingAsync(BrowserPlatform platform, string name, int maxDepth, double accuracy)
    {
        var features = new Frame(new Float64Column("x", [7, 8, 9, 11, 12, 13]), new Float64Column("y", [1, 0, 1, 0, 1, 0]));
        var target = new StringColumn("label", ["low", "low", "low", "high", "high", "high"]);
        var package = Path.Combine(platform.Folder, $"{name.Replace(' ', '-')}.kiln");
        ModelPackage.Save(new DecisionTreeClassifier { MaxDepth = maxDepth }.Fit(features, target), package);
        await using var run = await RunRecorder.StartAsync(platform.Tracking, "trees", new RunStart { Name = name, Seed = 42 });
        await run.LogParamsAsync(new Dictionary<string, string> { ["model"] = "decision-tree-classifier", ["max_depth"] = maxDepth.ToString(), ["target"] = "label" });
        for (var epoch = 1; epoch <= 5; epoch++)
            await run.LogMetricsAsync(new Dictionary<string, double> { ["loss"] = 1.0 / (epoch * maxDepth) }, epoch);
        await run.LogMetricsAsync(new Dictionary<string, double> { ["accuracy"] = accuracy });
        await run.LogModelPackageAsync(package);
        await run.FinishAsync();
    }

    [Fact]
    public async Task A_user_opens_a_run_compares_two_registers_and_deploys_the_better_and_predicts_through_the_form()
    {
        await using var platform = await BrowserPlatform.StartAsync();
        await RecordTrainingAsync(platform, "tree depth 1", 1, 0.70);
        await RecordTrainingAsync(platform, "tree depth 4", 4, 0.95);

        var page = await platform.NewPageAsync();
        await page.GotoAsync("/signup");
        await page.GetByLabel("Email").FillAsync("ada@example.org");
        await page.Locator("#password").FillAsync(Password);
        await page.Locator("#confirm").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome to Kiln" })).ToBeVisibleAsync();

        await BrowserPlatform.WaitUntilInteractiveAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Runs", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Runs", Level = 1 })).ToBeVisibleAsync();
        await BrowserPlatform.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "tree depth 4" })).ToBeVisibleAsync();
        await BrowserPlatform.ScreenshotAsync(page, "10-runs");

        await page.GetByRole(AriaRole.Link, new() { Name = "tree depth 4" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "tree depth 4", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#params")).ToContainTextAsync("max_depth");
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "loss at each step" })).ToBeVisibleAsync();
        await BrowserPlatform.ScreenshotAsync(page, "11-run");

        await page.GotoAsync("/runs");
        await BrowserPlatform.WaitUntilInteractiveAsync(page);
        var boxes = page.Locator("#runs input[type=checkbox]");
        await boxes.Nth(0).CheckAsync();
        await boxes.Nth(1).CheckAsync();
        await page.Locator("#compare-selected").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Compare runs" })).ToBeVisibleAsync();
        await Expect(page.Locator("#comparison tr[data-key=max_depth]")).ToHaveClassAsync(new Regex("differs"));
        await Expect(page.Locator("#comparison tr[data-key=accuracy] td.best")).ToContainTextAsync("0.95");
        await BrowserPlatform.ScreenshotAsync(page, "12-compare");

        await page.Locator("#comparison").GetByRole(AriaRole.Link, new() { Name = "tree depth 4" }).ClickAsync();
        await BrowserPlatform.WaitUntilInteractiveAsync(page);
        await page.Locator("#register-name").FillAsync("trees");
        await page.Locator("#register").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "trees", Level = 1 })).ToBeVisibleAsync();
        await BrowserPlatform.WaitUntilInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Deploy version 1" }).ClickAsync();
        await Expect(page.Locator("#versions tr[data-version='1']")).ToContainTextAsync("deployed");
        await Expect(page.Locator("#curl-example")).ToContainTextAsync("Authorization: Bearer YOUR_API_KEY");

        await page.Locator("input#field-x, #field-x input").First.FillAsync("15");
        await page.Locator("#predict").ClickAsync();
        await Expect(page.Locator("#predicted-value")).ToHaveTextAsync("high");
        await Expect(page.Locator("#probabilities")).ToContainTextAsync("low");
        await BrowserPlatform.ScreenshotAsync(page, "13-model-try-it");

        await page.Locator("#open-monitoring").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Version 1" })).ToBeVisibleAsync();
        await Expect(page.Locator("#version-1")).ToContainTextAsync("1 logged requests");
        await BrowserPlatform.ScreenshotAsync(page, "14-monitoring");

        await page.SetViewportSizeAsync(390, 844);
        foreach (var (address, heading, picture) in new[]
        {
            ("/runs", "Runs", "15-phone-runs"), ("/models/trees", "trees", "16-phone-model"), ("/models/trees/monitoring", "Monitoring of trees", "17-phone-monitoring"),
        })
        {
            await page.GotoAsync(address);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
            await BrowserPlatform.WaitUntilInteractiveAsync(page);
            var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
            Assert.False(overflow, $"{address} is wider than a phone's screen because of: {await page.EvaluateAsync<string>(WiderThanTheScreen)}");
            await BrowserPlatform.ScreenshotAsync(page, picture);
        }
    }
}
