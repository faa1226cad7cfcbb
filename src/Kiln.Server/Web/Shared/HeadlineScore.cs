using Kiln.Tracking;

namespace Kiln.Server.Web.Shared;

/// <summary>
/// The one score a run is judged by at a glance: accuracy for a classifier, R² for a regressor, measured on the held-out
/// rows when the run recorded them, else on its training rows. <see cref="Metric"/> is the recorded metric's name
/// (<c>held_out_accuracy</c>, <c>training_r2</c>), so <see cref="MetricGoal"/> judges it as the compare page does.
/// </summary>
public sealed record HeadlineScore(string Score, string Metric, double Value)
{
    const string HeldOutPrefix = "held_out_";
    const string TrainingPrefix = "training_";

    /// <summary>The scores that head a run, in the order they are looked for: a run records one or the other by its task.</summary>
    static readonly string[] Scores = ["accuracy", "r2"];

    public bool HeldOut => Metric.StartsWith(HeldOutPrefix, StringComparison.Ordinal);

    /// <summary>The task the score belongs to, so a classifier's accuracy is never ranked against a regressor's R².</summary>
    public string Task => Score == "accuracy" ? "classification" : "regression";

    /// <summary>The run's headline score, or <c>null</c> when it recorded neither accuracy nor R² (a clustering, a network's epochs).</summary>
    public static HeadlineScore? Of(Run run)
    {
        ArgumentNullException.ThrowIfNull(run);
        foreach (var score in Scores)
            if (run.Metrics.TryGetValue(HeldOutPrefix + score, out var heldOut)) return new(score, HeldOutPrefix + score, heldOut.Value);
        // a tuning records its held-out score after the search under its scoring's name
        if (run.Params.TryGetValue("scoring", out var scoring) && Scores.Contains(scoring) && run.Metrics.TryGetValue("held_out_after", out var tuned))
            return new(scoring, HeldOutPrefix + scoring, tuned.Value);
        foreach (var score in Scores)
            if (run.Metrics.TryGetValue(TrainingPrefix + score, out var training)) return new(score, TrainingPrefix + score, training.Value);
        return null;
    }

    /// <summary>
    /// The runs that score best among those of the same dataset, target and task, by <see cref="MetricGoal"/>'s rule: a
    /// training score is not judged where a run of the group has the held-out one, and a group of one has no best.
    /// </summary>
    public static IReadOnlySet<string> BestPerGroup(IEnumerable<Run> runs)
    {
        var best = new HashSet<string>(StringComparer.Ordinal);
        var scored = runs.Select(r => (Run: r, Score: Of(r))).Where(s => s.Score is not null).ToList();
        foreach (var group in scored.GroupBy(s => GroupOf(s.Run, s.Score!)))
        {
            var members = group.ToList();
            var recorded = members.Select(m => m.Score!.Metric).ToHashSet(StringComparer.Ordinal);
            var judged = members.Where(m => MetricGoal.IsJudged(m.Score!.Metric, recorded)).ToList();
            if (judged.Count == 0) continue;
            var index = MetricGoal.Best(judged[0].Score!.Metric, [.. judged.Select(m => (double?)m.Score!.Value)]);
            if (index >= 0) best.Add(judged[index].Run.Id);
        }
        return best;
    }

    /// <summary>Runs share a group when they learned the same data (its fingerprint, else its name, else the experiment) to predict the same target.</summary>
    static (string Data, string Target, string Task) GroupOf(Run run, HeadlineScore score) =>
        (run.DataFingerprint ?? run.Tags.GetValueOrDefault(Jobs.JobRunRecording.DataTag) ?? $"experiment {run.ExperimentId}",
         run.Params.GetValueOrDefault("target", ""), score.Task);
}
