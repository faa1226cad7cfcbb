namespace Kiln.Neural.Training;

/// <summary>
/// How the learning rate changes from epoch to epoch of a fit, starting from the optimizer's learning rate (Keras'
/// learning-rate schedules, applied per epoch). Given to an optimizer as its <see cref="Optimizer.Schedule"/>, or
/// through a <see cref="Callbacks.LearningRateScheduler"/> callback.
/// </summary>
public sealed record LearningRateSchedule
{
    LearningRateSchedule(string name) => Name = name;

    /// <summary>The schedule's name in configs: cosine, exponential, step or one_cycle.</summary>
    public string Name { get; }

    /// <summary>The rate a cosine schedule ends at.</summary>
    public double Minimum { get; private init; }

    /// <summary>What an exponential schedule multiplies the rate by each epoch.</summary>
    public double DecayRate { get; private init; }

    /// <summary>How many epochs a step schedule keeps each rate.</summary>
    public int Every { get; private init; }

    /// <summary>What a step schedule multiplies the rate by at each step.</summary>
    public double Factor { get; private init; }

    /// <summary>Half a cosine from the starting rate down to <paramref name="minimum"/> over the fit's epochs.</summary>
    public static LearningRateSchedule Cosine(double minimum = 0) => minimum >= 0 && double.IsFinite(minimum)
        ? new("cosine") { Minimum = minimum }
        : throw new ArgumentOutOfRangeException(nameof(minimum), minimum, "cosine schedule: the minimum must be a number of at least 0");

    /// <summary>The rate times <paramref name="rate"/> each epoch.</summary>
    public static LearningRateSchedule Exponential(double rate) => rate > 0 && double.IsFinite(rate)
        ? new("exponential") { DecayRate = rate }
        : throw new ArgumentOutOfRangeException(nameof(rate), rate, "exponential schedule: rate must be positive");

    /// <summary>The rate times <paramref name="factor"/> every <paramref name="every"/> epochs.</summary>
    public static LearningRateSchedule Step(int every, double factor) => every >= 1 && factor > 0 && double.IsFinite(factor)
        ? new("step") { Every = every, Factor = factor }
        : throw new ArgumentException("step schedule: every must be at least 1 and factor positive");

    /// <summary>
    /// One cycle over the fit's epochs: up linearly from a 25th of the starting rate to the starting rate during the
    /// first 30%, then down along a cosine to a 10,000th of it.
    /// </summary>
    public static LearningRateSchedule OneCycle { get; } = new("one_cycle");

    /// <summary>The learning rate of <paramref name="epoch"/> (from 0) in a fit of <paramref name="epochs"/> starting at <paramref name="initial"/>.</summary>
    public double At(int epoch, int epochs, double initial)
    {
        if (epochs < 1) throw new ArgumentOutOfRangeException(nameof(epochs), epochs, $"{Name} schedule: epochs must be at least 1");
        switch (Name)
        {
            case "cosine":
                return Minimum + (initial - Minimum) * (1 + Math.Cos(Math.PI * Math.Min(epoch, epochs) / epochs)) / 2;
            case "exponential":
                return initial * Math.Pow(DecayRate, epoch);
            case "step":
                return initial * Math.Pow(Factor, epoch / Every);
            default:
                var warmup = Math.Max(1, (int)Math.Round(0.3 * epochs));
                if (epoch < warmup) return initial / 25 + (initial - initial / 25) * epoch / warmup;
                var progress = (double)(epoch - warmup) / Math.Max(1, epochs - 1 - warmup);
                return initial / 1e4 + (initial - initial / 1e4) * (1 + Math.Cos(Math.PI * Math.Min(progress, 1))) / 2;
        }
    }

    public override string ToString() => Name;
}
