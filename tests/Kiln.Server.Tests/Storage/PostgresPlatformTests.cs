using System.Net;
using System.Net.Http.Json;
using System.Text;
using Kiln.Server.Accounts;
using Kiln.Server.Datasets;
using Kiln.Testing;
using Kiln.Tracking;
using Kiln.Tracking.Tests;

namespace Kiln.Server.Tests.Storage;

public class PostgresPlatformTests
{
    [Fact]
    public async Task Two_servers_on_one_postgresql_database_share_accounts_keys_cookies_and_datasets()
    {
        var database = await PostgresServer.CreateDatabaseAsync();
        try
        {
            using var files = new TemporaryFolder();
            var options = new ServerOptions { Port = 0, Tracking = new TrackingOptions { Home = files.Path, Database = database } };
            await using var first = await RunningServer.StartAsync(options);
            await using var second = await RunningServer.StartAsync(options);

            using var ada = await CookieSession.SignedUpAsync(first, "ada@example.org");
            var key = await ada.CreateKeyAsync("script");
            var created = await ada.Client.PostAsync("/api/datasets?name=passengers.csv", new StringContent("name,age\nAda,36\nBob,41\n", Encoding.UTF8, "text/csv"));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);

            using var onSecond = new HttpClient { BaseAddress = second.Client.BaseAddress };
            onSecond.DefaultRequestHeaders.Add(ApiKeyAuthentication.HeaderName, key.Secret);
            Assert.Equal("ada@example.org", (await onSecond.GetFromJsonAsync<AccountSummary>("/api/account"))!.Email);
            var listed = await onSecond.GetFromJsonAsync<List<DatasetInfo>>("/api/datasets");
            Assert.Equal(2, Assert.Single(listed!).Rows);

            // the sign-in cookie is encrypted with keys kept in the shared database, so the other server accepts it
            using var adaOnSecond = new HttpClient { BaseAddress = second.Client.BaseAddress };
            adaOnSecond.DefaultRequestHeaders.Add("Cookie", ada.CookieHeader(first));
            Assert.Equal(HttpStatusCode.OK, (await adaOnSecond.GetAsync("/api/account")).StatusCode);

            using var bob = await CookieSession.SignedUpAsync(second, "bob@example.org");
            Assert.Equal([KilnRoles.Member], (await bob.Client.GetFromJsonAsync<AccountSummary>("/api/account"))!.Roles);
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task A_project_made_on_one_server_shares_a_dataset_on_the_other_and_its_deletion_reaches_it_within_seconds()
    {
        var database = await PostgresServer.CreateDatabaseAsync();
        try
        {
            using var files = new TemporaryFolder();
            var options = new ServerOptions { Port = 0, Tracking = new TrackingOptions { Home = files.Path, Database = database } };
            await using var first = await RunningServer.StartAsync(options);
            await using var second = await RunningServer.StartAsync(options);
            using var root = await CookieSession.SignedUpAsync(first, "root@example.org");
            using var ada = await CookieSession.SignedUpAsync(first, "ada@example.org");
            using var bob = await CookieSession.SignedUpAsync(second, "bob@example.org");

            var dataset = (await (await ada.Client.PostAsync("/api/datasets?name=passengers.csv", new StringContent("name,age\nAda,36\nBob,41\n", Encoding.UTF8, "text/csv")))
                .Content.ReadFromJsonAsync<DatasetInfo>())!;
            var project = (await (await ada.Client.PostAsJsonAsync("/api/projects", new { name = "passengers" })).Content.ReadFromJsonAsync<Kiln.Server.Projects.ProjectInfo>())!;
            Assert.Equal(HttpStatusCode.OK, (await ada.Client.PutAsJsonAsync($"/api/projects/{project.Id}/members/bob@example.org", new { role = "viewer" })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await ada.Client.PutAsJsonAsync($"/api/datasets/{dataset.Id}/project", new { project = project.Id })).StatusCode);

            Assert.Equal(HttpStatusCode.OK, (await bob.Client.GetAsync($"/api/datasets/{dataset.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await ada.Client.DeleteAsync($"/api/projects/{project.Id}")).StatusCode);
            // the other server keeps bob's roles for a moment at most
            var deadline = DateTime.UtcNow + PlatformAccess.ViewLifetime + TimeSpan.FromSeconds(3);
            HttpStatusCode status;
            while ((status = (await bob.Client.GetAsync($"/api/datasets/{dataset.Id}")).StatusCode) == HttpStatusCode.OK && DateTime.UtcNow < deadline)
                await Task.Delay(200);
            Assert.Equal(HttpStatusCode.NotFound, status);
            Assert.Null((await ada.Client.GetFromJsonAsync<DatasetInfo>($"/api/datasets/{dataset.Id}"))!.ProjectId);
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(database);
        }
    }
}
