using System.Buffers;
using System.Numerics.Tensors;

namespace Kiln.Data;

/// <summary>Summary statistics per column (pandas' <c>describe()</c>).</summary>
public sealed partial class Frame
{
    /// <summary>
    /// Describes the numeric columns, or every column when there are none (pandas' default). Quartiles are
    /// found by selection rather than sorting and columns are described in parallel. Unlike pandas, bool and
    /// datetime columns get count/unique/top/freq.
    /// </summary>
    public FrameDescription Describe()
    {
        var numeric = _columns.Where(c => c.Type.IsNumber()).Select(c => c.Name).ToArray();
        return Describe(numeric.Length > 0 ? numeric : [.. ColumnNames]);
    }

    /// <summary>Describes the named columns (all of them: pandas' <c>include="all"</c>), numeric or not.</summary>
    public FrameDescription Describe(params string[] columns)
    {
        var described = Array.ConvertAll(columns, n => this[n]);
        var summaries = new ColumnSummary[described.Length];
        Parallel.For(0, described.Length, i => summaries[i] = Summarise(described[i]));
        return new FrameDescription(summaries);
    }

    static readonly double[] Quartiles = [0.25, 0.5, 0.75];

    static ColumnSummary Summarise(Column column)
    {
        var count = column.Length - column.MissingCount;
        if (!column.Type.IsNumber())
        {
            var groups = RowGroups.Build([column], missingIsAValue: false);
            if (groups.Count == 0) return new ColumnSummary(column.Name, column.Type, count) { Unique = 0 };
            var sizes = groups.Sizes();
            // group ids follow first appearance, so the first largest group is the earliest-seen top value
            var top = sizes.AsSpan().IndexOf(sizes.Max());
            return new ColumnSummary(column.Name, column.Type, count)
            {
                Unique = groups.Count,
                Top = column.Format(groups.FirstRow[top]),
                Frequency = (int)sizes[top],
            };
        }
        // a pooled scratch copy: selection reorders it, and fresh 8 MB arrays per column would churn the large-object heap
        var buffer = ArrayPool<double>.Shared.Rent(column.Length);
        try
        {
            return SummariseNumbers(column, buffer.AsSpan(0, ColumnStatistics.CopyPresent(column, buffer)));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    static ColumnSummary SummariseNumbers(Column column, Span<double> present)
    {
        var count = present.Length;
        if (count == 0) return new ColumnSummary(column.Name, column.Type, 0);
        var mean = ColumnStatistics.Mean(present);
        var std = ColumnStatistics.SampleStd(present, mean);
        var (min, max) = (TensorPrimitives.Min(present), TensorPrimitives.Max(present));
        Span<double> quartiles = stackalloc double[3];
        Quantiles.Linear(present, Quartiles, quartiles);
        return new ColumnSummary(column.Name, column.Type, count)
        {
            Mean = mean,
            Std = double.IsNaN(std) ? null : std,
            Min = min,
            LowerQuartile = quartiles[0],
            Median = quartiles[1],
            UpperQuartile = quartiles[2],
            Max = max,
        };
    }
}
