using System.Collections.Concurrent;
using Kiln.Data;

namespace Kiln.Serving;

/// <summary>
/// Gathers single-row requests that arrive for one model while it is busy and predicts them in one call: a forest
/// predicts 64 rows in far less than 64 times one row's time. No request waits for a batch to fill — the first
/// request of an idle model starts predicting at once, and whatever queued meanwhile forms the next batch — so a
/// quiet server answers as fast as without batching. When a batch fails (one row with a value the model refuses),
/// its rows are predicted one by one, so each request gets its own answer or error.
/// </summary>
internal sealed class MicroBatcher(Func<Frame, PredictionBatch> predict, int maxRows)
{
    readonly ConcurrentQueue<Pending> _queue = new();
    int _draining;

    public Task<PredictionBatch> PredictAsync(Frame row)
    {
        var pending = new Pending(row, new TaskCompletionSource<PredictionBatch>(TaskCreationOptions.RunContinuationsAsynchronously));
        _queue.Enqueue(pending);
        if (Interlocked.CompareExchange(ref _draining, 1, 0) == 0)
            ThreadPool.UnsafeQueueUserWorkItem(static batcher => batcher.Drain(), this, preferLocal: false);
        return pending.Answer.Task;
    }

    void Drain()
    {
        var batch = new List<Pending>(maxRows);
        while (true)
        {
            while (batch.Count < maxRows && _queue.TryDequeue(out var pending)) batch.Add(pending);
            if (batch.Count > 0)
            {
                Run(batch);
                batch.Clear();
                continue;
            }
            Volatile.Write(ref _draining, 0);
            // a request queued between the last dequeue and the reset found the flag still set: take it on
            if (_queue.IsEmpty || Interlocked.CompareExchange(ref _draining, 1, 0) != 0) return;
        }
    }

    void Run(List<Pending> batch)
    {
        if (batch.Count == 1)
        {
            RunAlone(batch[0]);
            return;
        }
        PredictionBatch all;
        try
        {
            var frames = new Frame[batch.Count];
            for (var i = 0; i < frames.Length; i++) frames[i] = batch[i].Row;
            all = predict(Frame.Concat(frames));
        }
        catch (Exception)
        {
            foreach (var pending in batch) RunAlone(pending);
            return;
        }
        var k = all.Classes?.Count ?? 0;
        for (var i = 0; i < batch.Count; i++)
        {
            var probabilities = all.Probabilities is { } matrix ? matrix.AsSpan(i * k, k).ToArray() : null;
            batch[i].Answer.TrySetResult(new PredictionBatch(all.Predictions.Slice(i, 1), probabilities, all.Classes));
        }
    }

    void RunAlone(Pending pending)
    {
        try
        {
            pending.Answer.TrySetResult(predict(pending.Row));
        }
        catch (Exception e)
        {
            pending.Answer.TrySetException(e);
        }
    }

    readonly record struct Pending(Frame Row, TaskCompletionSource<PredictionBatch> Answer);
}
