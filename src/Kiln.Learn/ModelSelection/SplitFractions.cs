using System.Globalization;

namespace Kiln.Learn.ModelSelection;

/// <summary>
/// The shares of the rows that go to training, validation and test; they sum to 1. A validation share of 0
/// makes a plain train/test split. <see cref="Parse"/> reads percentages as users write them: "80/20", "60/20/20".
/// </summary>
public sealed record SplitFractions(double Train, double Validation, double Test)
{
    /// <summary>Three quarters to train, a quarter to test: scikit-learn's train_test_split default.</summary>
    public static SplitFractions Default { get; } = new(0.75, 0, 0.25);

    /// <summary>
    /// "train/test" or "train/validation/test" as percentages that sum to 100 ("80/20", "60/20/20", "70/15/15").
    /// </summary>
    public static SplitFractions Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/', StringSplitOptions.TrimEntries);
        if (parts.Length is not (2 or 3))
            throw new FormatException($"split '{text}' must be train/test or train/validation/test percentages, e.g. 80/20 or 60/20/20");
        var percents = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i].TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out percents[i])
                || !double.IsFinite(percents[i]) || percents[i] < 0)
                throw new FormatException($"'{parts[i]}' in split '{text}' is not a percentage from 0 to 100");
        }
        var sum = percents.Sum();
        if (Math.Abs(sum - 100) > 1e-9)
            throw new FormatException($"split '{text}' sums to {sum.ToString(CultureInfo.InvariantCulture)}; its parts must sum to 100");
        var fractions = parts.Length == 2
            ? new SplitFractions(percents[0] / 100, 0, percents[1] / 100)
            : new SplitFractions(percents[0] / 100, percents[1] / 100, percents[2] / 100);
        fractions.Check();
        return fractions;
    }

    /// <summary>Rejects shares outside [0, 1], an empty training or test share, or shares that do not sum to 1, naming the share.</summary>
    public void Check()
    {
        Share(Train, nameof(Train), mayBeZero: false);
        Share(Validation, nameof(Validation), mayBeZero: true);
        Share(Test, nameof(Test), mayBeZero: false);
        var sum = Train + Validation + Test;
        if (Math.Abs(sum - 1) > 1e-9)
            throw new ArgumentException($"the train, validation and test fractions sum to {sum.ToString(CultureInfo.InvariantCulture)}; they must sum to 1", "fractions");
    }

    /// <summary>
    /// Rows per split: test gets <c>ceil(test · rows)</c> as scikit-learn's train_test_split does, and the rest is
    /// shared between training and validation, each getting the floor or ceiling of its exact share.
    /// </summary>
    public (int Train, int Validation, int Test) Rows(int rowCount)
    {
        Check();
        var test = (int)Math.Min(rowCount, Math.Ceiling(Test * rowCount));
        var rest = rowCount - test;
        var exactTrain = Train * rowCount;
        var exactValidation = Validation * rowCount;
        var train = (int)Math.Min(rest, Math.Floor(exactTrain));
        var validation = (int)Math.Min(rest - train, Math.Floor(exactValidation));
        while (train + validation < rest)
        {
            // the rows left over go to whichever share is further below its exact size
            if (exactValidation - validation > exactTrain - train) validation++;
            else train++;
        }
        foreach (var (rows, fraction, name) in new[] { (train, Train, nameof(Train)), (validation, Validation, nameof(Validation)), (test, Test, nameof(Test)) })
            if (rows == 0 && fraction > 0)
                throw new ArgumentException(
                    $"a {name.ToLowerInvariant()} fraction of {fraction.ToString(CultureInfo.InvariantCulture)} of {rowCount} rows leaves no {name.ToLowerInvariant()} rows; use more rows or a larger fraction",
                    $"fractions.{name}");
        return (train, validation, test);
    }

    static void Share(double value, string name, bool mayBeZero)
    {
        if (!(mayBeZero ? value >= 0 : value > 0) || value >= 1)
            throw new ArgumentOutOfRangeException($"fractions.{name}", value,
                $"the {name.ToLowerInvariant()} fraction must be {(mayBeZero ? "0 or more" : "more than 0")} and less than 1, not {value.ToString(CultureInfo.InvariantCulture)}");
    }
}
