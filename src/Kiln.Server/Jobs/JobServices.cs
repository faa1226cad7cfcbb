using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Kiln.Server.Datasets;
using Kiln.Tracking;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kiln.Server.Jobs;

/// <summary>
/// The training job queue on Hangfire: in memory when the tracking store is SQLite, in the same PostgreSQL database (its
/// own <c>hangfire</c> schema) when it is PostgreSQL, so that every server on that database shares one queue. Each server
/// gets its own storage object, never Hangfire's process-wide one, so two servers in one process stay apart.
/// </summary>
public static class JobServices
{
    public const string Schema = "hangfire";

    public static IServiceCollection AddTrainingJobs(this IServiceCollection services, JobOptions options, TrackingConnection connection, string home)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(connection);
        if (options.Workers < 1) throw new ArgumentOutOfRangeException(nameof(options), options.Workers, $"the job workers must be at least 1, not {options.Workers}");
        if (options.CancelPollInterval <= TimeSpan.Zero || options.QueuePollInterval <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(options), "the job queue's poll intervals must be positive");
        var storage = StorageFor(connection, options);
        var worker = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
        services.AddSingleton(options);
        services.AddSingleton(new TrainingJobStore(storage));
        services.AddSingleton(provider => new TrainingData(provider.GetRequiredService<DatasetStore>(), home));
        services.AddSingleton(provider => new TrainingJobQueue(provider.GetRequiredService<TrainingJobStore>(), provider.GetRequiredService<TrainingData>()));
        services.AddSingleton(provider => new JobRunRecording(provider.GetRequiredService<TrackingStore>()));
        services.AddSingleton(provider => new TrainingJobRunner(provider.GetRequiredService<TrainingJobStore>(), provider.GetRequiredService<TrainingData>(),
            provider.GetRequiredService<JobRunRecording>(), options, worker, provider.GetRequiredService<ILogger<TrainingJobRunner>>()));
        if (options.RunJobs)
            services.AddHostedService(provider => new TrainingJobWorker(storage, options, new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()), worker));
        return services;
    }

    static JobStorage StorageFor(TrackingConnection connection, JobOptions options)
    {
        if (connection.Provider != TrackingProvider.PostgreSql) return new InMemoryStorage();
        var postgres = new PostgreSqlStorageOptions { SchemaName = Schema, PrepareSchemaIfNecessary = true, QueuePollInterval = options.QueuePollInterval };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connection.ConnectionString, postgres), postgres);
    }
}
