namespace Kiln.Cli;

/// <summary>Repeatable <c>name=value</c> options (<c>--param C=0.5</c>, <c>--tag team=crm</c>) read into a dictionary.</summary>
public static class KeyValueOptions
{
    public static Dictionary<string, string> Parse(IEnumerable<string> pairs, string option, string example)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0) throw new ArgumentException($"{option} '{pair}' is not name=value (for example {example})");
            values[pair[..equals].Trim()] = pair[(equals + 1)..].Trim();
        }
        return values;
    }
}
