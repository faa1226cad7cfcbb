using Kiln.Neural.Training;

namespace Kiln.Neural.Callbacks;

/// <summary>
/// Sets the learning rate at the start of each epoch from a schedule (Keras' LearningRateScheduler): the schedule
/// takes the epoch (from 0) and the starting learning rate and returns the rate for that epoch. The schedules of
/// <see cref="LearningRateSchedule"/> are built in.
/// </summary>
public sealed class LearningRateScheduler(Func<int, double, double> schedule) : ICallback
{
    double _initial;

    /// <summary>The rate times <paramref name="factor"/> every <paramref name="every"/> epochs.</summary>
    public static LearningRateScheduler Step(int every, double factor) => Following(LearningRateSchedule.Step(every, factor), epochs: 1);

    /// <summary>The rate times <paramref name="rate"/> each epoch.</summary>
    public static LearningRateScheduler Exponential(double rate) => Following(LearningRateSchedule.Exponential(rate), epochs: 1);

    /// <summary>Half a cosine from the starting rate down to <paramref name="minimum"/> over <paramref name="epochs"/> epochs.</summary>
    public static LearningRateScheduler Cosine(int epochs, double minimum = 0) => epochs >= 1
        ? Following(LearningRateSchedule.Cosine(minimum), epochs)
        : throw new ArgumentOutOfRangeException(nameof(epochs), epochs, "cosine schedule: epochs must be at least 1");

    /// <summary>
    /// One cycle over <paramref name="epochs"/> epochs: up linearly from a 25th of the starting rate to the starting
    /// rate during the first 30%, then down along a cosine to a 10,000th of it.
    /// </summary>
    public static LearningRateScheduler OneCycle(int epochs) => epochs >= 2
        ? Following(LearningRateSchedule.OneCycle, epochs)
        : throw new ArgumentOutOfRangeException(nameof(epochs), epochs, "one-cycle schedule: epochs must be at least 2");

    /// <summary>A schedule laid over <paramref name="epochs"/> epochs, whatever the fit's length.</summary>
    static LearningRateScheduler Following(LearningRateSchedule schedule, int epochs) => new((epoch, initial) => schedule.At(epoch, epochs, initial));

    public void OnTrainBegin(TrainingControl control) => _initial = control.LearningRate;

    public void OnEpochBegin(int epoch, TrainingControl control)
    {
        var rate = schedule(epoch, _initial);
        if (!(rate >= 0) || !double.IsFinite(rate))
            throw new InvalidOperationException($"the learning-rate schedule gave {rate} for epoch {epoch}; it must give a number of at least 0");
        control.LearningRate = rate;
    }
}
