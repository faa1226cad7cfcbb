using Kiln.Data;

namespace Kiln.Learn.Compose;

/// <summary>
/// Steps fitted one after another, each on the previous step's output (scikit-learn's Pipeline). Every step but the
/// last transforms; the last may be any estimator, and the fitted <see cref="PipelineModel"/> plays its role.
/// The target, the fit context and the sample weights go to every step.
/// <para>
/// Steps tagged <see cref="Capability.ChangesRows"/> (samplers, outlier removal) run only while fitting: they change
/// the rows, target and weights the later steps train on, but at transform and predict time every row passes them
/// untouched, as in imbalanced-learn's Pipeline, so a prediction still has one row per input row.
/// </para>
/// <para>
/// A step that cross-fits (<see cref="ICrossFittingEstimator"/>, such as the target encoder) hands the next step its
/// out-of-fold output for the training rows, not its model's output, as scikit-learn's Pipeline does with fit_transform.
/// </para>
/// </summary>
public sealed record Pipeline : Estimator<PipelineModel>, ICrossFittingEstimator
{
    public Pipeline(params IEnumerable<PipelineStep> steps) => Steps = [.. steps];

    public IReadOnlyList<PipelineStep> Steps { get; init; }

    /// <summary>A pipeline whose steps are named after their estimators (scikit-learn's <c>make_pipeline</c>).</summary>
    public static Pipeline Of(params IEnumerable<IEstimator> estimators)
    {
        var used = new Dictionary<string, int>(StringComparer.Ordinal);
        var steps = new List<PipelineStep>();
        foreach (var estimator in estimators)
        {
            var name = estimator switch { Pipeline => "pipeline", ColumnTransformer => "column-transformer", _ => EstimatorCatalog.NameOf(estimator) };
            var count = used[name] = used.GetValueOrDefault(name) + 1;
            steps.Add(new PipelineStep(count == 1 ? name : $"{name}-{count}", estimator));
        }
        return new Pipeline(steps);
    }

    protected override PipelineModel FitCore(Frame features, Column? target, FitContext context) =>
        FitSteps(features, target, context, withTraining: false).Model;

    /// <summary>
    /// Fits the pipeline and gives the last step's output for the training rows, cross-fitted where a step cross-fits.
    /// When a step changed the rows, the output no longer lines up with the input, so it is the fitted pipeline's transform.
    /// </summary>
    public (ITransformerModel Model, Frame Training) FitTransform(Frame features, Column? target = null, FitContext? context = null) =>
        FitChecked(features, target, context, checkedContext =>
        {
            var (model, training) = FitSteps(features, target, checkedContext, withTraining: true);
            return ((ITransformerModel)model, training!);
        });

    (PipelineModel Model, Frame? Training) FitSteps(Frame features, Column? target, FitContext context, bool withTraining)
    {
        CheckSteps(target);
        var fitted = new NamedModel[Steps.Count];
        var (rows, labels, weights) = (features, target, context.SampleWeights);
        var resampled = false;
        for (var i = 0; i < Steps.Count; i++)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            var step = Steps[i];
            var last = i == Steps.Count - 1;
            var transforms = !last || withTraining;
            var stepContext = context with { SampleWeights = weights };
            IModel model;
            if (transforms && step.Estimator is ICrossFittingEstimator crossFitting)
            {
                (model, rows) = crossFitting.FitTransform(rows, labels, stepContext);
            }
            else
            {
                model = step.Estimator.Fit(rows, labels, stepContext);
                if (model is IResamplingModel resampler)
                {
                    if (!last)
                    {
                        (rows, labels, weights) = Resample(step.Name, resampler, rows, labels, weights);
                        resampled = true;
                    }
                }
                else if (transforms)
                {
                    rows = model is ITransformerModel transformer ? transformer.Transform(rows)
                        : throw new InvalidOperationException($"pipeline step '{step.Name}' ({StepRoles.Describe(step.Estimator)}) does not transform, so the pipeline has no output");
                }
            }
            fitted[i] = new NamedModel(step.Name, model);
            context.Progress?.Report(new FitProgress($"pipeline step '{step.Name}'", i + 1, Steps.Count));
        }
        var pipeline = new PipelineModel(this, fitted);
        return (pipeline, !withTraining ? null : resampled ? pipeline.Transform(features) : rows);
    }

    /// <summary>The checks that need no data: step names, which steps may come before the last, and whether a target is needed.</summary>
    void CheckSteps(Column? target)
    {
        if (Steps.Count == 0) throw new ArgumentException("a pipeline needs at least one step", nameof(Steps));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in Steps)
        {
            if (string.IsNullOrWhiteSpace(step.Name)) throw new ArgumentException("every pipeline step needs a name", nameof(Steps));
            if (!seen.Add(step.Name)) throw new ArgumentException($"two pipeline steps are named '{step.Name}'; step names must be unique", nameof(Steps));
            if (step.Estimator is null) throw new ArgumentException($"pipeline step '{step.Name}' has no estimator", nameof(Steps));
        }
        for (var i = 0; i < Steps.Count - 1; i++)
        {
            var estimator = Steps[i].Estimator;
            if (!StepRoles.Transforms(estimator) && !StepRoles.Resamples(estimator))
                throw new ArgumentException(
                    $"pipeline step '{Steps[i].Name}' ({StepRoles.Describe(estimator)}) does not transform, so it can only be the last step", nameof(Steps));
        }
        if (target is null && Steps.FirstOrDefault(s => StepRoles.NeedsTarget(s.Estimator)) is { } needy)
            throw new ArgumentException($"pipeline step '{needy.Name}' ({StepRoles.Describe(needy.Estimator)}) needs a target column to fit", nameof(target));
    }

    static (Frame, Column?, double[]?) Resample(string step, IResamplingModel resampler, Frame rows, Column? labels, double[]? weights)
    {
        var resampled = resampler.Resample(rows, labels, weights);
        var count = resampled.Features.RowCount;
        if (resampled.Target is { } t && t.Length != count || resampled.SampleWeights is { } w && w.Length != count)
            throw new InvalidOperationException($"pipeline step '{step}' resampled {count} feature rows but not the same number of target rows or weights");
        if ((labels is null) != (resampled.Target is null))
            throw new InvalidOperationException($"pipeline step '{step}' dropped or invented the target while resampling");
        return (resampled.Features, resampled.Target, weights is null ? null : resampled.SampleWeights
            ?? throw new InvalidOperationException($"pipeline step '{step}' dropped the sample weights while resampling"));
    }

    public bool Equals(Pipeline? other) => other is not null && Steps.SequenceEqual(other.Steps);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var step in Steps) hash.Add(step);
        return hash.ToHashCode();
    }

    public override string ToString() => $"Pipeline [{string.Join(", ", Steps.Select(s => $"{s.Name}: {s.Estimator}"))}]";
}
