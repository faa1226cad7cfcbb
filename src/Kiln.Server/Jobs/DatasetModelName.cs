using System.Text;

namespace Kiln.Server.Jobs;

/// <summary>
/// The model name the Run page offers when registering a run's model: the dataset's name, since a registry holds one model
/// per problem and its versions may come from different algorithms.
/// </summary>
public static class DatasetModelName
{
    /// <summary>
    /// <paramref name="dataset"/> without its file extension, lower case, with every run of characters other than letters,
    /// digits, dashes and underscores made one dash; null when nothing is left.
    /// </summary>
    public static string? From(string? dataset)
    {
        if (string.IsNullOrWhiteSpace(dataset)) return null;
        var stem = Path.GetExtension(dataset) is { Length: > 1 } ? dataset[..^Path.GetExtension(dataset).Length] : dataset;
        var name = new StringBuilder();
        foreach (var c in stem.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_') name.Append(c);
            else if (name.Length > 0 && name[^1] != '-') name.Append('-');
        }
        var text = name.ToString().Trim('-');
        return text.Length == 0 ? null : text;
    }
}
