namespace Kiln.Data;

/// <summary>Dropping and filling missing values (pandas' <c>dropna</c> and <c>fillna</c>).</summary>
public sealed partial class Frame
{
    /// <summary>Rows without missing values in the given columns (all columns when none are given).</summary>
    public Frame DropMissing(params string[] subset) => DropMissing(MissingRowRule.Any, subset);

    /// <summary>Drops rows where any (or all) of the given columns — every column when none are given — is missing.</summary>
    public Frame DropMissing(MissingRowRule rule, params string[] subset)
    {
        if (!Enum.IsDefined(rule)) throw new ArgumentOutOfRangeException(nameof(rule), rule, "expected Any or All");
        var considered = subset.Length == 0 ? _columns : Array.ConvertAll(subset, n => this[n]);
        var keep = new bool[RowCount];
        for (var row = 0; row < keep.Length; row++)
        {
            var missing = 0;
            foreach (var column in considered) if (column.IsMissing(row)) missing++;
            keep[row] = rule == MissingRowRule.Any ? missing == 0 : missing < considered.Length;
        }
        return Filter(keep);
    }

    /// <summary>
    /// Fills missing values in the given columns, or in every column the fill suits when none are named
    /// (mean and median suit numeric columns, a value suits columns of its type). A named column the fill
    /// does not suit is an error. Filling an int64 column with a mean or median makes it float64, as in pandas.
    /// </summary>
    public Frame FillMissing(MissingFill fill, params string[] columns)
    {
        if (!Enum.IsDefined(fill.Strategy))
            throw new ArgumentOutOfRangeException(nameof(fill), fill.Strategy, "expected Value, Mean, Median, Mode or ForwardFill");
        if (fill.Strategy == FillStrategy.Value && fill.Value is null)
            throw new ArgumentException("filling with a value needs the value: use MissingFill.With(value)", nameof(fill));
        var named = columns.Length > 0;
        var result = this;
        foreach (var column in named ? Array.ConvertAll(columns, n => this[n]) : _columns)
        {
            if (column.MissingCount == 0) continue;
            if (!MissingFilling.Suits(fill, column))
            {
                if (named) throw MissingFilling.Unsuited(fill, column);
                continue;
            }
            result = result.WithColumn(MissingFilling.Fill(column, fill));
        }
        return result;
    }

    /// <summary>Fills each named column its own way, e.g. <c>{ ["age"] = MissingFill.Median, ["port"] = MissingFill.Mode }</c>.</summary>
    public Frame FillMissing(IReadOnlyDictionary<string, MissingFill> fills)
    {
        var result = this;
        foreach (var (name, fill) in fills) result = result.FillMissing(fill, name);
        return result;
    }
}
