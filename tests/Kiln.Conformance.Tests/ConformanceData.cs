using Kiln.Data;

namespace Kiln.Conformance.Tests;

/// <summary>
/// The small deterministic dataset every check fits on, shaped by the estimator's tags: numeric features (non-negative
/// for non-negative-input), a text column for text-input and text-only, a class target with three unequal classes for
/// classifiers, samplers and requires-target, a numeric target for regressors.
/// </summary>
public static class ConformanceData
{
    public const int Rows = 60;

    static readonly string[] ClassNames = ["a", "b", "c"];

    static readonly string[][] Phrases =
    [
        ["red apple", "red cherry", "green apple"],
        ["blue whale", "grey whale", "blue shark"],
        ["green frog", "green tree frog", "brown frog"],
    ];

    public static Frame Features(EstimatorUnderTest estimator)
    {
        var random = new Random(1729);
        var classes = ClassIndices();
        var x0 = new double[Rows];
        var x1 = new double[Rows];
        var x2 = new long[Rows];
        var words = new string[Rows];
        for (var i = 0; i < Rows; i++)
        {
            x0[i] = 1.5 * classes[i] + Normal(random);
            x1[i] = -2 + 5 * random.NextDouble();
            x2[i] = (i * 3) % 10;
            words[i] = Phrases[classes[i]][i % 3];
            if (estimator.Has(Capability.NonNegativeInput))
            {
                x0[i] = Math.Abs(x0[i]);
                x1[i] = Math.Abs(x1[i]);
            }
        }
        var text = new StringColumn("words", words);
        if (estimator.Has(Capability.TextOnly)) return new Frame(text);
        Column[] numbers = [new Float64Column("x0", x0), new Float64Column("x1", x1), new Int64Column("x2", x2)];
        return estimator.Has(Capability.TextInput) ? new Frame([.. numbers, text]) : new Frame(numbers);
    }

    /// <summary>The target the estimator fits with, or <c>null</c> when it takes none.</summary>
    public static Column? Target(EstimatorUnderTest estimator)
    {
        var classes = ClassIndices();
        if (estimator.Role == EstimatorRole.Regressor)
        {
            var random = new Random(2718);
            var features = Features(estimator);
            var values = new double[Rows];
            for (var i = 0; i < Rows; i++)
                values[i] = features.HasColumn("x0")
                    ? 2 * ((Float64Column)features["x0"])[i] - ((Float64Column)features["x1"])[i] + 0.1 * Normal(random)
                    : classes[i] + 0.1 * Normal(random);
            return new Float64Column("target", values);
        }
        if (estimator.Role == EstimatorRole.Classifier || estimator.Has(Capability.ChangesRows))
            return new StringColumn("target", [.. classes.Select(k => ClassNames[k])]);
        if (estimator.Has(Capability.RequiresTarget))
            return new Int64Column("target", [.. classes.Select(k => (long)k)]);
        return null;
    }

    /// <summary>32, 16 and 12 rows of classes 0, 1 and 2, spread through the rows by a fixed permutation.</summary>
    static int[] ClassIndices()
    {
        var classes = new int[Rows];
        for (var i = 0; i < Rows; i++)
        {
            var position = i * 7 % Rows;
            classes[i] = position < 32 ? 0 : position < 48 ? 1 : 2;
        }
        return classes;
    }

    static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
