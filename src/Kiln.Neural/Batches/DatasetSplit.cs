using Kiln.Data;
using Kiln.Learn.ModelSelection;

namespace Kiln.Neural.Batches;

/// <summary>
/// Divides a dataset of classes into a training and a validation part (Keras' validation_split with subset="both"),
/// keeping each class's share in both, the same way for the same seed.
/// </summary>
public static class DatasetSplit
{
    /// <summary>
    /// Holds out <paramref name="validationFraction"/> of the rows, class by class, drawn with
    /// <paramref name="seed"/>; both parts keep the dataset's row order. <paramref name="classNames"/> name the classes in
    /// errors (a class with one row cannot be split).
    /// </summary>
    public static (Subset Train, Subset Validation) Stratified(IDataset dataset, double validationFraction, long seed = 0, IReadOnlyList<string>? classNames = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (!(validationFraction > 0 && validationFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(validationFraction), validationFraction, "the validation fraction must be between 0 and 1, both excluded");
        var classes = dataset.RowClasses ?? throw new ArgumentException("a stratified split needs a dataset whose targets are classes", nameof(dataset));
        var held = (int)Math.Ceiling(validationFraction * dataset.Count);
        var classCount = classes.Distinct().Count();
        if (held < classCount || dataset.Count - held < classCount)
            throw new ArgumentException(
                $"a validation fraction of {validationFraction.ToString(System.Globalization.CultureInfo.InvariantCulture)} holds out {held} of {dataset.Count} rows, " +
                $"but both parts need a row of each of the {classCount} classes", nameof(validationFraction));
        string Name(int c) => classNames is not null && c < classNames.Count ? classNames[c] : c.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var target = new StringColumn("class", [.. classes.Select(c => (string?)Name(c))]);
        var fold = new StratifiedShuffleSplit(Splits: 1, TestSize: validationFraction, Seed: seed).Split(dataset.Count, target).Single();
        return (new Subset(dataset, [.. fold.Train.Order()]), new Subset(dataset, [.. fold.Test.Order()]));
    }
}
