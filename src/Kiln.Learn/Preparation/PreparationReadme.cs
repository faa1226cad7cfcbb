using System.Globalization;
using System.Text;
using Kiln.Learn.Cleaning;
using Kiln.Learn.Compose;
using Kiln.Learn.Features;
using Kiln.Learn.Preprocessing;

namespace Kiln.Learn.Preparation;

/// <summary>
/// The README.md that goes with prepared data: every step in order with the values it learnt from the training rows
/// (fill values, means and scales, categories, outlier bounds), so a reader can check or redo any of it.
/// </summary>
public static class PreparationReadme
{
    public static string Write(PreparationResult result, string packageFile)
    {
        var o = result.Options;
        var text = new StringBuilder();
        text.AppendLine($"# Prepared data: {Path.GetFileName(result.Source)}").AppendLine();
        text.AppendLine($"Source `{result.Source}`, {N(result.InputRows)} rows. Target `{o.Target}` ({result.Task}). " +
            $"Seed {o.Seed}. Every statistic below was learnt from the training rows only and applied unchanged to validation and test.").AppendLine();
        text.AppendLine("| file | rows | what |").AppendLine("| --- | ---: | --- |");
        foreach (var split in new[] { result.Train, result.Validation, result.Test })
            text.AppendLine($"| `{split.Name}.csv` | {N(split.Prepared.RowCount)} | prepared features and the target `{o.Target}` |");
        text.AppendLine($"| `{packageFile}` | | the fitted preprocessing pipeline: load it with `ModelPackage.Load` and call `Transform` on new rows |");
        text.AppendLine("| `report.html` | | missing values, outliers, distributions before and after, correlations, class balance |").AppendLine();

        var step = 1;
        text.AppendLine("## Steps").AppendLine();
        text.AppendLine($"{step++}. **Missing values found.** " + (result.MissingBefore.Count == 0 ? "None."
            : string.Join(", ", result.MissingBefore.Select(m => $"`{m.Column}` {N(m.Missing)} ({m.Share * 100:F1}%)")) + "."));
        if (result.TargetMissingDropped > 0)
            text.AppendLine($"{step++}. **Rows without a target dropped:** {N(result.TargetMissingDropped)}.");
        text.AppendLine($"{step++}. **Exact duplicate rows dropped:** {N(result.DuplicatesDropped)}.");
        var conversions = result.Conversions.Where(c => c.Kind != TextValueKind.Text).ToList();
        text.AppendLine($"{step++}. **Text holding numbers, amounts, percentages, booleans or dates converted:** " + (conversions.Count == 0 ? "none." :
            string.Join(", ", conversions.Select(c => $"`{c.Column}` as {Kebab.Of(c.Kind.ToString())}" + (c.FailedCount > 0 ? $" ({c.FailedCount} values unreadable → missing)" : ""))) + "."));
        if (result.Pipeline.Steps.FirstOrDefault(s => s.Name == "derive")?.Model is DerivedFeaturesModel derived)
            text.AppendLine($"{step++}. **Derived features:** " + string.Join(", ", derived.Definitions.Select(d => $"`{d.Definition}`")) + ".");
        text.AppendLine($"{step++}. **Split** {o.Split.Train * 100:0}/{o.Split.Validation * 100:0}/{o.Split.Test * 100:0} " +
            $"({(o.Stratify ? "stratified by the target" : "random")}, seed {o.Seed}): " +
            $"{N(result.Train.Raw.RowCount)} train, {N(result.Validation.Raw.RowCount)} validation, {N(result.Test.Raw.RowCount)} test rows.");
        if (result.Outliers is { } outliers && result.OutlierModel is { } bounds)
        {
            text.AppendLine($"{step++}. **Training outliers dropped** ({Kebab.Of(result.Options.DropOutliers.ToString()!)}): {N(outliers.DroppedCount)} rows. Bounds:").AppendLine();
            text.AppendLine("   | column | lower | upper | rows outside |").AppendLine("   | --- | ---: | ---: | ---: |");
            var names = bounds.Schema.Names.ToList();
            for (var i = 0; i < names.Count; i++)
                text.AppendLine($"   | `{names[i]}` | {G(bounds.LowerBounds[i])} | {G(bounds.UpperBounds[i])} | {outliers.DroppedBy.GetValueOrDefault(names[i])} |");
            text.AppendLine();
        }
        foreach (var dropped in result.DroppedColumns)
            text.AppendLine($"{step++}. **Column `{dropped.Column}` left out:** {dropped.Reason}.");
        if (result.Pipeline.Steps.FirstOrDefault(s => s.Name == "encode")?.Model is ColumnTransformerModel encode)
            foreach (var part in encode.Parts)
                DescribePart(text, ref step, part);
        text.AppendLine();

        if (result.Task == "classification")
        {
            text.AppendLine("## Class balance per split").AppendLine();
            var classes = result.Train.Classes.Select(c => c.Value).ToList();
            text.AppendLine("| split | " + string.Join(" | ", classes) + " |").AppendLine("| --- |" + string.Concat(classes.Select(_ => " ---: |")));
            foreach (var split in new[] { result.Train, result.Validation, result.Test })
                text.AppendLine($"| {split.Name} | " + string.Join(" | ", classes.Select(c =>
                    split.Classes.FirstOrDefault(x => x.Value == c) is { } v ? $"{N(v.Count)} ({v.Share * 100:F1}%)" : "0")) + " |");
            text.AppendLine();
        }
        text.AppendLine("## Output columns").AppendLine();
        text.AppendLine(string.Join(", ", result.Pipeline.OutputNames.Select(n => $"`{n}`")) + $", then the target `{o.Target}`.");
        return text.ToString();
    }

