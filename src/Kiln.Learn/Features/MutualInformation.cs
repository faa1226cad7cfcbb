using Kiln.Learn.Preprocessing;

namespace Kiln.Learn.Features;

/// <summary>
/// Mutual information between continuous columns and a target by Kraskov's k-nearest-neighbour estimator, as
/// scikit-learn's mutual_info_classif / mutual_info_regression: columns (and a numeric target) are scaled to unit
/// standard deviation and jittered by 1e-10 of their mean magnitude with seeded Gaussian noise, which breaks ties.
/// scikit-learn draws that noise from NumPy's generator, so results agree with it exactly on data without tied values.
/// </summary>
internal static class MutualInformation
{
    public static double[] WithClasses(IReadOnlyList<double[]> columns, ClassLabels labels, int neighbors, int seed)
    {
        var random = new Random(seed);
        var jittered = Jitter(columns, random);
        var scores = new double[columns.Count];
        Parallel.For(0, columns.Count, j => scores[j] = ContinuousWithDiscrete(jittered[j], labels, neighbors));
        return scores;
    }

    public static double[] WithTarget(IReadOnlyList<double[]> columns, double[] target, int neighbors, int seed)
    {
        var random = new Random(seed);
        var jittered = Jitter(columns, random);
        var y = Jitter([target], random)[0];
        var scores = new double[columns.Count];
        Parallel.For(0, columns.Count, j => scores[j] = ContinuousWithContinuous(jittered[j], y, neighbors));
        return scores;
    }

    /// <summary>Each column divided by its standard deviation plus 1e-10·max(1, mean |x|) of standard Gaussian noise, drawn column after column.</summary>
    static double[][] Jitter(IReadOnlyList<double[]> columns, Random random)
    {
        var result = new double[columns.Count][];
        for (var j = 0; j < columns.Count; j++)
        {
            var values = columns[j];
            var (_, variance, _) = MissingValues.Moments(values);
            var scale = variance > 0 ? Math.Sqrt(variance) : 1;
            var scaled = new double[values.Length];
            double magnitude = 0;
            for (var i = 0; i < values.Length; i++)
            {
                scaled[i] = values[i] / scale;
                magnitude += Math.Abs(scaled[i]);
            }
            var amplitude = 1e-10 * Math.Max(1, magnitude / values.Length);
            for (var i = 0; i < values.Length; i++) scaled[i] += amplitude * Gaussian(random);
            result[j] = scaled;
        }
        return result;
    }

    static double Gaussian(Random random)
    {
        // Box–Muller; 1 − U keeps the logarithm's argument in (0, 1]
        var u = 1 - random.NextDouble();
        var v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }

    /// <summary>scikit-learn's _compute_mi_cd: k-th neighbour radius within each class, counted over all rows.</summary>
    static double ContinuousWithDiscrete(double[] values, ClassLabels labels, int neighbors)
    {
        var rows = values.Length;
        var byClass = new List<int>[labels.Count];
        for (var c = 0; c < byClass.Length; c++) byClass[c] = [];
        for (var i = 0; i < rows; i++) byClass[labels.CodeOfRow[i]].Add(i);
        var radius = new double[rows];
        var kOfRow = new int[rows];
        var kept = new List<double>(rows);
        var keptRows = new List<int>(rows);
        foreach (var members in byClass)
        {
            // rows whose label occurs once have no neighbour of their class and are left out, as scikit-learn does
            if (members.Count <= 1) continue;
            var k = Math.Min(neighbors, members.Count - 1);
            var sorted = new double[members.Count];
            for (var m = 0; m < sorted.Length; m++) sorted[m] = values[members[m]];
            Array.Sort(sorted);
            foreach (var row in members)
            {
                radius[row] = Math.BitDecrement(KthNeighborDistance(sorted, values[row], k));
                kOfRow[row] = k;
                kept.Add(values[row]);
                keptRows.Add(row);
            }
        }
        var n = keptRows.Count;
        if (n == 0) return 0;
        var all = kept.ToArray();
        Array.Sort(all);
        double digammaK = 0, digammaLabels = 0, digammaM = 0;
        foreach (var row in keptRows)
        {
            digammaK += SpecialFunctions.Digamma(kOfRow[row]);
            digammaLabels += SpecialFunctions.Digamma(labels.Counts[labels.CodeOfRow[row]]);
            digammaM += SpecialFunctions.Digamma(CountWithin(all, values[row], radius[row]));
        }
        var mi = SpecialFunctions.Digamma(n) + (digammaK - digammaLabels - digammaM) / n;
        return Math.Max(0, mi);
    }

