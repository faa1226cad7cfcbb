namespace Kiln.Data;

/// <summary>Pairwise correlation of numeric columns (pandas' <c>corr()</c>).</summary>
public sealed partial class Frame
{
    /// <summary>
    /// Pearson correlation between every pair of numeric columns (float64, int64, bool as 0/1), each pair over
    /// the rows where both are present (pairwise complete observations, as pandas does). A pair with fewer
    /// than two such rows, or a constant column, gives NaN.
    /// </summary>
    public CorrelationMatrix Correlation(params string[] columns)
    {
        var names = columns.Length > 0 ? columns : [.. _columns.Where(c => c.Type.IsNumeric()).Select(c => c.Name)];
        var values = Array.ConvertAll(names, n => NumericColumn(n).Values.ToArray());
        var size = names.Length;
        var matrix = new double[size * size];
        var pairs = new List<(int, int)>();
        for (var i = 0; i < size; i++)
            for (var j = i; j < size; j++) pairs.Add((i, j));
        Parallel.For(0, pairs.Count, p =>
        {
            var (i, j) = pairs[p];
            matrix[i * size + j] = matrix[j * size + i] = Pearson(values[i], values[j]);
        });
        return new CorrelationMatrix(names, matrix);
    }

    static double Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        // two passes over the shared rows: means first, then centred products, for accuracy
        double sumX = 0, sumY = 0;
        long count = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (double.IsNaN(x[i]) || double.IsNaN(y[i])) continue;
            sumX += x[i];
            sumY += y[i];
            count++;
        }
        if (count < 2) return double.NaN;
        double meanX = sumX / count, meanY = sumY / count, xx = 0, yy = 0, xy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (double.IsNaN(x[i]) || double.IsNaN(y[i])) continue;
            double dx = x[i] - meanX, dy = y[i] - meanY;
            xx += dx * dx;
            yy += dy * dy;
            xy += dx * dy;
        }
        if (xx == 0 || yy == 0) return double.NaN;
        return Math.Clamp(xy / Math.Sqrt(xx * yy), -1, 1);
    }
}
