using System.Buffers;
using System.Text.Json;
using System.Threading.Channels;

namespace Kiln.Serving.Monitoring;

/// <summary>
/// The append-only log of answered predictions. <see cref="TryLog"/> never blocks: it samples, then offers the
/// prediction to a bounded queue that one background writer drains into daily JSON-lines files, and counts what it
/// drops when the queue is full. Files rather than the tracking database because a log is written sequentially and
/// read in whole days: appending a line costs no transaction and no lock shared with the tracking store's writers.
/// </summary>
public sealed class PredictionLog : IPredictionListener, IAsyncDisposable
{
    readonly PredictionLogOptions _options;
    readonly PredictionSampler _sampler;
    readonly Channel<object> _queue;
    Task? _writer;
    readonly SemaphoreSlim _feedbackLock = new(1, 1);
    long _offered, _sampledOut, _dropped, _written, _writeErrors;

    public PredictionLog(PredictionLogOptions options, TimeProvider? clock = null) : this(options, clock, startWriter: true) { }

    /// <summary>A log whose writer starts only when <see cref="StartWriter"/> is called, so a test can fill its queue.</summary>
    internal PredictionLog(PredictionLogOptions options, TimeProvider? clock, bool startWriter)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _sampler = new PredictionSampler(options.FullRatePerSecond, options.SampleFractionAbove, clock);
        _queue = Channel.CreateBounded<object>(new BoundedChannelOptions(options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        Directory.CreateDirectory(options.Folder);
        if (startWriter) StartWriter();
    }

    internal void StartWriter() => _writer ??= Task.Run(WriteAsync);

    public string Folder => _options.Folder;

    /// <summary>Set when a write fails (a full disk, a removed folder): the log keeps going and counts the loss.</summary>
    public event Action<Exception>? WriteFailed;

    public PredictionLogCounters Counters => new(Interlocked.Read(ref _offered), Interlocked.Read(ref _sampledOut),
        Interlocked.Read(ref _dropped), Interlocked.Read(ref _written), Interlocked.Read(ref _writeErrors));

    /// <summary>Offers a prediction to the log; false when sampling left it out or the queue was full.</summary>
    public bool TryLog(LoggedPrediction prediction)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        return Offer(prediction, null);
    }

    /// <summary>A served prediction, offered as the server's prediction feed hands it over.</summary>
    ValueTask IPredictionListener.OnPredictionAsync(ServedPrediction prediction, CancellationToken cancellationToken)
    {
        Offer(null, prediction);
        return ValueTask.CompletedTask;
    }

    /// <summary>Samples first, so that a served prediction is turned into its logged form only when it is kept.</summary>
    bool Offer(LoggedPrediction? logged, ServedPrediction? served)
    {
        Interlocked.Increment(ref _offered);
        if (!_sampler.ShouldLog())
        {
            Interlocked.Increment(ref _sampledOut);
            return false;
        }
        if (_queue.Writer.TryWrite(logged ?? LoggedPrediction.Of(served!))) return true;
        Interlocked.Increment(ref _dropped);
        return false;
    }

    /// <summary>Waits until everything offered before this call is on disk.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _queue.Writer.WriteAsync(written, cancellationToken).ConfigureAwait(false);
        await written.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Appends true labels for logged predictions of <paramref name="model"/>; written at once, since feedback is rare and wanted.</summary>
    public async Task AddFeedbackAsync(string model, IReadOnlyList<PredictionFeedback> feedback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        if (feedback.Count == 0) return;
        var lines = string.Concat(feedback.Select(f => JsonSerializer.Serialize(f, ReferenceProfile.Json) + "\n"));
        var file = PredictionLogFiles.DayFile(_options.Folder, model, PredictionLogFiles.FeedbackPrefix, feedback[0].Time);
        await _feedbackLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.AppendAllTextAsync(file, lines, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _feedbackLock.Release();
        }
    }

    async Task WriteAsync()
    {
        var batch = new List<LoggedPrediction>();
        var flushes = new List<TaskCompletionSource>();
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < 4096 && _queue.Reader.TryRead(out var item))
            {
                if (item is LoggedPrediction prediction) batch.Add(prediction);
                else flushes.Add((TaskCompletionSource)item);
            }
            await WriteBatchAsync(batch).ConfigureAwait(false);
            batch.Clear();
            foreach (var flush in flushes) flush.TrySetResult();
            flushes.Clear();
        }
    }

    async Task WriteBatchAsync(List<LoggedPrediction> batch)
    {
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        foreach (var group in batch.GroupBy(p => PredictionLogFiles.DayFile(_options.Folder, p.Model, PredictionLogFiles.PredictionsPrefix, p.Time)))
        {
            try
            {
                // the whole group is serialised into memory and appended in one write
                buffer.ResetWrittenCount();
                using (var json = new Utf8JsonWriter(buffer))
                    foreach (var prediction in group)
                    {
                        JsonSerializer.Serialize(json, prediction, ReferenceProfile.Json);
                        json.Flush();
                        json.Reset();
                        buffer.Write("\n"u8);
                    }
                Directory.CreateDirectory(Path.GetDirectoryName(group.Key)!);
                await using var file = new FileStream(group.Key, FileMode.Append, FileAccess.Write, FileShare.Read, 1, useAsync: true);
                await file.WriteAsync(buffer.WrittenMemory).ConfigureAwait(false);
                Interlocked.Add(ref _written, group.Count());
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Interlocked.Add(ref _writeErrors, group.Count());
                WriteFailed?.Invoke(e);
            }
        }
    }

    /// <summary>Writes what is queued, then stops the writer.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_writer is not null) await _writer.ConfigureAwait(false);
        _feedbackLock.Dispose();
    }
}
