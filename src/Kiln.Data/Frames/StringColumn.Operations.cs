namespace Kiln.Data;

/// <summary>
/// Masks and mapping that work on the dictionary: each test or function runs once per distinct
/// value, then rows are answered by code lookup. A missing value matches nothing, except in <see cref="NotEqualTo"/>.
/// </summary>
public sealed partial class StringColumn
{
    public BoolColumn EqualTo(string value) => Matches(category => category == value);

    public BoolColumn NotEqualTo(string value) => !Matches(category => category == value);

    /// <summary>Rows whose value is one of the given ones (pandas' <c>isin</c>).</summary>
    public BoolColumn IsIn(params string[] values)
    {
        var wanted = new HashSet<string>(values, StringComparer.Ordinal);
        return Matches(wanted.Contains);
    }

    /// <summary>Rows whose value passes a test, e.g. <c>Matches(s =&gt; s.StartsWith("Mr"))</c>.</summary>
    public BoolColumn Matches(Func<string, bool> test)
    {
        var passes = new bool[_categories.Length];
        for (var c = 0; c < passes.Length; c++) passes[c] = test(_categories[c]);
        var result = new bool[_codes.Length];
        for (var i = 0; i < result.Length; i++) result[i] = _codes[i] >= 0 && passes[_codes[i]];
        return new BoolColumn(Name, result);
    }

    /// <summary>
    /// A function over every value (pandas' <c>map</c> with <c>na_action='ignore'</c>): it runs once per
    /// distinct value and missing rows stay missing; returning <c>null</c> makes a value missing.
    /// </summary>
    public StringColumn Apply(Func<string, string?> function)
    {
        var mapped = new string?[_categories.Length];
        for (var c = 0; c < mapped.Length; c++) mapped[c] = function(_categories[c]);
        // several values may map to one, so the new dictionary is rebuilt without repeats
        var lookup = new Dictionary<string, int>(StringComparer.Ordinal);
        var categories = new List<string>();
        var remap = new int[mapped.Length];
        for (var c = 0; c < mapped.Length; c++)
        {
            if (mapped[c] is not { } text) { remap[c] = -1; continue; }
            if (!lookup.TryGetValue(text, out remap[c]))
            {
                remap[c] = categories.Count;
                lookup.Add(text, categories.Count);
                categories.Add(text);
            }
        }
        var codes = new int[_codes.Length];
        for (var i = 0; i < codes.Length; i++) codes[i] = _codes[i] < 0 ? -1 : remap[_codes[i]];
        return new StringColumn(Name, codes, [.. categories]);
    }
}
