using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kiln.Data;
using Kiln.Learn;
using Kiln.Learn.Preprocessing;
using Kiln.Testing;
using Kiln.Tracking;

namespace Kiln.Server.Tests.Mlflow;

public class MlflowModelPackageTests
{
    [Fact]
    public async Task A_kiln_package_logged_and_registered_through_mlflow_calls_is_copied_into_the_registry()
    {
        await using var server = await RunningServer.StartAsync();
        using var folder = new TemporaryFolder();
        var package = Path.Combine(folder.Path, "scaler.kiln");
        var frame = new Frame(new Float64Column("x", [1, 2, 4]), new Float64Column("y", [3, 1, 4]));
        ModelPackage.Save(new StandardScaler().Fit(frame), package, new PackageInfo { Seed = 7 });
        var bytes = await File.ReadAllBytesAsync(package);

        var runId = (await PostAsync(server, "runs/create", new { experiment_id = "0" })).GetProperty("run").GetProperty("info").GetProperty("run_id").GetString()!;
        using (var upload = await server.Client.PutAsync($"/api/2.0/mlflow-artifacts/artifacts/0/{runId}/artifacts/model/scaler.kiln", new ByteArrayContent(bytes)))
            Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        await PostAsync(server, "registered-models/create", new { name = "scaler" });
        var version = (await PostAsync(server, "model-versions/create", new { name = "scaler", source = $"runs:/{runId}/model/scaler.kiln", run_id = runId }))
            .GetProperty("model_version");
        Assert.Equal("1", version.GetProperty("version").GetString());

        var tracking = server.App.Services.GetService(typeof(TrackingStore)) as TrackingStore;
        await using (var copy = await tracking!.Registry.OpenPackageAsync("scaler", 1))
        {
            using var buffer = new MemoryStream();
            await copy.CopyToAsync(buffer);
            Assert.Equal(bytes, buffer.ToArray());
        }
        var uri = (await server.Client.GetFromJsonAsync<JsonElement>("/api/2.0/mlflow/model-versions/get-download-uri?name=scaler&version=1"))
            .GetProperty("artifact_uri").GetString()!;
        Assert.StartsWith($"mlflow-artifacts:/{ModelRegistry.StorageFolder}/", uri);
        Assert.Equal(bytes, await server.Client.GetByteArrayAsync("/api/2.0/mlflow-artifacts/artifacts/" + uri["mlflow-artifacts:/".Length..]));
    }

    [Fact]
    public async Task A_file_named_like_a_package_that_is_not_one_is_refused_by_its_source()
    {
        await using var server = await RunningServer.StartAsync();
        var runId = (await PostAsync(server, "runs/create", new { experiment_id = "0" })).GetProperty("run").GetProperty("info").GetProperty("run_id").GetString()!;
        using (await server.Client.PutAsync($"/api/2.0/mlflow-artifacts/artifacts/0/{runId}/artifacts/fake.kiln", new StringContent("not a zip"))) { }
        await PostAsync(server, "registered-models/create", new { name = "fake" });
        using var response = await server.Client.PostAsJsonAsync("/api/2.0/mlflow/model-versions/create", new { name = "fake", source = $"runs:/{runId}/fake.kiln" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("INVALID_PARAMETER_VALUE", error.GetProperty("error_code").GetString());
        Assert.Contains("is not a Kiln model package", error.GetProperty("message").GetString());
    }

    static async Task<JsonElement> PostAsync(RunningServer server, string call, object body)
    {
        using var response = await server.Client.PostAsJsonAsync($"/api/2.0/mlflow/{call}", body);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"{call}: {answer}");
        return answer;
    }
}
