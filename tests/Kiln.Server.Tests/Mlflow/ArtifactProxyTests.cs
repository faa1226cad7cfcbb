using System.Net;
using System.Security.Cryptography;

namespace Kiln.Server.Tests.Mlflow;

public class ArtifactProxyTests
{
    [Fact]
    public async Task An_artifact_larger_than_kestrels_default_limit_uploads_and_downloads_whole()
    {
        await using var server = await RunningServer.StartAsync();
        var content = RandomNumberGenerator.GetBytes(40 << 20);
        using (var upload = await server.Client.PutAsync("/api/2.0/mlflow-artifacts/artifacts/0/big/artifacts/weights.bin", new ByteArrayContent(content)))
            Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var downloaded = await server.Client.GetByteArrayAsync("/api/2.0/mlflow-artifacts/artifacts/0/big/artifacts/weights.bin");
        Assert.Equal(SHA256.HashData(content), SHA256.HashData(downloaded));
    }
}
