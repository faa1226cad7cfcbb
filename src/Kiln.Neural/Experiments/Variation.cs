namespace Kiln.Neural.Experiments;

/// <summary>
/// What an experiment varies: keys with their values, written <c>layers=1,2,3;units=64,128;optimizer=sgd,adam</c>.
/// Keys: <c>layers</c> (how many hidden dense layers), <c>units</c> (their width), <c>activation</c> (theirs),
/// <c>dropout</c> (after each of them), <c>l2</c> (kernel penalty of every layer with a kernel), <c>optimizer</c> (with
/// its defaults), <c>lr</c>, <c>batch-size</c>, <c>epochs</c> and <c>early-stopping</c> (off or a patience).
/// </summary>
public sealed class Variation
{
    Variation(IReadOnlyList<VariedSetting> settings) => Settings = settings;

    /// <summary>Every key a variation may hold.</summary>
    public static IReadOnlyList<string> Keys => VariationKeys.Names;

    /// <summary>The keys in the order given, each with its values.</summary>
    public IReadOnlyList<VariedSetting> Settings { get; }

    /// <summary>Reads <paramref name="text"/>; <paramref name="source"/> (e.g. "--vary") starts every error, which names the bad key or value.</summary>
    public static Variation Parse(string text, string source = "variation")
    {
        ArgumentNullException.ThrowIfNull(text);
        var settings = new List<VariedSetting>();
        foreach (var part in text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=');
            if (equals < 0) throw new ArgumentException($"{source}: '{part}' has no '='; write key=value,value (e.g. units=64,128)", nameof(text));
            var name = part[..equals].Trim();
            var key = VariationKeys.Named(name)
                ?? throw new ArgumentException($"{source}: unknown key '{name}'; it takes {string.Join(", ", Keys)}", nameof(text));
            if (settings.Any(s => s.Key == key.Name)) throw new ArgumentException($"{source}: '{key.Name}' is given twice; list all its values once", nameof(text));
            var values = new List<string>();
            foreach (var given in part[(equals + 1)..].Split(',', StringSplitOptions.TrimEntries))
            {
                var value = given.Length == 0 ? null : key.Normalise(given);
                if (value is null) throw new ArgumentException($"{source}: '{key.Name}' value '{given}' is not {key.Expected}", nameof(text));
                if (values.Contains(value)) throw new ArgumentException($"{source}: '{key.Name}' lists {value} twice", nameof(text));
                values.Add(value);
            }
            settings.Add(new VariedSetting(key.Name, values));
        }
        if (settings.Count == 0) throw new ArgumentException($"{source}: nothing to vary; give key=value,value;… with keys {string.Join(", ", Keys)}", nameof(text));
        return new Variation(settings);
    }

    public override string ToString() => string.Join(";", Settings.Select(s => $"{s.Key}={string.Join(",", s.Values)}"));
}
