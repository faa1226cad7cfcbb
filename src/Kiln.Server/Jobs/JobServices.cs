using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Kiln.Server.Accounts;
using Kiln.Server.Datasets;
using Kiln.Server.Projects;
using Kiln.Tracking;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kiln.Server.Jobs;

/// <summary>
/// The training job queue on Hangfire. When the tracking store is PostgreSQL, the queue and the jobs' records are in the
/// same database (its own <c>hangfire</c> schema), so that every server on that database shares one queue. When it is the
/// embedded SQLite store, the queue is in memory and the jobs' records in a SQLite file beside the tracking database,
/// from which a restarted server takes up the jobs still waiting. Each server gets its own storage object, never
/// Hangfire's process-wide one, so two servers in one process stay apart.
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
        var shared = connection.Provider == TrackingProvider.PostgreSql;
        var worker = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
        services.AddSingleton(options);
        // opened now, so that a store whose jobs another server keeps is refused before anything starts; handed out by a
        // factory, so that the container closes the file and lets its lock go when the server is disposed
        IJobRecords records = shared ? new HangfireJobRecords(storage) : new SqliteJobRecords(SqliteJobRecords.FileBeside(SqliteFile(connection)));
        services.AddSingleton(_ => records);
        services.AddSingleton(provider => new TrainingJobStore(provider.GetRequiredService<IJobRecords>(), storage, queueOutlivesServer: shared));
        services.AddSingleton(provider => new TrainingData(provider.GetRequiredService<DatasetStore>(), home));
        services.AddSingleton(provider => new TrainingJobQueue(provider.GetRequiredService<TrainingJobStore>(), provider.GetRequiredService<TrainingData>()));
        services.AddSingleton(provider => new JobRunRecording(provider.GetRequiredService<TrackingStore>()));
        services.AddSingleton(provider => new JobOwnerCheck(provider.GetRequiredService<IServiceScopeFactory>(), provider.GetRequiredService<PlatformAccess>(),
            provider.GetRequiredService<ProjectStore>(), provider.GetRequiredService<TrainingData>()));
        services.AddSingleton(provider => new TrainingJobRunner(provider.GetRequiredService<TrainingJobStore>(), provider.GetRequiredService<TrainingData>(),
            provider.GetRequiredService<JobOwnerCheck>(), provider.GetRequiredService<JobRunRecording>(), options, worker, provider.GetRequiredService<ILogger<TrainingJobRunner>>()));
        // before the worker starts, so it finds the jobs that waited through the restart already on its queue
        if (!shared) services.AddHostedService(provider => new TrainingJobRecovery(provider.GetRequiredService<TrainingJobStore>(),
            provider.GetRequiredService<TrainingJobQueue>(), provider.GetRequiredService<ILogger<TrainingJobRecovery>>()));
        if (options.RunJobs)
            services.AddHostedService(provider => new TrainingJobWorker(storage, options, new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()), worker));
        return services;
    }

    static string SqliteFile(TrackingConnection connection) => new SqliteConnectionStringBuilder(connection.ConnectionString).DataSource;

    static JobStorage StorageFor(TrackingConnection connection, JobOptions options)
    {
        if (connection.Provider != TrackingProvider.PostgreSql) return new InMemoryStorage();
        var postgres = new PostgreSqlStorageOptions { SchemaName = Schema, PrepareSchemaIfNecessary = true, QueuePollInterval = options.QueuePollInterval };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connection.ConnectionString, postgres), postgres);
    }
}
