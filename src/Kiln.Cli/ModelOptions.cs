using System.CommandLine;

namespace Kiln.Cli;

/// <summary>The options every command that fits a catalog model on a file shares: which column, which model, its fixed parameters and the seed.</summary>
internal static class ModelOptions
{
    public static readonly Option<string> Target = new("--target") { Description = "The column to predict", Required = true };

    public static readonly Option<string> Model = new("--model") { Description = "The model's catalog name (`kiln models list`)", Required = true };

    public static readonly Option<string[]> Parameters = new("--param")
    {
        Description = "A hyperparameter as name=value; repeatable",
        AllowMultipleArgumentsPerToken = true,
    };

    public static readonly Option<long?> Seed = new("--seed") { Description = "Seed for models that draw random numbers, and for splits and searches" };

    public static readonly Option<int> Folds = new("--cv") { Description = "Cross-validation folds", DefaultValueFactory = _ => 5 };

    public static readonly Option<string> Scoring = new("--scoring")
    {
        Description = "The score to rank by (scikit-learn's scoring names: accuracy, f1_macro, roc_auc, r2, neg_root_mean_squared_error …; default accuracy or r2)",
    };

    public static void AddTo(Command command)
    {
        foreach (var option in new Option[] { Target, Model, Parameters, Seed }) command.Options.Add(option);
    }

    /// <summary>The --param pairs by name, values left as text for the catalog to convert and check.</summary>
    public static Dictionary<string, object?> ParameterValues(ParseResult parseResult) =>
        KeyValueOptions.Parse(parseResult.GetValue(Parameters) ?? [], "--param", "C=0.5").ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal);

    /// <summary>The --param pairs by name, and apart from them the entries that are a bare name with no value.</summary>
    public static (Dictionary<string, object?> Values, List<string> BareNames) SplitParameters(ParseResult parseResult)
    {
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal);
        var bare = new List<string>();
        foreach (var pair in parseResult.GetValue(Parameters) ?? [])
        {
            var equals = pair.IndexOf('=');
            if (equals < 0 && pair.Trim().Length > 0) bare.Add(pair.Trim());
            else if (equals <= 0) throw new ArgumentException($"--param '{pair}' is not name=value (for example C=0.5)");
            else parameters[pair[..equals].Trim()] = pair[(equals + 1)..].Trim();
        }
        return (parameters, bare);
    }

    public static int FoldCount(ParseResult parseResult) =>
        parseResult.GetValue(Folds) is var folds and >= 2 ? folds : throw new ArgumentException($"--cv must be at least 2, not {parseResult.GetValue(Folds)}");
}
