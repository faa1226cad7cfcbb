
namespace Kiln.Learn.Imbalance;

/// <summary>The row counts SMOTE and its variants need before they can look for neighbours.</summary>
internal static class SmoteChecks
{
    /// <summary>A class to over-sample needs k neighbours besides each of its rows.</summary>
    public static void EnoughRows(ClassLabels labels, int code, string target, int k, string estimator)
    {
        if (labels.Counts[code] > k) return;
        throw new ArgumentException(
            $"{estimator}: class '{labels.Name(code)}' of '{target}' has {labels.Counts[code]} row{(labels.Counts[code] == 1 ? "" : "s")}; " +
            $"k-neighbors = {k} needs at least {k + 1} (lower k-neighbors or gather more rows of the class)", "kNeighbors");
    }
}
