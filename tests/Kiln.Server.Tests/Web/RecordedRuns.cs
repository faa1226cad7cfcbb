using System.Net.Http.Json;
using Kiln.Data;
using Kiln.Server.Accounts;
using Kiln.Serving.Monitoring;
using Kiln.Tracking;

namespace Kiln.Server.Tests.Web;

/// <summary>Runs recorded on a test server's store as the platform records them (owned) or as the command line does (unowned).</summary>
public static class RecordedRuns
{
    /// <summary>The signed-in session's user id, from <c>GET /api/account</c>.</summary>
    public static async Task<string> UserIdAsync(CookieSession session) =>
        (await session.Client.GetFromJsonAsync<AccountSummary>("/api/account"))!.Id;

    /// <summary>A finished training run of a small tree with its package and training reference, owned by <paramref name="ownerId"/> (none: recorded by the command line).</summary>
    public static async Task<Run> TrainingAsync(RunningServer server, string name, string? ownerId, double accuracy, string maxDepth = "3")
    {
        var tags = ownerId is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [PlatformAccess.OwnerTag] = ownerId };
        await using var recorder = await RunRecorder.StartAsync(server.Tracking, "titanic", new RunStart { Name = name, Tags = tags, Seed = 42 });
        await recorder.LogParamsAsync(new Dictionary<string, string> { ["model"] = "decision-tree-classifier", ["max_depth"] = maxDepth, ["target"] = "label" });
        await recorder.LogMetricsAsync(new Dictionary<string, double> { ["accuracy"] = accuracy, ["log_loss"] = 1 - accuracy });
        var package = server.Models.ThresholdTree($"{Guid.NewGuid():N}.kiln", 10);
        await recorder.LogModelPackageAsync(package);
        var reference = ReferenceProfile.PathBeside(package);
        Reference().Save(reference);
        var artifact = (await recorder.LogArtifactAsync(reference, ReferenceProfile.ArtifactFolder))[0];
        await recorder.SetTagsAsync(new Dictionary<string, string> { [ReferenceProfile.RunTag] = artifact });
        await recorder.FinishAsync();
        return await server.Tracking.Runs.GetAsync(recorder.RunId);
    }

    /// <summary>A finished run of <paramref name="data"/> predicting <paramref name="target"/> with these scores, as a training job records one, without a package.</summary>
    public static async Task<Run> ScoredAsync(RunningServer server, string name, string ownerId, IReadOnlyDictionary<string, double> metrics,
        string data = "titanic.csv", string target = "Survived")
    {
        var tags = new Dictionary<string, string> { [PlatformAccess.OwnerTag] = ownerId, ["kiln.data"] = data };
        await using var recorder = await RunRecorder.StartAsync(server.Tracking, data,
            new RunStart { Name = name, Tags = tags, Seed = 42, DataFingerprint = $"sha256 of {data}" });
        await recorder.LogParamsAsync(new Dictionary<string, string> { ["model"] = "decision-tree-classifier", ["target"] = target });
        await recorder.LogMetricsAsync(metrics);
        await recorder.FinishAsync();
        return await server.Tracking.Runs.GetAsync(recorder.RunId);
    }

    /// <summary>The training spread of the threshold tree at 10: x around 10, y 0 or 1, half "low" and half "high".</summary>
    static ReferenceProfile Reference()
    {
        var features = new Frame(new Float64Column("x", [7, 8, 9, 11, 12, 13]), new Float64Column("y", [1, 0, 1, 0, 1, 0]));
        var labels = new StringColumn("label", ["low", "low", "low", "high", "high", "high"]);
        return ReferenceProfileBuilder.Build(features, labels, labels, "label", ReferenceProfile.Classification, null, 0);
    }
}
