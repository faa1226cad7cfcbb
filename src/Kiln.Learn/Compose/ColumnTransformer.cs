using Kiln.Data;

namespace Kiln.Learn.Compose;

/// <summary>
/// Applies each part's transformer to the columns its selector picks and puts the outputs side by side, in part order,
/// followed by the unselected columns when <see cref="Remainder"/> is <see cref="Compose.Remainder.Passthrough"/>
/// (scikit-learn's ColumnTransformer). Selections are resolved and checked before anything is fitted; parts fit in parallel.
/// <see cref="FitTransform"/> also gives the training rows' output, in which cross-fitting parts give their out-of-fold output.
/// </summary>
public sealed record ColumnTransformer : Estimator<ColumnTransformerModel>, ICrossFittingEstimator
{
    public ColumnTransformer(params IEnumerable<ColumnTransformerPart> parts) => Parts = [.. parts];

    public IReadOnlyList<ColumnTransformerPart> Parts { get; init; }

    public Remainder Remainder { get; init; } = Remainder.Drop;

    protected override ColumnTransformerModel FitCore(Frame features, Column? target, FitContext context) =>
        FitParts(features, target, context, null);

    public (ITransformerModel Model, Frame Training) FitTransform(Frame features, Column? target = null, FitContext? context = null) =>
        FitChecked(features, target, context, checkedContext =>
        {
            var outputs = new Frame[Parts.Count];
            var model = FitParts(features, target, checkedContext, outputs);
            var training = new Frame([.. outputs.SelectMany(o => o.Columns), .. model.PassthroughColumns.Select(name => features[name])]);
            return ((ITransformerModel)model, training);
        });

    /// <summary>Fits every part; with <paramref name="outputs"/>, also keeps each part's output for the training rows.</summary>
    ColumnTransformerModel FitParts(Frame features, Column? target, FitContext context, Frame[]? outputs)
    {
        var selections = Resolve(features);
        var selected = selections.SelectMany(s => s).ToHashSet(StringComparer.Ordinal);
        string[] passthrough = Remainder == Remainder.Passthrough ? [.. features.ColumnNames.Where(n => !selected.Contains(n))] : [];

        var models = new ITransformerModel[Parts.Count];
        PartsInParallel.Run(Parts.Count, context.Cancellation, i =>
        {
            var input = features.Select([.. selections[i]]);
            IModel model;
            if (outputs is not null && Parts[i].Transformer is ICrossFittingEstimator crossFitting)
                (model, outputs[i]) = crossFitting.FitTransform(input, target, context);
            else
                model = Parts[i].Transformer.Fit(input, target, context);
            models[i] = model is ITransformerModel transformer && StepRoles.RoleOf(model) == EstimatorRole.Transformer ? transformer
                : throw new ArgumentException($"column transformer part '{Parts[i].Name}' fitted a model that does not transform", nameof(Parts));
            if (outputs is not null) outputs[i] ??= models[i].Transform(input);
        });

        CheckOutputNames(models, passthrough);
        var used = selected.Concat(passthrough).ToHashSet(StringComparer.Ordinal);
        var schema = InputSchema.Of(features.Select([.. features.ColumnNames.Where(used.Contains)]));
        var parts = Parts.Select((p, i) => new NamedModel(p.Name, models[i])).ToArray();
        return new ColumnTransformerModel(this, schema, parts, [.. selections.Select(s => s.ToArray())], passthrough);
    }

    /// <summary>Every part's columns, after checking names, roles, unknown, empty and overlapping selections.</summary>
    List<IReadOnlyList<string>> Resolve(Frame features)
    {
        if (Parts.Count == 0) throw new ArgumentException("a column transformer needs at least one part", nameof(Parts));
        var names = new HashSet<string>(StringComparer.Ordinal);
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        var selections = new List<IReadOnlyList<string>>();
        foreach (var part in Parts)
        {
            if (string.IsNullOrWhiteSpace(part.Name)) throw new ArgumentException("every column transformer part needs a name", nameof(Parts));
            if (!names.Add(part.Name)) throw new ArgumentException($"two column transformer parts are named '{part.Name}'; part names must be unique", nameof(Parts));
            if (part.Transformer is null || part.Columns is null)
                throw new ArgumentException($"column transformer part '{part.Name}' needs a transformer and a column selector", nameof(Parts));
            if (!StepRoles.Transforms(part.Transformer) || StepRoles.Resamples(part.Transformer))
                throw new ArgumentException(
                    $"column transformer part '{part.Name}' ({StepRoles.Describe(part.Transformer)}) is not a transformer that keeps rows", nameof(Parts));

            IReadOnlyList<string> columns;
            try
            {
                columns = part.Columns.Resolve(features);
            }
            catch (SchemaMismatchException e)
            {
                throw new SchemaMismatchException($"column transformer part '{part.Name}': {e.Message}");
            }
            if (columns.Count == 0)
                throw new SchemaMismatchException(
                    $"column transformer part '{part.Name}' selects no columns ({part.Columns.Description}) from the input's columns {string.Join(", ", features.ColumnNames)}");
            foreach (var column in columns)
                if (!owner.TryAdd(column, part.Name))
                    throw new SchemaMismatchException(
                        $"column '{column}' is selected by both part '{owner[column]}' and part '{part.Name}'; each column may go to one part only");
            selections.Add(columns);
        }
        return selections;
    }

    void CheckOutputNames(ITransformerModel[] models, string[] passthrough)
    {
        var producer = new Dictionary<string, string>(StringComparer.Ordinal);
        var clashes = new List<string>();
        var outputs = models.Select((m, i) => (Part: $"part '{Parts[i].Name}'", Names: m.OutputNames))
            .Append(("the passed-through remainder", passthrough));
        foreach (var (part, outputNames) in outputs)
            foreach (var name in outputNames)
                if (!producer.TryAdd(name, part)) clashes.Add($"'{name}' (from {producer[name]} and {part})");
        if (clashes.Count > 0)
            throw new ArgumentException($"column transformer outputs have duplicate names: {string.Join(", ", clashes)}; rename or select the columns differently", nameof(Parts));
    }

    public bool Equals(ColumnTransformer? other) => other is not null && Remainder == other.Remainder && Parts.SequenceEqual(other.Parts);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Remainder);
        foreach (var part in Parts) hash.Add(part);
        return hash.ToHashCode();
    }

    public override string ToString() =>
        $"ColumnTransformer [{string.Join(", ", Parts.Select(p => $"{p.Name}: {p.Transformer} on {p.Columns}"))}; remainder {Kebab.Of(Remainder.ToString())}]";
}
