namespace Kiln.Data;

/// <summary>Conversion to a dense float matrix for learners.</summary>
public sealed partial class Frame
{
    /// <summary>
    /// The named columns (every column when none are named) as a dense matrix: numeric and bool columns give
    /// one feature each; string columns are one-hot encoded, one feature per category some row uses, in
    /// ordinal order (as pandas' <c>get_dummies</c>). A missing value is an error naming the column and row.
    /// </summary>
    public FeatureMatrix ToFeatureMatrix(params string[] columns) => ToFeatureMatrix(columns, keepMissing: false);

    /// <summary>As <see cref="ToFeatureMatrix(string[])"/>; with <paramref name="keepMissing"/> a missing value becomes NaN (in every feature of a one-hot column).</summary>
    public FeatureMatrix ToFeatureMatrix(string[] columns, bool keepMissing)
    {
        var sources = columns.Length == 0 ? _columns : Array.ConvertAll(columns, n => this[n]);
        var features = new List<Feature>();
        var plans = new FeaturePlan[sources.Length];
        for (var c = 0; c < sources.Length; c++)
        {
            var column = sources[c];
            if (!keepMissing && column.MissingCount > 0)
            {
                var row = 0;
                while (!column.IsMissing(row)) row++;
                throw new InvalidOperationException(
                    $"column '{column.Name}' is missing a value at row {row}; fill or drop missing values first, or keep them as NaN");
            }
            plans[c] = column switch
            {
                StringColumn strings => OneHotPlan(strings, features),
                _ when column.Type.IsNumeric() => new FeaturePlan(features.Count, column.AsFloat64(), null, null),
                _ => throw new InvalidOperationException(
                    $"column '{column.Name}' is {column.Type.Name()}; derive numeric features from it (or drop it) first"),
            };
            if (plans[c].Numbers is not null) features.Add(new Feature(column.Name, column.Name));
        }
        var width = features.Count;
        var values = new double[(long)RowCount * width];
        // blocks small enough that the rows being filled stay in cache while every column writes into them
        const int block = 512;
        // row blocks rather than columns, so no two threads write the same cache lines
        Parallel.For(0, (RowCount + block - 1) / block, b =>
        {
            var end = Math.Min(RowCount, (b + 1) * block);
            foreach (var plan in plans) plan.Write(values, width, b * block, end);
        });
        return new FeatureMatrix(values, RowCount, [.. features]);
    }

    static FeaturePlan OneHotPlan(StringColumn column, List<Feature> features)
    {
        var used = new bool[column.Categories.Count];
        foreach (var code in column.Codes) if (code >= 0) used[code] = true;
        var ranks = RowOrder.CategoryRanks(column.Categories);
        var byRank = new int[ranks.Length];
        for (var c = 0; c < ranks.Length; c++) byRank[ranks[c]] = c;
        var slots = new int[used.Length];
        var first = features.Count;
        foreach (var code in byRank)
        {
            if (!used[code]) continue;
            slots[code] = features.Count - first;
            features.Add(new Feature($"{column.Name}={column.Categories[code]}", column.Name, column.Categories[code]));
        }
        return new FeaturePlan(first, null, column.Codes.ToArray(), slots) { CategoryCount = features.Count - first };
    }

    /// <summary>How one frame column fills its features in a row: a number, or a one-hot slot chosen by code.</summary>
    sealed record FeaturePlan(int Offset, Float64Column? Numbers, int[]? Codes, int[]? Slots)
    {
        public int CategoryCount { get; init; }

        /// <summary>Fills this column's features for rows start..end of a row-major matrix <paramref name="width"/> wide.</summary>
        public void Write(double[] matrix, int width, int start, int end)
        {
            if (Numbers is not null)
            {
                var numbers = Numbers.Values;
                for (var row = start; row < end; row++) matrix[(long)row * width + Offset] = numbers[row];
                return;
            }
            for (var row = start; row < end; row++)
            {
                var code = Codes![row];
                if (code >= 0) matrix[(long)row * width + Offset + Slots![code]] = 1;
                else matrix.AsSpan((int)((long)row * width + Offset), CategoryCount).Fill(double.NaN);
            }
        }
    }
}