    static void DescribePart(StringBuilder text, ref int step, NamedModel part)
    {
        if (part.Model is not PipelineModel pipeline) return;
        foreach (var inner in pipeline.Steps)
        {
            switch (inner.Model)
            {
                case SimpleImputerModel imputer:
                    var strategy = Kebab.Of(((SimpleImputer)imputer.Estimator).Strategy.ToString());
                    text.AppendLine($"{step++}. **{Title(part.Name)} columns: missing values filled** ({strategy} of the training rows): " +
                        string.Join(", ", imputer.Schema.Names.Select(n => $"`{n}` → {Value(imputer.FillValue(n))}")) + ".");
                    break;
                case KnnImputerModel knn:
                    text.AppendLine($"{step++}. **{Title(part.Name)} columns: missing values filled** from the {((KnnImputer)knn.Estimator).NNeighbors} nearest training rows (nan-euclidean distance).");
                    break;
                case StandardScalerModel scaler:
                    text.AppendLine($"{step++}. **{Title(part.Name)} columns standardised** as (x − mean) / std:").AppendLine();
                    text.AppendLine("   | column | mean | std |").AppendLine("   | --- | ---: | ---: |");
                    var names = scaler.Schema.Names.ToList();
                    for (var i = 0; i < names.Count; i++) text.AppendLine($"   | `{names[i]}` | {G(scaler.Means[i])} | {G(scaler.Scales[i])} |");
                    text.AppendLine();
                    break;
                case OneHotEncoderModel oneHot:
                    text.AppendLine($"{step++}. **{Title(part.Name)} columns one-hot encoded** (one 0/1 column per category, named `column=category`; a category unseen in training gives all zeros): " +
                        string.Join("; ", oneHot.Schema.Names.Select(n => $"`{n}`: {string.Join(", ", oneHot.Categories(n))}")) + ".");
                    break;
                case DatetimeFeaturesModel datesModel:
                    text.AppendLine($"{step++}. **Date columns split into parts:** {string.Join(", ", datesModel.OutputNames.Select(n => $"`{n}`"))}.");
                    break;
            }
        }
    }

    static string Title(string name) => char.ToUpperInvariant(name[0]) + name[1..];

    static string Value(object value) => value switch
    {
        double d => G(d),
        string s => $"'{s}'",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    static string G(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
