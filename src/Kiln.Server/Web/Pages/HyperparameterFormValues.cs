using Kiln.Learn;

namespace Kiln.Server.Web.Pages;

/// <summary>
/// The Train page's hyperparameter values, kept per algorithm, so switching algorithms never silently drops what was typed:
/// coming back to an algorithm shows its values again, and a value changed on one algorithm is carried, visibly in the form,
/// to a same-named parameter of the next one opened. What is queued is always the shown algorithm's values.
/// </summary>
public sealed class HyperparameterFormValues
{
    readonly Dictionary<string, (CatalogEntry Entry, Dictionary<string, string> Values)> _byAlgorithm = new(StringComparer.Ordinal);
    string? _current;

    /// <summary>
    /// Opens <paramref name="entry"/>'s values: those last shown for it, or its defaults with the values changed on the
    /// algorithm shown before carried over. The dictionary returned is the one the form edits.
    /// </summary>
    public Dictionary<string, string> Open(CatalogEntry entry)
    {
        if (!_byAlgorithm.TryGetValue(entry.Name, out var state))
        {
            var values = entry.Parameters.ToDictionary(p => p.Name, TrainParameterField.DefaultText, StringComparer.Ordinal);
            if (_current is not null)
                foreach (var (name, value) in Changed(_current))
                    if (values.ContainsKey(name) && name != "seed") values[name] = value;
            state = (entry, values);
            _byAlgorithm[entry.Name] = state;
        }
        _current = entry.Name;
        return state.Values;
    }

    /// <summary>The values of <paramref name="algorithm"/> that differ from its catalog defaults, as the job request takes them.</summary>
    public Dictionary<string, string> Changed(string algorithm)
    {
        var (entry, values) = _byAlgorithm[algorithm];
        return entry.Parameters.Where(p => values.TryGetValue(p.Name, out var v) && v != TrainParameterField.DefaultText(p))
            .ToDictionary(p => p.Name, p => values[p.Name], StringComparer.Ordinal);
    }
}
