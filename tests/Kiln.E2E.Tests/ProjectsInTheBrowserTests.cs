using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kiln.E2E.Tests;

public class ProjectsInTheBrowserTests
{
    /// <summary>A fresh browser profile, signed up as <paramref name="email"/>.</summary>
    static async Task<IPage> SignedUpAsync(BrowserPlatform platform, string email)
    {
        var page = await platform.NewPageAsync();
        await PlatformInTheBrowserTests.SignUpAsync(page, email);
        return page;
    }

    [Fact]
    public async Task A_user_shares_a_dataset_through_a_project_a_member_opens_it_and_someone_else_cannot()
    {
        await using var platform = await BrowserPlatform.StartAsync();
        var customers = Path.Combine(platform.Folder, "customers.csv");
        await File.WriteAllLinesAsync(customers, ["usage,complaints,churn", .. Enumerable.Range(0, 30).Select(i => $"{i * 3.5},{i % 5},{(i % 5 > 2 ? "yes" : "no")}")]);

        var root = await SignedUpAsync(platform, "root@example.org");
        var ada = await SignedUpAsync(platform, "ada@example.org");
        var bob = await SignedUpAsync(platform, "bob@example.org");
        var cy = await SignedUpAsync(platform, "cy@example.org");

        await ada.GotoAsync("/datasets");
        await BrowserPlatform.UploadAsync(ada, customers, ada.GetByRole(AriaRole.Link, new() { Name = "customers", Exact = true }));
        await ada.GetByRole(AriaRole.Link, new() { Name = "customers", Exact = true }).ClickAsync();
        await Expect(ada.Locator("#preview")).ToBeVisibleAsync();
        var datasetAddress = ada.Url;

        // a project, made from the Projects page reached through the menu
        await ada.GetByRole(AriaRole.Link, new() { Name = "Projects" }).First.ClickAsync();
        await Expect(ada.GetByText("No projects yet")).ToBeVisibleAsync();
        await BrowserPlatform.WaitUntilInteractiveAsync(ada);
        await ada.GetByLabel("Name").FillAsync("Churn study");
        await ada.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await Expect(ada.GetByRole(AriaRole.Heading, new() { Name = "Churn study" })).ToBeVisibleAsync();
        await Expect(ada.GetByText("No datasets in this project")).ToBeVisibleAsync();

        // bob joins as a viewer, by email
        await BrowserPlatform.WaitUntilInteractiveAsync(ada);
        await ada.GetByLabel("Add a member by email or user name").FillAsync("bob@example.org");
        await ada.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Expect(ada.Locator("#members")).ToContainTextAsync("bob@example.org");

        // the dataset moves into the project from its own page
        await ada.GotoAsync(datasetAddress);
        await BrowserPlatform.WaitUntilInteractiveAsync(ada);
        await ada.Locator("#project-choice").SelectOptionAsync(new SelectOptionValue { Label = "Churn study" });
        await ada.Locator("#project-move").ClickAsync();
        await Expect(ada.Locator("#project-moved")).ToHaveTextAsync("Moved into Churn study.");
        await ada.GotoAsync("/datasets");
        await Expect(ada.GetByRole(AriaRole.Link, new() { Name = "Churn study" })).ToBeVisibleAsync();
        await ada.GetByRole(AriaRole.Link, new() { Name = "Churn study" }).ClickAsync();
        await Expect(ada.Locator("#project-datasets")).ToContainTextAsync("customers");
        await BrowserPlatform.ScreenshotAsync(ada, "30-project");
        var projectAddress = ada.Url;

        // bob finds it among his datasets and opens it, as a viewer
        await bob.GotoAsync("/datasets");
        await bob.GetByRole(AriaRole.Link, new() { Name = "customers", Exact = true }).ClickAsync();
        await Expect(bob.Locator("#preview")).ToBeVisibleAsync();
        await Expect(bob.Locator("#item-project")).ToContainTextAsync("(you are a viewer)");
        await Expect(bob.Locator("#project-choice")).ToHaveCountAsync(0);
        await BrowserPlatform.ScreenshotAsync(bob, "31-shared-dataset");

        // cy is in no project: the same address is "not found" for him, and his list is empty
        await cy.GotoAsync(datasetAddress);
        await Expect(cy.GetByRole(AriaRole.Heading, new() { Name = "Dataset not found" })).ToBeVisibleAsync();
        await cy.GotoAsync("/datasets");
        await Expect(cy.GetByText("No datasets yet")).ToBeVisibleAsync();
        await cy.GotoAsync(projectAddress);
        await Expect(cy.GetByRole(AriaRole.Heading, new() { Name = "Project not found" })).ToBeVisibleAsync();

        // at phone width the project page fits, its tables scrolling inside it
        await ada.SetViewportSizeAsync(390, 844);
        await ada.GotoAsync(projectAddress);
        await BrowserPlatform.WaitUntilInteractiveAsync(ada);
        Assert.False(await ada.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth"), "the project page is wider than a phone's screen");
        await BrowserPlatform.ScreenshotAsync(ada, "32-phone-project");
    }

    [Fact]
    public async Task A_member_removed_from_a_project_stops_seeing_its_jobs_on_a_jobs_page_left_open()
    {
        await using var platform = await BrowserPlatform.StartAsync();
        var root = await SignedUpAsync(platform, "root@example.org");
        var ada = await SignedUpAsync(platform, "ada@example.org");
        var bob = await SignedUpAsync(platform, "bob@example.org");

        // ada shares a project with bob, as a viewer, and trains in it
        var project = (await (await ada.APIRequest.PostAsync("/api/projects", new() { DataObject = new { name = "churn" } })).JsonAsync())!.Value.GetProperty("id").GetString();
        Assert.Equal(200, (await ada.APIRequest.PutAsync($"/api/projects/{project}/members/bob@example.org", new() { DataObject = new { role = "viewer" } })).Status);
        var rows = string.Join('\n', ["usage,complaints,churn", .. Enumerable.Range(0, 30).Select(i => $"{i * 3.5},{i % 5},{(i % 5 > 2 ? "yes" : "no")}")]);
        var uploaded = await ada.APIRequest.PostAsync("/api/datasets?name=customers.csv", new() { Data = rows, Headers = new Dictionary<string, string> { ["Content-Type"] = "text/csv" } });
        var dataset = (await uploaded.JsonAsync())!.Value.GetProperty("id").GetString();
        Assert.Equal(200, (await ada.APIRequest.PutAsync($"/api/datasets/{dataset}/project", new() { DataObject = new { project } })).Status);
        Assert.Equal(202, (await ada.APIRequest.PostAsync("/api/jobs", new() { DataObject = new { dataset, target = "churn", algorithm = "gaussian-nb" } })).Status);

        await bob.GotoAsync("/jobs");
        await BrowserPlatform.WaitUntilInteractiveAsync(bob);
        await Expect(bob.Locator("#jobs")).ToContainTextAsync("customers → churn");

        // removed while his page stays open, he loses the project's jobs at its next refresh, without a reload
        Assert.Equal(200, (await ada.APIRequest.DeleteAsync($"/api/projects/{project}/members/bob@example.org")).Status);
        await Expect(bob.GetByText("customers → churn")).ToHaveCountAsync(0);
    }
}
