using Kiln.Data;
using Kiln.Learn;
using Kiln.Learn.Preparation;
using Kiln.Plots;

namespace Kiln.Cli;

/// <summary>
/// Writes a preparation's files into a folder all at once: everything goes to a sibling staging folder first, which
/// then replaces the target, so an error or a cancel never leaves half the files behind.
/// </summary>
public static class PreparedFolder
{
    public const string PackageFile = "preprocessing.kiln";

    public sealed record SplitRows(int Train, int Validation, int Test);

    public sealed record Summary(string Folder, string Target, string Task, SplitRows Rows, int DuplicatesDropped, int OutliersDropped,
        IReadOnlyList<DroppedColumn> DroppedColumns, IReadOnlyList<string> OutputColumns, IReadOnlyDictionary<string, IReadOnlyList<ValueCount>> Classes,
        IReadOnlyList<string> Files);

    public static Summary Write(PreparationResult result, string folder)
    {
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any() && !File.Exists(Path.Combine(folder, PackageFile)))
            throw new ArgumentException($"--out {folder} holds other files; give an empty folder or one an earlier prep wrote (it is replaced)");
        var parent = Path.GetDirectoryName(folder)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(folder)}.{Guid.NewGuid():N}.partial");
        Directory.CreateDirectory(staging);
        try
        {
            foreach (var split in new[] { result.Train, result.Validation, result.Test })
                split.Prepared.WriteCsv(Path.Combine(staging, $"{split.Name}.csv"));
            ModelPackage.Save(result.Pipeline, Path.Combine(staging, PackageFile),
                new PackageInfo { DataFingerprint = DataFingerprint.Of(result.Train.Raw), Seed = result.Options.Seed });
            PreparationReport.Build(result).Save(Path.Combine(staging, "report.html"));
            AtomicFile.WriteAllText(Path.Combine(staging, "README.md"), PreparationReadme.Write(result, PackageFile));
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            Directory.Move(staging, folder);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
        return new Summary(folder, result.Options.Target, result.Task,
            new SplitRows(result.Train.Prepared.RowCount, result.Validation.Prepared.RowCount, result.Test.Prepared.RowCount),
            result.DuplicatesDropped, result.Outliers?.DroppedCount ?? 0, result.DroppedColumns, result.Pipeline.OutputNames,
            new Dictionary<string, IReadOnlyList<ValueCount>> { ["train"] = result.Train.Classes, ["validation"] = result.Validation.Classes, ["test"] = result.Test.Classes },
            [.. Directory.GetFiles(folder).Select(Path.GetFileName).Order()!]);
    }
}
