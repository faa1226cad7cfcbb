using System.Net;
using System.Net.Http.Json;
using System.Text;
using Kiln.Data;
using Kiln.Server.Datasets;
using Kiln.Testing;
using Kiln.Tracking;
using Microsoft.AspNetCore.Mvc;
using Parquet;
using Parquet.Schema;

namespace Kiln.Server.Tests.Datasets;

public class DatasetEndpointsTests
{
    const string Passengers = "name,age,fare,survived\nAda,36,71.28,1\nBob,,7.25,0\nCy,4,16.7,1\n";

    static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string name, string csv) =>
        await client.PostAsync($"/api/datasets?name={Uri.EscapeDataString(name)}", new StringContent(csv, Encoding.UTF8, "text/csv"));

    static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string name, byte[] file) =>
        await client.PostAsync($"/api/datasets?name={Uri.EscapeDataString(name)}", new ByteArrayContent(file));

    static async Task<DatasetInfo> UploadedAsync(HttpClient client, string name, string csv) =>
        await CreatedAsync(await UploadAsync(client, name, csv));

    static async Task<DatasetInfo> CreatedAsync(HttpResponseMessage response)
    {
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
    public async Task An_uploaded_parquet_file_is_kept_as_parquet_previewed_and_profiled()
    {
        await using var server = await RunningServer.StartAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var uploaded = await CreatedAsync(await UploadAsync(ada.Client, "passengers.parquet", ParquetBytes(CsvReader.ReadText(Passengers))));
        Assert.Equal(("passengers", "passengers.parquet", 3, 4), (uploaded.Name, uploaded.FileName, uploaded.Rows, uploaded.Columns));

        var preview = await ada.Client.GetFromJsonAsync<DatasetPreview>($"/api/datasets/{uploaded.Id}/preview");
        Assert.Equal(["name", "age", "fare", "survived"], preview!.Columns);
        Assert.Equal(["string", "int64", "float64", "int64"], preview.Types);
        Assert.Equal(["Bob", "", "7.25", "0"], preview.Rows[1]);
        var profile = await ada.Client.GetStringAsync($"/api/datasets/{uploaded.Id}/profile");
        Assert.Contains("Data profile — passengers.parquet", profile);
        Assert.True(await server.Tracking.Artifacts.ExistsAsync($"datasets/{uploaded.Id}/passengers.parquet"));
    }

    [Fact]
    public async Task An_uploaded_json_lines_file_is_read_as_a_table()
    {
        await using var server = await RunningServer.StartAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var uploaded = await UploadedAsync(ada.Client, "passengers.jsonl", "{\"name\": \"Ada\", \"age\": 36}\n{\"name\": \"Bob\", \"age\": null}\n");
        Assert.Equal((2, 2), (uploaded.Rows, uploaded.Columns));
        var preview = await ada.Client.GetFromJsonAsync<DatasetPreview>($"/api/datasets/{uploaded.Id}/preview");
        Assert.Equal(["Bob", ""], preview!.Rows[1]);
    }

    [Fact]
    public async Task A_damaged_parquet_file_or_an_unsupported_column_is_refused_with_the_reason_and_nothing_is_kept()
    {
        await using var server = await RunningServer.StartAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var whole = ParquetBytes(CsvReader.ReadText(Passengers));

        var truncated = await UploadAsync(ada.Client, "cut.parquet", whole[..(whole.Length / 2)]);
        Assert.Equal(HttpStatusCode.BadRequest, truncated.StatusCode);
        var truncatedReason = (await truncated.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail!;
        Assert.StartsWith("cut.parquet: not a Parquet file", truncatedReason);

        var scrambled = (byte[])whole.Clone();
        Array.Fill(scrambled, (byte)0xFF, 4, 40); // the first column's page header
        var damaged = await UploadAsync(ada.Client, "scrambled.parquet", scrambled);
        Assert.Equal(HttpStatusCode.BadRequest, damaged.StatusCode);
        Assert.StartsWith("scrambled.parquet: damaged or unsupported Parquet file", (await damaged.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);

        var decimals = await UploadAsync(ada.Client, "prices.parquet", await DecimalParquetAsync());
        Assert.Equal(HttpStatusCode.BadRequest, decimals.StatusCode);
        var decimalReason = (await decimals.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail!;
        Assert.StartsWith("prices.parquet, column 'price': Parquet values of type Decimal have no frame column type", decimalReason);

        Assert.Empty((await ada.Client.GetFromJsonAsync<List<DatasetInfo>>("/api/datasets"))!);
        Assert.False(await server.Tracking.Artifacts.ExistsAsync("datasets"));
    }

    static byte[] ParquetBytes(Frame frame)
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("frame.parquet");
        ParquetFile.Write(frame, path);
        return File.ReadAllBytes(path);
    }

    static async Task<byte[]> DecimalParquetAsync()
    {
        var price = new DataField<decimal>("price");
        using var stream = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(price), stream))
        using (var group = writer.CreateRowGroup())
            await group.WriteAsync<decimal>(price, new[] { 1.5m, 2.25m }.AsMemory());
        return stream.ToArray();
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
    public async Task A_file_of_no_known_format_or_empty_is_refused_by_name()
    {
        await using var server = await RunningServer.StartAsync();
        using var ada = await CookieSession.SignedUpAsync(server, "ada@example.org");
        var notData = await UploadAsync(ada.Client, "photo.png", "abc");
        var reason = await notData.Content.ReadAsStringAsync();
        Assert.Contains("photo.png is not a data file Kiln reads", reason);
        Assert.Contains("Parquet (.parquet)", reason);
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
