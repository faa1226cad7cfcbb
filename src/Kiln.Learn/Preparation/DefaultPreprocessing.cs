using Kiln.Learn.Cleaning;
using Kiln.Learn.Compose;
using Kiln.Learn.Features;
using Kiln.Learn.Preprocessing;

namespace Kiln.Learn.Preparation;

/// <summary>
/// The preprocessing Kiln puts in front of a model when the user gives none — the same for <c>kiln prep</c> and
/// <c>kiln train</c>: convert messy text, derive features if asked, then impute and scale numbers, impute and one-hot
/// encode text, split dates into parts; columns not chosen are dropped.
/// </summary>
public static class DefaultPreprocessing
{
    public static IReadOnlyList<PipelineStep> Steps(FeatureColumns columns, NumericImputation imputation = NumericImputation.Median,
        bool scale = true, DerivedFeatures? derived = null)
    {
        var steps = new List<PipelineStep> { new("convert-types", new TypeConverter()) };
        if (derived is not null) steps.Add(new("derive", derived));
        var parts = new List<ColumnTransformerPart>();
        if (columns.Numeric.Count > 0)
        {
            var numeric = new List<PipelineStep> { new("impute", NumericImputer(imputation)) };
            if (scale) numeric.Add(new("scale", new StandardScaler()));
            parts.Add(new("numeric", new Pipeline(numeric), ColumnSelector.ByName(columns.Numeric)));
        }
        if (columns.Text.Count > 0)
            parts.Add(new("text", new Pipeline(
                new PipelineStep("impute", new SimpleImputer { Strategy = ImputationStrategy.MostFrequent }),
                new PipelineStep("one-hot", new OneHotEncoder { HandleUnknown = UnknownCategoryHandling.Ignore })),
                ColumnSelector.ByName(columns.Text)));
        if (columns.Dates.Count > 0)
            parts.Add(new("dates", new Pipeline(new PipelineStep("parts", new DatetimeFeatures { Parts = "year,month,day,day-of-week" }),
                new PipelineStep("impute", new SimpleImputer { Strategy = ImputationStrategy.MostFrequent })),
                ColumnSelector.ByName(columns.Dates)));
        steps.Add(new("encode", new ColumnTransformer(parts) { Remainder = Remainder.Drop }));
        return steps;
    }

    static IEstimator NumericImputer(NumericImputation imputation) => imputation switch
    {
        NumericImputation.Mean => new SimpleImputer { Strategy = ImputationStrategy.Mean },
        NumericImputation.Median => new SimpleImputer { Strategy = ImputationStrategy.Median },
        NumericImputation.Mode => new SimpleImputer { Strategy = ImputationStrategy.MostFrequent },
        NumericImputation.Knn => new KnnImputer(),
        _ => throw new ArgumentOutOfRangeException(nameof(imputation), imputation, null),
    };
}
