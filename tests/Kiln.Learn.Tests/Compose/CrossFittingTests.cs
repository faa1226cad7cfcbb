using Kiln.Data;
using Kiln.Learn.Compose;
using Kiln.Learn.Preprocessing;

namespace Kiln.Learn.Tests.Compose;

public class CrossFittingTests
{
    static readonly Frame Letters = new(
        new StringColumn("x", ["a", "b", "a", "c", "b", "a", "c", "a"]),
        new Float64Column("z", [10, 20, 30, 40, 50, 60, 70, 80]));

    static readonly Float64Column Target = new("y", [1, 3, 2, 5, 4, 0, 7, 1.5]);

    static readonly TargetEncoder Encoder = new() { Cv = 8 };

    static double[] Values(Frame frame, string column) => frame.Column<Float64Column>(column).Values.ToArray();

    [Fact]
    public void The_step_after_a_target_encoder_in_a_pipeline_is_fitted_on_out_of_fold_encodings()
    {
        var letters = Letters.Select("x");
        var model = Pipeline.Of(Encoder, new RememberFittingRows()).Fit(letters, Target);
        var fittedOn = ((RememberFittingRowsModel)model.Final).FittedOn;
        Assert.Equal(Values(Encoder.FitTransform(letters, Target).Training, "x"), Values(fittedOn, "x"));
        Assert.NotEqual(Values(Encoder.Fit(letters, Target).Transform(letters), "x"), Values(fittedOn, "x"));
    }

    [Fact]
    public void A_pipeline_still_transforms_new_rows_with_the_full_data_encodings()
    {
        var letters = Letters.Select("x");
        var model = Pipeline.Of(Encoder, new RememberFittingRows()).Fit(letters, Target);
        Assert.Equal(Values(Encoder.Fit(letters, Target).Transform(letters), "x"), Values(model.Transform(letters), "x"));
    }

    [Fact]
    public void The_step_after_a_column_transformer_with_a_target_encoder_is_fitted_on_out_of_fold_encodings_and_the_passthrough()
    {
        var columns = new ColumnTransformer(new ColumnTransformerPart("encode", Encoder, ColumnSelector.ByName("x"))) { Remainder = Remainder.Passthrough };
        var model = Pipeline.Of(columns, new RememberFittingRows()).Fit(Letters, Target);
        var fittedOn = ((RememberFittingRowsModel)model.Final).FittedOn;
        Assert.Equal(["x", "z"], fittedOn.ColumnNames);
        Assert.Equal(Values(Encoder.FitTransform(Letters.Select("x"), Target).Training, "x"), Values(fittedOn, "x"));
        Assert.Equal(Values(Letters, "z"), Values(fittedOn, "z"));
    }

    [Fact]
    public void A_target_encoder_inside_a_pipeline_part_of_a_column_transformer_is_cross_fitted_too()
    {
        var part = Pipeline.Of(new RememberFittingRows(), Encoder);
        var columns = new ColumnTransformer(new ColumnTransformerPart("encode", part, ColumnSelector.ByName("x")));
        var model = Pipeline.Of(columns, new RememberFittingRows()).Fit(Letters, Target);
        var fittedOn = ((RememberFittingRowsModel)model.Final).FittedOn;
        Assert.Equal(Values(Encoder.FitTransform(Letters.Select("x"), Target).Training, "x"), Values(fittedOn, "x"));
    }
}
