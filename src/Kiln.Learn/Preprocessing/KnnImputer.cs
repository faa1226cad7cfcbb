using Kiln.Data;
using Kiln.Learn.Neighbors;

namespace Kiln.Learn.Preprocessing;

/// <summary>
/// Fills each missing value with the average of that column over the k nearest fitted rows that have it, as
/// scikit-learn's KNNImputer does: distance is the nan-euclidean one (squared differences over the columns both
/// rows have, scaled up by all columns over those present), and a row with no comparable neighbour gets the column mean.
/// </summary>
[Estimator("knn-imputer", EstimatorRole.Transformer, "Fill missing values from the k nearest rows by nan-euclidean distance",
    Capabilities = [Capability.AllowsMissing])]
public sealed record KnnImputer : Estimator<KnnImputerModel>
{
    internal const string Name = "knn-imputer";

    [Parameter("How many neighbours to average", Min = 1)]
    public int NNeighbors { get; init; } = 5;

    [Parameter("Weigh neighbours equally (uniform) or by inverse distance (distance)")]
    public NeighborWeighting Weights { get; init; } = NeighborWeighting.Uniform;

    protected override KnnImputerModel FitCore(Frame features, Column? target, FitContext context)
    {
        var columns = NumericInput.Columns(features, Name);
        var data = new double[columns.Length][];
        var means = new double[columns.Length];
        ColumnParallel.For(columns.Length, j =>
        {
            data[j] = columns[j].Values.ToArray();
            var (sum, count) = MissingValues.PresentSum(data[j]);
            if (count == 0)
                throw new SchemaMismatchException($"{Name}: column '{columns[j].Name}' has no values at all, so no neighbour can fill it; drop the column");
            means[j] = sum / count;
        });
        return new KnnImputerModel(this, InputSchema.Of(features), data, means);
    }
}

/// <summary>A fitted <see cref="KnnImputer"/>: the fitted rows, which are the donors, and each column's mean.</summary>
public sealed class KnnImputerModel : TransformerModel
{
    readonly double[][] _donors;
    readonly double[] _means;

    internal KnnImputerModel(KnnImputer estimator, InputSchema schema, double[][] donors, double[] means) : base(estimator, schema)
    {
        _donors = donors;
        _means = means;
    }

    public override IReadOnlyList<string> OutputNames => [.. Schema.Names];

    int DonorCount => _donors.Length == 0 ? 0 : _donors[0].Length;

    protected override Frame TransformCore(Frame features)
    {
        var columns = NumericInput.Columns(features, KnnImputer.Name);
        var filled = new double[columns.Length][];
        for (var j = 0; j < columns.Length; j++) filled[j] = columns[j].Values.ToArray();
        var receivers = RowsWithMissing(filled);
        Parallel.For(0, receivers.Length, () => new DonorScratch(DonorCount, ((KnnImputer)Estimator).NNeighbors), (r, _, search) =>
        {
            Impute(filled, receivers[r], search);
            return search;
        }, _ => { });
        var output = new Column[columns.Length];
        for (var j = 0; j < output.Length; j++) output[j] = new Float64Column(columns[j].Name, filled[j]);
        return new Frame(output);
    }

    static int[] RowsWithMissing(double[][] columns)
    {
        var rows = columns.Length == 0 ? 0 : columns[0].Length;
        var missing = new bool[rows];
        foreach (var column in columns)
            for (var i = 0; i < rows; i++)
                if (double.IsNaN(column[i])) missing[i] = true;
        var receivers = new List<int>();
        for (var i = 0; i < rows; i++)
            if (missing[i]) receivers.Add(i);
        return [.. receivers];
    }

