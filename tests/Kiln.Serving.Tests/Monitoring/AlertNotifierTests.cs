using System.Net;
using System.Text.Json;
using Kiln.Serving.Monitoring;
using Microsoft.Extensions.Logging;

namespace Kiln.Serving.Tests.Monitoring;

public sealed class AlertNotifierTests
{
    sealed class RecordingHandler : HttpMessageHandler
    {
        public List<string> Bodies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Bodies.Add(await request.Content!.ReadAsStringAsync(cancellationToken));
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        }
    }

    sealed class RecordingLogger : ILogger
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning) Warnings.Add(formatter(state, exception));
        }
    }

    static MonitoringReport Report(params string[] alerts) => new("churn", null, DateTimeOffset.UtcNow,
        [new VersionMonitoring(2, 10, 10, null, null, null, "test", [], null, new LiveQuality(0, null, null, null, null), alerts)]);

    [Fact]
    public async Task Alerts_are_logged_and_posted_to_the_webhook_once_until_they_change()
    {
        var handler = new RecordingHandler();
        var logger = new RecordingLogger();
        using var http = new HttpClient(handler);
        var notifier = new AlertNotifier(logger, http, new Uri("http://127.0.0.1:9/hook"));

        await notifier.NotifyAsync(Report("feature 'age' drifted"));
        await notifier.NotifyAsync(Report("feature 'age' drifted"));
        await notifier.NotifyAsync(Report("feature 'age' drifted", "predictions drifted"));

        Assert.Equal(2, handler.Bodies.Count);
        var message = JsonSerializer.Deserialize<AlertMessage>(handler.Bodies[0], ReferenceProfile.Json)!;
        Assert.Equal(("churn", 2), (message.Model, message.Version));
        Assert.Equal(["feature 'age' drifted"], message.Alerts);
        Assert.Equal(3, logger.Warnings.Count);
        Assert.Contains("model churn version 2: feature 'age' drifted", logger.Warnings[0]);
    }

    [Fact]
    public async Task A_webhook_that_cannot_be_reached_is_logged_not_thrown_and_tried_again_next_time()
    {
        var logger = new RecordingLogger();
        using var http = new HttpClient();
        // port 9 (discard) on this machine refuses the connection
        var notifier = new AlertNotifier(logger, http, new Uri("http://127.0.0.1:9/hook"));

        await notifier.NotifyAsync(Report("predictions drifted"));
        await notifier.NotifyAsync(Report("predictions drifted"));

        Assert.Equal(2, logger.Warnings.Count(w => w.Contains("could not be reached", StringComparison.Ordinal)));
    }
}
