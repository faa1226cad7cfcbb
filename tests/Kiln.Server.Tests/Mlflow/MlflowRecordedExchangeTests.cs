namespace Kiln.Server.Tests.Mlflow;

/// <summary>Each file in Recorded/ is a conversation an MLflow client has with a tracking server, written from MLflow's REST API reference.</summary>
public class MlflowRecordedExchangeTests
{
    public static TheoryData<string> Recordings() =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Mlflow", "Recorded"), "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Recordings))]
    public async Task The_server_answers_the_recorded_exchange_as_mlflow_does(string recording)
    {
        await using var server = await RunningServer.StartAsync();
        await RecordedExchange.ReplayAsync(Path.Combine(AppContext.BaseDirectory, "Mlflow", "Recorded", recording), server.Client);
    }
}
