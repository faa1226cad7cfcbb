using System.Globalization;
using Kiln.Data;

namespace Kiln.Learn.Preprocessing;

/// <summary>
/// The distinct values one categorical column held at fit time, sorted (text ordinally, numbers by value),
/// with how often each occurred; and the lookup from a column's rows to their positions among them.
/// Encoders and the most-frequent imputer share it so that every one of them orders and matches categories alike.
/// </summary>
internal sealed class CategoryLevels
{
    /// <summary>A row whose value was not seen at fit time.</summary>
    public const int Unknown = -1;

    /// <summary>A row with no value.</summary>
    public const int Missing = -2;

    /// <summary>How a missing value is named among category labels (as frames print it).</summary>
    public const string MissingLabel = "<NA>";

    readonly string[]? _texts;
    readonly double[]? _numbers;
    readonly long[] _counts;

    CategoryLevels(DataType type, string[]? texts, double[]? numbers, long[] counts, long missingCount)
    {
        Type = type;
        _texts = texts;
        _numbers = numbers;
        _counts = counts;
        MissingCount = missingCount;
    }

    /// <summary>The column's type at fit time, which decides how numeric levels are labelled.</summary>
    public DataType Type { get; }

    public int Count => _counts.Length;

    /// <summary>Rows per level, in level order.</summary>
    public ReadOnlySpan<long> Counts => _counts;

    /// <summary>Rows that had no value at fit time.</summary>
    public long MissingCount { get; }

    public bool IsText => _texts is not null;