    /// <summary>Fills one row's missing columns; only that row's cells are written, so rows run in parallel.</summary>
    void Impute(double[][] filled, int row, DonorScratch search)
    {
        var distances = search.Distances;
        var sums = search.Sums;
        var present = search.Present;
        Array.Clear(sums);
        Array.Clear(present);
        var missingColumns = new List<int>();
        for (var j = 0; j < filled.Length; j++)
        {
            var x = filled[j][row];
            if (double.IsNaN(x)) { missingColumns.Add(j); continue; }
            var donor = _donors[j];
            for (var k = 0; k < donor.Length; k++)
            {
                var difference = x - donor[k];
                if (double.IsNaN(difference)) continue;
                sums[k] += difference * difference;
                present[k]++;
            }
        }
        for (var k = 0; k < distances.Length; k++)
            distances[k] = present[k] == 0 ? double.NaN : Math.Sqrt(sums[k] / present[k] * filled.Length);
        foreach (var j in missingColumns) filled[j][row] = Estimate(j, search);
    }

    /// <summary>The weighted mean of column <paramref name="column"/> over the nearest donors that have it (NaN distances rank last).</summary>
    double Estimate(int column, DonorScratch search)
    {
        var donor = _donors[column];
        var nearest = search.Nearest(donor);
        var weighting = ((KnnImputer)Estimator).Weights;
        var anyComparable = false;
        var anyExact = false;
        foreach (var k in nearest)
        {
            var d = search.Distances[k];
            anyComparable |= !double.IsNaN(d);
            anyExact |= d == 0;
        }
        if (!anyComparable) return _means[column];
        double total = 0, weights = 0;
        foreach (var k in nearest)
        {
            var d = search.Distances[k];
            var weight = weighting == NeighborWeighting.Uniform ? 1
                : double.IsNaN(d) ? 0
                : anyExact ? (d == 0 ? 1 : 0)
                : 1 / d;
            total += weight * donor[k];
            weights += weight;
        }
        return total / weights;
    }

    public override void Save(ModelWriter writer)
    {
        writer.Write("donor-count", DonorCount);
        writer.Write("donors", [.. _donors.SelectMany(d => d)]);
        writer.Write("means", _means);
    }

    public static KnnImputerModel Load(ModelReader reader)
    {
        var rows = reader.ReadInt32("donor-count");
        var flat = reader.ReadDoubles("donors");
        var means = PerColumnState.Read(reader, KnnImputer.Name, "means")[0];
        if (rows < 1 || flat.Length != rows * means.Length)
            throw new InvalidDataException($"model package: {KnnImputer.Name} holds {flat.Length} donor values, not {rows} rows of {means.Length} columns");
        var donors = new double[means.Length][];
        for (var j = 0; j < donors.Length; j++) donors[j] = flat[(j * rows)..((j + 1) * rows)];
        return new KnnImputerModel((KnnImputer)reader.Estimator, reader.Schema, donors, means);
    }

    /// <summary>One thread's scratch space: distances from the current row to every donor, and the k nearest.</summary>
    sealed class DonorScratch(int donors, int neighbours)
    {
        public double[] Distances { get; } = new double[donors];
        public double[] Sums { get; } = new double[donors];
        public int[] Present { get; } = new int[donors];
        readonly int[] _nearest = new int[Math.Min(neighbours, donors)];
        readonly double[] _ranks = new double[Math.Min(neighbours, donors)];

        /// <summary>
        /// The indices of the k donors with a value in <paramref name="donor"/> nearest to the row, ties to the earlier
        /// donor; donors with no column in common with the row rank after every other but still count, as in scikit-learn.
        /// </summary>
        public ReadOnlySpan<int> Nearest(double[] donor)
        {
            _ranks.AsSpan().Fill(double.PositiveInfinity);
            _nearest.AsSpan().Fill(-1);
            for (var k = 0; k < donor.Length; k++)
                if (!double.IsNaN(donor[k]))
                    NeighborSearch.Offer(double.IsNaN(Distances[k]) ? double.MaxValue : Distances[k], k, _ranks, _nearest);
            var found = _nearest.AsSpan().IndexOf(-1);
            return _nearest.AsSpan(0, found < 0 ? _nearest.Length : found);
        }
    }
}
