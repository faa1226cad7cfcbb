namespace Kiln.Neural.Callbacks;

/// <summary>
/// Sets the learning rate at the start of each epoch from a schedule (Keras' LearningRateScheduler): the schedule
/// takes the epoch (from 0) and the starting learning rate and returns the rate for that epoch. Common schedules
/// are built in.
/// </summary>
public sealed class LearningRateScheduler(Func<int, double, double> schedule) : ICallback
{
    double _initial;

    /// <summary>The rate times <paramref name="factor"/> every <paramref name="every"/> epochs.</summary>
    public static LearningRateScheduler Step(int every, double factor) => every >= 1 && factor > 0
        ? new((epoch, initial) => initial * Math.Pow(factor, epoch / every))
        : throw new ArgumentException("step schedule: every must be at least 1 and factor positive");

    /// <summary>The rate times <paramref name="rate"/> each epoch.</summary>
    public static LearningRateScheduler Exponential(double rate) => rate > 0
        ? new((epoch, initial) => initial * Math.Pow(rate, epoch))
        : throw new ArgumentOutOfRangeException(nameof(rate), rate, "exponential schedule: rate must be positive");

    /// <summary>Half a cosine from the starting rate down to <paramref name="minimum"/> over <paramref name="epochs"/> epochs.</summary>
    public static LearningRateScheduler Cosine(int epochs, double minimum = 0) => epochs >= 1
        ? new((epoch, initial) => minimum + (initial - minimum) * (1 + Math.Cos(Math.PI * Math.Min(epoch, epochs) / epochs)) / 2)
        : throw new ArgumentOutOfRangeException(nameof(epochs), epochs, "cosine schedule: epochs must be at least 1");

    /// <summary>
    /// One cycle over <paramref name="epochs"/> epochs: up linearly from a 25th of the starting rate to the starting
    /// rate during the first 30%, then down along a cosine to a 10,000th of it.
    /// </summary>
    public static LearningRateScheduler OneCycle(int epochs) => epochs >= 2
        ? new((epoch, peak) =>
        {
            var warmup = Math.Max(1, (int)Math.Round(0.3 * epochs));
            if (epoch < warmup) return peak / 25 + (peak - peak / 25) * epoch / warmup;
            var progress = (double)(epoch - warmup) / Math.Max(1, epochs - 1 - warmup);
            return peak / 1e4 + (peak - peak / 1e4) * (1 + Math.Cos(Math.PI * Math.Min(progress, 1))) / 2;
        })
        : throw new ArgumentOutOfRangeException(nameof(epochs), epochs, "one-cycle schedule: epochs must be at least 2");

    public void OnTrainBegin(TrainingControl control) => _initial = control.LearningRate;

    public void OnEpochBegin(int epoch, TrainingControl control)
    {
        var rate = schedule(epoch, _initial);
        if (!(rate >= 0) || !double.IsFinite(rate))
            throw new InvalidOperationException($"the learning-rate schedule gave {rate} for epoch {epoch}; it must give a number of at least 0");
        control.LearningRate = rate;
    }
}