    /// <summary>The level as text: the string itself, an integer without decimals, a bool as True/False.</summary>
    public string Label(int level) => _texts is not null ? _texts[level] : Type switch
    {
        DataType.Bool => _numbers![level] != 0 ? "True" : "False",
        DataType.Int64 => ((long)_numbers![level]).ToString(CultureInfo.InvariantCulture),
        _ => _numbers![level].ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>The numeric value of a level of a numeric column.</summary>
    public double Number(int level) => _numbers![level];

    /// <summary>The text of a level of a text column.</summary>
    public string Text(int level) => _texts![level];

    /// <summary>Counts the distinct values of a text, integer, bool or float column; NaN and missing rows are counted apart.</summary>
    public static CategoryLevels Fit(Column column, string estimator)
    {
        if (column is StringColumn text) return FitText(text);
        if (!column.Type.IsNumeric())
            throw new SchemaMismatchException(
                $"{estimator}: column '{column.Name}' is {column.Type.Name()}; it takes text, integer, bool or float columns");
        var values = column.AsFloat64().Values;
        var counts = new Dictionary<double, long>();
        long missing = 0;
        foreach (var v in values)
        {
            if (double.IsNaN(v)) { missing++; continue; }
            counts[v] = counts.GetValueOrDefault(v) + 1;
        }
        var numbers = new double[counts.Count];
        counts.Keys.CopyTo(numbers, 0);
        Array.Sort(numbers);
        var sortedCounts = new long[numbers.Length];
        for (var i = 0; i < numbers.Length; i++) sortedCounts[i] = counts[numbers[i]];
        return new CategoryLevels(column.Type, null, numbers, sortedCounts, missing);
    }

    static CategoryLevels FitText(StringColumn column)
    {
        var categories = column.Categories;
        var perCode = new long[categories.Count];
        long missing = 0;
        foreach (var code in column.Codes)
        {
            if (code < 0) missing++;
            else perCode[code]++;
        }
        // a dictionary may hold unused entries (after a filter) or, after a concat, one text twice: merge by text
        var byText = new SortedDictionary<string, long>(StringComparer.Ordinal);
        for (var c = 0; c < perCode.Length; c++)
            if (perCode[c] > 0) byText[categories[c]] = byText.GetValueOrDefault(categories[c]) + perCode[c];
        var texts = new string[byText.Count];
        var counts = new long[byText.Count];
        var i = 0;
        foreach (var (value, count) in byText)
        {
            texts[i] = value;
            counts[i++] = count;
        }
        return new CategoryLevels(DataType.String, texts, null, counts, missing);
    }

    /// <summary>Each row's level, or <see cref="Unknown"/> or <see cref="Missing"/>.</summary>
    public int[] Lookup(Column column)
    {
        var levels = new int[column.Length];
        if (_texts is not null)
        {
            if (column is not StringColumn text)
                throw new SchemaMismatchException($"column '{column.Name}' was text when fitted but is {column.Type.Name()} now");
            var map = CodeMap(text);
            var codes = text.Codes;
            for (var i = 0; i < levels.Length; i++)
                levels[i] = codes[i] < 0 ? Missing : map[codes[i]];
            return levels;
        }
        if (!column.Type.IsNumeric())
            throw new SchemaMismatchException($"column '{column.Name}' was {Type.Name()} when fitted but is {column.Type.Name()} now");
        var values = column.AsFloat64().Values;
        ReadOnlySpan<double> numbers = _numbers;
        for (var i = 0; i < levels.Length; i++)
        {
            var v = values[i];
            if (double.IsNaN(v)) { levels[i] = Missing; continue; }
            var found = numbers.BinarySearch(v);
            levels[i] = found >= 0 ? found : Unknown;
        }
        return levels;
    }

    /// <summary>The level of each entry of a text column's dictionary (<see cref="Unknown"/> where unseen), so rows map by code.</summary>
    int[] CodeMap(StringColumn column)
    {
        var categories = column.Categories;
        var map = new int[categories.Count];
        for (var c = 0; c < map.Length; c++)
        {
            var found = Array.BinarySearch(_texts!, categories[c], StringComparer.Ordinal);
            map[c] = found >= 0 ? found : Unknown;
        }
        return map;
    }

    /// <summary>The level with the most rows; ties go to the smallest value, as scikit-learn's most-frequent does.</summary>
    public int MostFrequent()
    {
        var best = -1;
        for (var i = 0; i < _counts.Length; i++)
            if (best < 0 || _counts[i] > _counts[best]) best = i;
        return best;
    }

    public void Save(ModelWriter writer)
    {
        writer.Write("type", Type.Name());
        if (_texts is not null) writer.Write("texts", _texts);
        else writer.Write("numbers", _numbers);
        writer.Write("counts", _counts);
        writer.Write("missing-count", MissingCount);
    }

    public static CategoryLevels Load(ModelReader reader)
    {
        var type = DataTypeNames.Parse(reader.ReadString("type"));
        var counts = reader.ReadInt64s("counts");
        var missing = reader.ReadInt64("missing-count");
        if (type == DataType.String)
        {
            var texts = reader.ReadStrings("texts");
            if (texts.Length != counts.Length || Array.IndexOf(texts, null) >= 0)
                throw new InvalidDataException("model package: category texts and counts differ in number or hold a null");
            return new CategoryLevels(type, texts!, null, counts, missing);
        }
        var numbers = reader.ReadDoubles("numbers");
        if (numbers.Length != counts.Length)
            throw new InvalidDataException("model package: category values and counts differ in number");
        return new CategoryLevels(type, null, numbers, counts, missing);
    }

    /// <summary>Levels of every column, one section each, under <paramref name="key"/>.</summary>
    public static void SaveAll(ModelWriter writer, string key, IReadOnlyList<CategoryLevels> levels)
    {
        var section = writer.Section(key);
        section.Write("count", levels.Count);
        for (var j = 0; j < levels.Count; j++) levels[j].Save(section.Section(j.ToString(CultureInfo.InvariantCulture)));
    }

    public static CategoryLevels[] LoadAll(ModelReader reader, string key)
    {
        var section = reader.Section(key);
        var count = section.ReadInt32("count");
        if (count != reader.Schema.Columns.Count)
            throw new InvalidDataException($"model package: categories for {count} columns but the schema has {reader.Schema.Columns.Count}");
        var levels = new CategoryLevels[count];
        for (var j = 0; j < count; j++) levels[j] = Load(section.Section(j.ToString(CultureInfo.InvariantCulture)));
        return levels;
    }
}
