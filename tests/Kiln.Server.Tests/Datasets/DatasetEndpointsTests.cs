using System.Net;
using System.Net.Http.Json;
using System.Text;
using Kiln.Server.Datasets;
using Kiln.Testing;
using Kiln.Tracking;
using Microsoft.AspNetCore.Mvc;

namespace Kiln.Server.Tests.Datasets;

public class DatasetEndpointsTests
{
    const string Passengers = "name,age,fare,survived\nAda,36,71.28,1\nBob,,7.25,0\nCy,4,16.7,1\n";

    static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string name, string csv) =>
        await client.PostAsync($"/api/datasets?name={Uri.EscapeDataString(name)}", new StringContent(csv, Encoding.UTF8, "text/csv"));

    static async Task<DatasetInfo> UploadedAsync(HttpClient client, string name, string csv)
    {
        var response = await UploadAsync(client, name, csv);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<DatasetInfo>())!;
    }

    [Fact]
    public async Task An_uploaded_csv_is_listed_with_its_shape_previewed_and_profiled()
    {
        await using var server = await RunningServer.StartAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var uploaded = await UploadedAsync(ada.Client, "passengers.csv", Passengers);
        Assert.Equal(("passengers", 3, 4), (uploaded.Name, uploaded.Rows, uploaded.Columns));

        var listed = await ada.Client.GetFromJsonAsync<List<DatasetInfo>>("/api/datasets");
        Assert.Equal(uploaded.Id, Assert.Single(listed!).Id);
        var preview = await ada.Client.GetFromJsonAsync<DatasetPreview>($"/api/datasets/{uploaded.Id}/preview");
        Assert.Equal(["name", "age", "fare", "survived"], preview!.Columns);
        Assert.Equal(["Bob", "", "7.25", "0"], preview.Rows[1]);
        var profile = await ada.Client.GetStringAsync($"/api/datasets/{uploaded.Id}/profile");
        Assert.Contains("Data profile — passengers.csv", profile);
        Assert.Contains("Missing cells", profile);
    }

    [Fact]
    public async Task Another_user_can_neither_list_nor_open_nor_delete_a_dataset()
    {
        await using var server = await RunningServer.StartAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        using var bob = await CookieSession.SignedUpAsync(server, "bob@example.org");
        var uploaded = await UploadedAsync(ada.Client, "passengers.csv", Passengers);

        Assert.Empty((await bob.Client.GetFromJsonAsync<List<DatasetInfo>>("/api/datasets"))!);
        foreach (var path in new[] { "", "/preview", "/profile" })
            Assert.Equal(HttpStatusCode.NotFound, (await bob.Client.GetAsync($"/api/datasets/{uploaded.Id}{path}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.Client.DeleteAsync($"/api/datasets/{uploaded.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ada.Client.GetAsync($"/api/datasets/{uploaded.Id}")).StatusCode);
    }

    [Fact]
    public async Task Without_a_key_or_a_cookie_datasets_answer_401()
    {
        await using var server = await RunningServer.StartAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.GetAsync("/api/datasets")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await UploadAsync(server.Client, "passengers.csv", Passengers)).StatusCode);
    }

    [Fact]
    public async Task A_dataset_can_be_uploaded_with_an_api_key()
    {
        await using var server = await RunningServer.StartAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var key = await ada.CreateKeyAsync("script");
        using var client = new HttpClient { BaseAddress = server.Client.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", key.Secret);
        var uploaded = await UploadedAsync(client, "passengers.csv", Passengers);
        Assert.Equal(uploaded.Id, Assert.Single((await ada.Client.GetFromJsonAsync<List<DatasetInfo>>("/api/datasets"))!).Id);
    }

    [Fact]
    public async Task A_file_the_reader_cannot_parse_is_refused_with_its_line()
    {
        await using var server = await RunningServer.StartAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var response = await UploadAsync(ada.Client, "broken.csv", "a,b\n1,2\n3,\"unclosed\n");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Contains("broken.csv:3", problem!.Detail);
        Assert.Empty((await ada.Client.GetFromJsonAsync<List<DatasetInfo>>("/api/datasets"))!);
    }

    [Fact]
    public async Task A_file_that_is_not_csv_or_is_empty_is_refused_by_name()
    {
        await using var server = await RunningServer.StartAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var notCsv = await UploadAsync(ada.Client, "photo.png", "abc");
        Assert.Contains("photo.png is not a .csv file", await notCsv.Content.ReadAsStringAsync());
        var empty = await UploadAsync(ada.Client, "empty.csv", "");
        Assert.Contains("empty.csv is empty", await empty.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_file_over_the_upload_limit_is_refused_and_nothing_is_kept()
    {
        using var folder = new TemporaryFolder();
        await using var server = await RunningServer.StartAsync(new ServerOptions { Port = 0, MaxUploadBytes = 1000, Tracking = new TrackingOptions { Home = folder.Path } });
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var large = "a,b\n" + string.Concat(Enumerable.Repeat("1,2\n", 400));
        var response = await UploadAsync(ada.Client, "large.csv", large);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("upload limit", await response.Content.ReadAsStringAsync());
        Assert.Empty((await ada.Client.GetFromJsonAsync<List<DatasetInfo>>("/api/datasets"))!);
    }

    [Fact]
    public async Task Deleting_a_dataset_removes_it_and_its_files()
    {
        await using var server = await RunningServer.StartAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var uploaded = await UploadedAsync(ada.Client, "passengers.csv", Passengers);
        Assert.Equal(HttpStatusCode.NoContent, (await ada.Client.DeleteAsync($"/api/datasets/{uploaded.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ada.Client.GetAsync($"/api/datasets/{uploaded.Id}/preview")).StatusCode);
        Assert.False(await server.Tracking.Artifacts.ExistsAsync($"datasets/{uploaded.Id}"));
    }

    [Fact]
    public async Task Every_user_sees_the_catalogs_sample_datasets()
    {
        await using var server = await RunningServer.StartAsync();
        using var bob = await CookieSession.SignedUpAsync(server, "bob@example.org");
        var samples = await bob.Client.GetFromJsonAsync<List<SampleDataset>>("/api/datasets/samples");
        Assert.Contains(samples!, s => s.Name == "iris" && s.IsBundled);
        Assert.Contains(samples!, s => s.Name == "titanic");
    }

    [Fact]
    public async Task The_real_titanic_training_file_uploads_with_its_891_passengers()
    {
        var titanic = SharedFolder.RequireDataset("titanic/train.csv");
        await using var server = await RunningServer.StartAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var uploaded = await UploadedAsync(ada.Client, "train.csv", await File.ReadAllTextAsync(titanic));
        Assert.Equal((891, 12), (uploaded.Rows, uploaded.Columns));
    }
}
