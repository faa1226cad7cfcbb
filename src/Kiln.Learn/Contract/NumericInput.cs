using Kiln.Data;

namespace Kiln.Learn;

/// <summary>Numeric learners' view of their input: every column as float64 (int64 and bool widened), text rejected by name.</summary>
internal static class NumericInput
{
    /// <summary>A fitted model's input checked against its schema (columns picked and ordered as fitted) and for values it cannot take.</summary>
    public static Frame Checked(IModel model, Frame features)
    {
        var input = model.Schema.Check(features, EstimatorCatalog.NameOf(model.Estimator));
        InputValues.Check(input, model.Estimator);
        return input;
    }

    /// <summary>A fitted model's input, <see cref="Checked"/>, as one dense matrix.</summary>
    public static FeatureMatrix CheckedMatrix(IModel model, Frame features) =>
        Matrix(Checked(model, features), EstimatorCatalog.NameOf(model.Estimator));

    /// <summary>The features as one dense row-major matrix, the layout distance- and gradient-based learners want.</summary>
    public static FeatureMatrix Matrix(Frame features, string estimator)
    {
        Columns(features, estimator);
        return features.ToFeatureMatrix([.. features.ColumnNames], keepMissing: true);
    }

    public static Float64Column[] Columns(Frame features, string estimator)
    {
        var columns = new Float64Column[features.ColumnCount];
        for (var j = 0; j < columns.Length; j++)
        {
            var column = features[j];
            if (!column.Type.IsNumeric())
                throw new SchemaMismatchException(
                    $"{estimator}: column '{column.Name}' is {column.Type.Name()}; it takes numeric columns (encode text first, e.g. with one-hot-encoder)");
            columns[j] = column.AsFloat64();
        }
        return columns;
    }
}
