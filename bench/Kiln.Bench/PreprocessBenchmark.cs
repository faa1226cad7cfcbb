using Kiln.Data;
using Kiln.Learn.Compose;
using Kiln.Learn.Preprocessing;
using static Kiln.Bench.Timing;

namespace Kiln.Bench;

/// <summary>
/// The preprocessing ColumnTransformer of bench/preprocess-vs-sklearn.sh: mean imputation and standard scaling of the
/// numeric columns, one-hot encoding of the text columns, fitted and applied to the whole frame.
/// </summary>
public static class PreprocessBenchmark
{
    public static void Run(string path, int runs)
    {
        var frame = Frame.ReadCsv(path);
        string[] numeric = [.. frame.ColumnNames.Where(n => n.StartsWith('x'))];
        string[] text = [.. frame.ColumnNames.Where(n => n.StartsWith("cat", StringComparison.Ordinal))];
        var transformer = new ColumnTransformer(
            new ColumnTransformerPart("numeric", Pipeline.Of(new SimpleImputer(), new StandardScaler()), ColumnSelector.ByName(numeric)),
            new ColumnTransformerPart("text", new OneHotEncoder { HandleUnknown = UnknownCategoryHandling.Ignore }, ColumnSelector.ByName(text)));
        Frame output = null!;
        Report("column_transformer", Best(runs, () => output = transformer.Fit(frame).Transform(frame)));
        Report("output_columns", output.ColumnCount);
    }
}
