using Kiln.Data;

namespace Kiln.Learn.Compose;

/// <summary>
/// Which columns a part of a <see cref="ColumnTransformer"/> takes: by name, by type, numeric, text, or any predicate.
/// It is resolved to concrete names when fitting; the fitted model keeps those names, so it saves and loads by name.
/// </summary>
public sealed class ColumnSelector : IEquatable<ColumnSelector>
{
    readonly string[]? _names;
    readonly DataType[]? _types;
    readonly Func<Column, bool>? _predicate;

    ColumnSelector(string description, string[]? names, DataType[]? types, Func<Column, bool>? predicate)
    {
        Description = description;
        _names = names;
        _types = types;
        _predicate = predicate;
    }

    /// <summary>What it selects, as error messages and reports show it.</summary>
    public string Description { get; }

    /// <summary>The names it selects when it selects by name; <c>null</c> for type and predicate selectors.</summary>
    public IReadOnlyList<string>? Names => _names;

    /// <summary>The named columns, in the order given.</summary>
    public static ColumnSelector ByName(params IEnumerable<string> names)
    {
        string[] list = [.. names];
        if (list.Length == 0) throw new ArgumentException("select at least one column by name", nameof(names));
        var repeated = list.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"'{g.Key}'").ToList();
        if (repeated.Count > 0) throw new ArgumentException($"columns {string.Join(", ", repeated)} are named twice", nameof(names));
        return new($"columns {string.Join(", ", list.Select(n => $"'{n}'"))}", list, null, null);
    }

    /// <summary>Every column of the given types, in frame order.</summary>
    public static ColumnSelector ByType(params IEnumerable<DataType> types)
    {
        DataType[] list = [.. types.Distinct()];
        if (list.Length == 0) throw new ArgumentException("select at least one type", nameof(types));
        return new($"{string.Join(" or ", list.Select(t => t.Name()))} columns", null, list, null);
    }

    /// <summary>Every float64, int64 and bool column.</summary>
    public static ColumnSelector Numeric { get; } = new("numeric columns", null, [DataType.Float64, DataType.Int64, DataType.Bool], null);

    /// <summary>Every string column.</summary>
    public static ColumnSelector Text { get; } = new("text columns", null, [DataType.String], null);

    /// <summary>Every column the predicate accepts, in frame order; <paramref name="description"/> names the rule in errors.</summary>
    public static ColumnSelector Where(string description, Func<Column, bool> predicate)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentNullException.ThrowIfNull(predicate);
        return new(description, null, null, predicate);
    }

    /// <summary>The selected column names; unknown names are an error that names them and lists the frame's columns.</summary>
    public IReadOnlyList<string> Resolve(Frame frame)
    {
        if (_names is not null)
        {
            var unknown = _names.Where(n => !frame.HasColumn(n)).Select(n => $"'{n}'").ToList();
            if (unknown.Count > 0)
                throw new SchemaMismatchException(
                    $"the input has no column {string.Join(", ", unknown)} (columns: {string.Join(", ", frame.ColumnNames)})");
            return _names;
        }
        return [.. frame.Columns.Where(c => _types?.Contains(c.Type) ?? _predicate!(c)).Select(c => c.Name)];
    }

    public bool Equals(ColumnSelector? other) =>
        other is not null
        && Description == other.Description
        && (_names ?? []).SequenceEqual(other._names ?? [])
        && (_types ?? []).SequenceEqual(other._types ?? [])
        && _predicate == other._predicate;

    public override bool Equals(object? obj) => Equals(obj as ColumnSelector);

    public override int GetHashCode() => Description.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Description;
}
