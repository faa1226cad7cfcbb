using Kiln.Data;

namespace Kiln.Learn.Cleaning;

/// <summary>
/// Drops rows that repeat an earlier row exactly (on all columns, or on a chosen subset), keeping the first, as
/// pandas' drop_duplicates; missing values equal each other. It changes rows, so it runs while preparing training
/// data (<see cref="IRowFilterModel.FilterRows"/>) and passes rows through unchanged at prediction time.
/// </summary>
[Estimator("duplicate-remover", EstimatorRole.Transformer, "Drop rows that repeat an earlier row exactly",
    Capabilities = [Capability.AllowsMissing, Capability.TextInput, Capability.ChangesRows])]
public sealed record DuplicateRemover : Estimator<DuplicateRemoverModel>
{
    [Parameter("Comma-separated columns that decide whether rows repeat; none compares whole rows")]
    public string? Subset { get; init; }

    protected override DuplicateRemoverModel FitCore(Frame features, Column? target, FitContext context)
    {
        foreach (var name in SubsetNames())
            if (!features.HasColumn(name))
                throw new ArgumentException(
                    $"duplicate-remover: parameter 'subset' names '{name}', which is not a column (columns: {string.Join(", ", features.ColumnNames)})", "subset");
        return new DuplicateRemoverModel(this, InputSchema.Of(features));
    }

    internal string[] SubsetNames() =>
        Subset?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];
}

/// <summary>A fitted <see cref="DuplicateRemover"/>: it learns only the columns it compares.</summary>
public sealed class DuplicateRemoverModel : TransformerModel, IRowFilterModel
{
    const string DroppedReason = "duplicate rows";

    internal DuplicateRemoverModel(DuplicateRemover estimator, InputSchema schema) : base(estimator, schema) { }

    public override IReadOnlyList<string> OutputNames => [.. Schema.Names];

    /// <summary>Every row, unchanged: rows are only removed while preparing training data.</summary>
    protected override Frame TransformCore(Frame features) => features;

    public RowFilterResult FilterRows(Frame features)
    {
        var checkedFeatures = Schema.Check(features, "duplicate-remover");
        var subset = ((DuplicateRemover)Estimator).SubsetNames();
        if (subset.Length == 0) subset = [.. Schema.Names];
        // a row-number column rides along through the frame's own duplicate removal and tells which rows survived
        var rowColumn = UnusedName(checkedFeatures);
        var numbers = new long[checkedFeatures.RowCount];
        for (var i = 0; i < numbers.Length; i++) numbers[i] = i;
        var survivors = checkedFeatures.WithColumn(new Int64Column(rowColumn, numbers)).DropDuplicates(subset).Column<Int64Column>(rowColumn).Values;
        var kept = new int[survivors.Length];
        for (var i = 0; i < kept.Length; i++) kept[i] = (int)survivors[i];
        var dropped = new Dictionary<string, int>(StringComparer.Ordinal) { [DroppedReason] = numbers.Length - kept.Length };
        return new RowFilterResult(kept, numbers.Length, dropped);
    }

    static string UnusedName(Frame frame)
    {
        var name = "__row";
        while (frame.HasColumn(name)) name += "_";
        return name;
    }

    public override void Save(ModelWriter writer) { }

    public static DuplicateRemoverModel Load(ModelReader reader) => new((DuplicateRemover)reader.Estimator, reader.Schema);
}
