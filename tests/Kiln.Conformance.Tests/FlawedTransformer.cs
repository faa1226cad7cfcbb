using Kiln.Data;

namespace Kiln.Conformance.Tests;

/// <summary>
/// A test-only transformer, never registered, that centres numeric columns on their weighted mean and doubles them —
/// correctly, or with one deliberate <see cref="Flaw"/>, so the tests can show that each check catches its breach.
/// </summary>
internal sealed record FlawedTransformer(Flaw Flaw) : Estimator<FlawedTransformerModel>
{
    protected override FlawedTransformerModel FitCore(Frame features, Column? target, FitContext context)
    {
        if (RequiresTarget && target is null && Flaw != Flaw.SwallowsMissingTarget)
            throw new ArgumentException("flawed-transformer needs a target", nameof(target));
        RejectNonFinite(features, Flaw);
        var means = new double[features.ColumnCount];
        for (var j = 0; j < means.Length; j++)
        {
            var values = features[j].AsFloat64().Values;
            double sum = 0, total = 0;
            for (var i = 0; i < values.Length; i++)
            {
                var weight = Flaw == Flaw.IgnoresWeights ? 1 : context.SampleWeights?[i] ?? 1;
                sum += weight * values[i];
                total += weight;
            }
            means[j] = sum / total + (Flaw == Flaw.RandomWithoutSeed ? Random.Shared.NextDouble() : 0);
        }
        return new FlawedTransformerModel(this, InputSchema.Of(features), means);
    }

    /// <summary>Set by the tests of the target check, which need an estimator that asks for a target.</summary>
    public bool RequiresTarget { get; init; }

    internal static void RejectNonFinite(Frame features, Flaw flaw)
    {
        foreach (var column in features.Columns)
            if (column is Float64Column numbers)
                foreach (var value in numbers.Values)
                {
                    if (double.IsNaN(value) && flaw != Flaw.AcceptsNaN)
                        throw new SchemaMismatchException($"flawed-transformer: column '{column.Name}' holds NaN");
                    if (double.IsInfinity(value) && flaw != Flaw.AcceptsInfinity)
                        throw new SchemaMismatchException($"flawed-transformer: column '{column.Name}' holds ∞");
                }
    }
}

internal sealed class FlawedTransformerModel(FlawedTransformer estimator, InputSchema schema, double[] means) : ITransformerModel
{
    int _calls;

    public IEstimator Estimator => estimator;
    public InputSchema Schema => schema;

    public IReadOnlyList<string> OutputNames =>
        [.. Schema.Names.Select(n => estimator.Flaw == Flaw.MisnamesOutputs ? $"{n}_doubled" : n)];

    public Frame Transform(Frame features)
    {
        var input = estimator.Flaw == Flaw.ReadsColumnsByPosition
            ? new Frame(features.Columns.Take(Schema.Columns.Count))
            : Schema.Check(features, "flawed-transformer");
        FlawedTransformer.RejectNonFinite(input, estimator.Flaw);
        var drift = estimator.Flaw == Flaw.RemembersCalls ? Interlocked.Increment(ref _calls) : 0;
        return new Frame(input.Columns.Select((column, j) =>
        {
            var values = column.AsFloat64().Values.ToArray();
            for (var i = 0; i < values.Length; i++) values[i] = 2 * (values[i] - means[j]) + drift;
            return (Column)new Float64Column(Schema.Columns[j].Name, values);
        }));
    }

    public void Save(ModelWriter writer) => writer.Write("means", means);
}
