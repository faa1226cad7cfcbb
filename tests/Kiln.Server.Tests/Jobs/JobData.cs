using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Kiln.Data;
using Kiln.Server.Accounts;
using Kiln.Server.Datasets;
using Kiln.Server.Jobs;
using Kiln.Testing;

namespace Kiln.Server.Tests.Jobs;

/// <summary>Small tables to train on, and the calls a client makes to queue a job and wait for it.</summary>
static class JobData
{
    /// <summary>Customers who churn when their usage is low and their complaints many: a class a model can learn from.</summary>
    public static string Customers(int rows)
    {
        var text = new StringBuilder("usage,complaints,plan,churn\n");
        var random = new Random(7);
        for (var i = 0; i < rows; i++)
        {
            var usage = Math.Round(random.NextDouble() * 100, 1);
            var complaints = random.Next(0, 6);
            var churn = usage / 20 - complaints + random.NextDouble() < 1 ? "yes" : "no";
            text.Append(CultureInfo.InvariantCulture, $"{usage},{complaints},{(i % 3 == 0 ? "basic" : "pro")},{churn}\n");
        }
        return text.ToString();
    }

    /// <summary>A client of <paramref name="server"/> that signs its requests with <paramref name="key"/>, as a script would.</summary>
    public static HttpClient Client(RunningServer server, CreatedApiKey key)
    {
        var client = new HttpClient { BaseAddress = server.Client.BaseAddress };
        client.DefaultRequestHeaders.Add(ApiKeyAuthentication.HeaderName, key.Secret);
        return client;
    }

    public static Task<DatasetInfo> UploadAsync(HttpClient client, string name, string csv) =>
        UploadAsync(client, name, new StringContent(csv, Encoding.UTF8, "text/csv"));

    /// <summary>Uploads the CSV <paramref name="csv"/> as a Parquet file named <paramref name="name"/>.</summary>
    public static async Task<DatasetInfo> UploadAsParquetAsync(HttpClient client, string name, string csv)
    {
        using var folder = new TemporaryFolder();
        var path = folder.File(name);
        ParquetFile.Write(CsvReader.ReadText(csv), path);
        return await UploadAsync(client, name, new ByteArrayContent(await File.ReadAllBytesAsync(path)));
    }

    static async Task<DatasetInfo> UploadAsync(HttpClient client, string name, HttpContent content)
    {
        var response = await client.PostAsync($"/api/datasets?name={Uri.EscapeDataString(name)}", content);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<DatasetInfo>())!;
    }

    public static async Task<TrainingJobInfo> QueueAsync(HttpClient client, TrainingJobRequest request)
    {
        var response = await client.PostAsJsonAsync("/api/jobs", request);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<TrainingJobInfo>())!;
    }

    public static async Task<TrainingJobInfo> GetAsync(HttpClient client, string id) => (await client.GetFromJsonAsync<TrainingJobInfo>($"/api/jobs/{id}"))!;

    /// <summary>Polls the job until <paramref name="done"/> holds; fails with the job's last state after <paramref name="seconds"/>.</summary>
    public static async Task<TrainingJobInfo> WaitAsync(HttpClient client, string id, Func<TrainingJobInfo, bool> done, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var job = await GetAsync(client, id);
            if (done(job)) return job;
            Assert.True(DateTime.UtcNow < deadline, $"job {id} is still {job.Status} ({job.Progress}) after {seconds} s; error: {job.Error}");
            await Task.Delay(100);
        }
    }

    public static Task<TrainingJobInfo> FinishedAsync(HttpClient client, string id, int seconds = 60) => WaitAsync(client, id, j => j.IsFinished, seconds);
}
