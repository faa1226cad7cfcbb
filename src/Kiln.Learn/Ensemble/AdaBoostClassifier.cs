using Kiln.Data;

namespace Kiln.Learn.Ensemble;

/// <summary>
/// Boosting (scikit-learn 1.2's AdaBoostClassifier): estimators fitted one after another, each on the rows reweighed
/// towards those the previous ones got wrong. The base estimator is written as text (<c>decision-tree-classifier(max-depth=1)</c>
/// by default) and must take sample weights; SAMME.R also needs its probabilities. The fitted model exposes each
/// estimator's weight and error; stage t's estimator is fitted with a seed mixed from <see cref="Seed"/> and t.
/// </summary>
[Estimator("adaboost-classifier", EstimatorRole.Classifier, "boosted classifiers (a depth-1 tree by default), each fitted on rows reweighed towards earlier mistakes",
    Capabilities = [Capability.SampleWeights, Capability.Randomized])]
public sealed record AdaBoostClassifier : Estimator<AdaBoostClassifierModel>
{
    internal const string Name = "adaboost-classifier";
    const double Epsilon = 2.220446049250313e-16;

    [Parameter("The base classifier, a catalog name with optional (name=value) parameters; it must take sample weights")]
    public string Estimator { get; init; } = "decision-tree-classifier(max-depth=1)";

    [Parameter("The most estimators to fit; boosting stops early when one fits the rows perfectly", Min = 1, Search = "int(25,200)")]
    public int NEstimators { get; init; } = 50;

    [Parameter("Shrinks each estimator's contribution; smaller values need more estimators", Min = 0, MinExclusive = true, Search = "log(0.01,2)")]
    public double LearningRate { get; init; } = 1.0;

    [Parameter("samme: weigh estimators by their error on predicted classes; samme-r: add up log-probabilities")]
    public AdaBoostAlgorithm Algorithm { get; init; } = AdaBoostAlgorithm.SammeR;

    [Parameter("Seed from which each estimator's own seed is mixed")]
    public long Seed { get; init; }

    protected override AdaBoostClassifierModel FitCore(Frame features, Column? target, FitContext context)
    {
        var spec = EnsembleMembers.ParseSingle(Estimator, Name, "estimator", EstimatorRole.Classifier);
        if (!spec.Entry.Has(Capability.SampleWeights))
            throw new ArgumentException($"{Name}: parameter 'estimator' names '{spec.Entry.Name}', which does not take sample weights; boosting reweighs the rows for each estimator", "estimator");
        var labels = ClassLabels.Of(target!, "target").Sorted();
        var classes = labels.Values();
        var (n, k) = (labels.RowCount, labels.Count);
        var weights = new double[n];
        if (context.SampleWeights is { } given) given.CopyTo(weights, 0);
        else weights.AsSpan().Fill(1);
        var total = weights.Sum();
        if (!(total > 0)) throw new ArgumentException($"{Name}: the sample weights add up to zero", nameof(context));
        for (var i = 0; i < n; i++) weights[i] /= total;

        var members = new List<IClassifierModel>();
        var estimatorWeights = new List<double>();
        var errors = new List<double>();
        var truth = labels.CodeOfRow;
        var probabilities = new double[(long)n * k];
        for (var stage = 0; stage < NEstimators; stage++)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            var last = stage == NEstimators - 1;
            var estimator = spec.Seeded(EnsembleMembers.MemberSeed(Seed, stage));
            var model = (IClassifierModel)estimator.Fit(features, target, new FitContext { SampleWeights = (double[])weights.Clone(), Cancellation = context.Cancellation });
            var classMap = EnsembleMembers.ClassMap(model, classes);
            int[] predicted;
            if (Algorithm == AdaBoostAlgorithm.SammeR)
            {
                if (!EnsembleMembers.GivesProbabilities(model))
                    throw new ArgumentException($"{Name}: algorithm samme-r adds up class probabilities, and '{spec.Entry.Name}' as configured gives none (use samme, or fit it with probability=true)", "algorithm");
                Array.Clear(probabilities);
                EnsembleMembers.AddProbabilities(model, classMap, features, 1, probabilities, k);
                predicted = ClassifierModel.MostProbable(probabilities, k);
            }
            else predicted = EnsembleMembers.PredictedCodes(model, classMap, features);

            double wrong = 0, sum = 0;
            for (var i = 0; i < n; i++)
            {
                sum += weights[i];
                if (predicted[i] != truth[i]) wrong += weights[i];
            }
            var error = wrong / sum;
            if (error <= 0)
            {
                members.Add(model);
                estimatorWeights.Add(1);
                errors.Add(0);
                break;
            }
            if (Algorithm == AdaBoostAlgorithm.SammeR)
            {
                if (!last) RealBoostWeights(weights, probabilities, truth, k);
                members.Add(model);
                estimatorWeights.Add(1);
            }
            else
            {
                if (error >= 1 - 1.0 / k)
                {
                    if (members.Count == 0)
                        throw new ArgumentException($"{Name}: the first estimator is no better than chance (weighted error {error:G4} with {k} classes), so boosting cannot start");
                    break;
                }
                var alpha = LearningRate * (Math.Log((1 - error) / error) + Math.Log(k - 1.0));
                if (!last)
                    for (var i = 0; i < n; i++)
                        if (predicted[i] != truth[i] && weights[i] > 0) weights[i] *= Math.Exp(alpha);
                members.Add(model);
                estimatorWeights.Add(alpha);
            }
            errors.Add(error);
            context.Progress?.Report(new FitProgress("boosting", stage + 1, NEstimators));
            var newTotal = weights.Sum();
            if (!double.IsFinite(newTotal) || newTotal <= 0) break;
            if (!last)
                for (var i = 0; i < n; i++) weights[i] /= newTotal;
        }
        return new AdaBoostClassifierModel(this, InputSchema.Of(features), classes, [.. members], [.. estimatorWeights], [.. errors]);
    }

    /// <summary>SAMME.R's reweighing: each row by exp of −rate·(k−1)/k times its coded target against its log-probabilities.</summary>
    void RealBoostWeights(double[] weights, double[] probabilities, int[] truth, int k)
    {
        var other = -1.0 / (k - 1);
        var scale = -LearningRate * (k - 1.0) / k;
        for (var i = 0; i < weights.Length; i++)
        {
            var row = probabilities.AsSpan(i * k, k);
            var dot = 0.0;
            for (var c = 0; c < k; c++) dot += (c == truth[i] ? 1 : other) * Math.Log(Math.Max(row[c], Epsilon));
            var exponent = scale * dot;
            if (weights[i] > 0 || exponent < 0) weights[i] *= Math.Exp(exponent);
        }
    }
}