    /// <summary>scikit-learn's _compute_mi_cc: k-th neighbour radius in the max-norm of (x, y), counted along each axis.</summary>
    static double ContinuousWithContinuous(double[] x, double[] y, int neighbors)
    {
        var rows = x.Length;
        var k = Math.Min(neighbors, rows - 1);
        if (k < 1) return 0;
        var order = new int[rows];
        for (var i = 0; i < rows; i++) order[i] = i;
        var sortedX = (double[])x.Clone();
        Array.Sort(sortedX, order);
        var sortedY = (double[])y.Clone();
        Array.Sort(sortedY);
        double sumX = 0, sumY = 0;
        var nearest = new double[k];
        for (var position = 0; position < rows; position++)
        {
            var row = order[position];
            var r = Math.BitDecrement(KthChebyshevDistance(sortedX, order, y, position, k, nearest));
            sumX += SpecialFunctions.Digamma(CountWithin(sortedX, x[row], r));
            sumY += SpecialFunctions.Digamma(CountWithin(sortedY, y[row], r));
        }
        var mi = SpecialFunctions.Digamma(rows) + SpecialFunctions.Digamma(k) - sumX / rows - sumY / rows;
        return Math.Max(0, mi);
    }

    /// <summary>The distance from <paramref name="value"/> (one of the sorted values) to its k-th nearest other value.</summary>
    static double KthNeighborDistance(double[] sorted, double value, int k)
    {
        var self = Array.BinarySearch(sorted, value);
        int left = self - 1, right = self + 1;
        var distance = 0.0;
        for (var found = 0; found < k; found++)
        {
            var leftDistance = left >= 0 ? value - sorted[left] : double.PositiveInfinity;
            var rightDistance = right < sorted.Length ? sorted[right] - value : double.PositiveInfinity;
            if (leftDistance <= rightDistance) { distance = leftDistance; left--; }
            else { distance = rightDistance; right++; }
        }
        return distance;
    }

    /// <summary>
    /// The k-th smallest max-norm distance from the point at <paramref name="position"/> of the x-sorted order to the
    /// others, scanning outwards in x until the x gap alone exceeds the k-th best.
    /// </summary>
    static double KthChebyshevDistance(double[] sortedX, int[] order, double[] y, int position, int k, double[] nearest)
    {
        nearest.AsSpan().Fill(double.PositiveInfinity);
        var x0 = sortedX[position];
        var y0 = y[order[position]];
        int left = position - 1, right = position + 1;
        while (left >= 0 || right < sortedX.Length)
        {
            var leftGap = left >= 0 ? x0 - sortedX[left] : double.PositiveInfinity;
            var rightGap = right < sortedX.Length ? sortedX[right] - x0 : double.PositiveInfinity;
            var takeLeft = leftGap <= rightGap;
            var gap = takeLeft ? leftGap : rightGap;
            if (gap > nearest[k - 1]) break;
            var other = takeLeft ? order[left--] : order[right++];
            var distance = Math.Max(gap, Math.Abs(y[other] - y0));
            Insert(nearest, distance);
        }
        return nearest[k - 1];
    }

    /// <summary>Keeps the k smallest distances sorted ascending.</summary>
    static void Insert(double[] nearest, double distance)
    {
        var i = nearest.Length - 1;
        if (distance >= nearest[i]) return;
        while (i > 0 && nearest[i - 1] > distance)
        {
            nearest[i] = nearest[i - 1];
            i--;
        }
        nearest[i] = distance;
    }

    /// <summary>
    /// How many sorted values lie within <paramref name="radius"/> of <paramref name="center"/>, ends included (itself too).
    /// The binary searches only find the neighbourhood: the ends are settled on |value − center| as a KD-tree measures it,
    /// since center ± radius can round onto a value just outside.
    /// </summary>
    static int CountWithin(double[] sorted, double center, double radius)
    {
        var low = LowerBound(sorted, center - radius);
        while (low < sorted.Length && center - sorted[low] > radius) low++;
        while (low > 0 && center - sorted[low - 1] <= radius) low--;
        var high = UpperBound(sorted, center + radius);
        while (high > 0 && sorted[high - 1] - center > radius) high--;
        while (high < sorted.Length && sorted[high] - center <= radius) high++;
        return high - low;
    }

    static int LowerBound(double[] sorted, double value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (sorted[middle] < value) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    static int UpperBound(double[] sorted, double value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (sorted[middle] <= value) low = middle + 1;
            else high = middle;
        }
        return low;
    }
}
