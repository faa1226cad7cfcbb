using Kiln.Data;
using Kiln.Learn.Compose;
using Kiln.Learn.Preprocessing;

namespace Kiln.Learn.Tests.Compose;

public class PipelineTests
{
    static readonly Frame Sample = ComposeSamples.Frame;

    static readonly Column Labels = new StringColumn("label", ["yes", "no", "yes", "yes", "no"]);

    [Fact]
    public void Each_step_fits_on_the_previous_steps_output_with_the_sample_weights()
    {
        var pipeline = new Pipeline(
            new PipelineStep("center", new StandardScaler { WithStd = false }),
            new PipelineStep("scale", new StandardScaler()));
        var context = new FitContext { SampleWeights = [1, 2, 0, 1, 3] };
        var output = pipeline.Fit(Sample.Select("a", "b"), context: context).Transform(Sample);
        // scikit-learn 1.2: the same pipeline fitted with center__sample_weight=w, scale__sample_weight=w
        double[] a = [-1.160284615002558, -1.009877350094819, -0.709062820279341, -0.10743376064838503, 1.095824358613527];
        double[] b = [0.0, -1.0801234497346435, 0.5400617248673217, -1.0801234497346435, 1.0801234497346435];
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(a[i], output.Column<Float64Column>("a")[i], 1e-12);
            Assert.Equal(b[i], output.Column<Float64Column>("b")[i], 1e-12);
        }
    }

    [Fact]
    public void A_pipeline_ending_in_a_classifier_predicts_through_its_transformers()
    {
        var model = new Pipeline(new PipelineStep("scale", new StandardScaler()), new PipelineStep("vote", new MajorityClassifier()))
            .Fit(Sample.Select("a", "b"), Labels);
        Assert.Equal(EstimatorRole.Classifier, model.Role);
        Assert.Equal("yes", model.Predict(Sample).GetValue(0));
        Assert.Equal(["no", "yes"], Enumerable.Range(0, model.Classes.Length).Select(model.Classes.Format));
        Assert.Equal(0.6, model.PredictProbabilities(Sample).Column<Float64Column>("yes")[0], 12);
        var seen = ((MajorityClassifierModel)model.Final).Seen.Single();
        Assert.Equal(0, seen.Column<Float64Column>("a").Values.ToArray().Sum(), 12);
    }

    [Fact]
    public void A_transforming_pipeline_refuses_to_predict_and_says_to_transform()
    {
        var model = Pipeline.Of(new StandardScaler()).Fit(Sample.Select("a"));
        var error = Assert.Throws<InvalidOperationException>(() => model.Predict(Sample));
        Assert.Contains("'standard-scaler'", error.Message);
        Assert.Contains("call Transform", error.Message);
        Assert.Throws<InvalidOperationException>(() => model.PredictProbabilities(Sample));
    }

    [Fact]
    public void A_classifier_pipeline_refuses_to_transform_and_says_to_predict()
    {
        var model = new Pipeline(new PipelineStep("vote", new MajorityClassifier())).Fit(Sample.Select("a"), Labels);
        var error = Assert.Throws<InvalidOperationException>(() => model.Transform(Sample));
        Assert.Contains("'vote'", error.Message);
        Assert.Contains("call Predict", error.Message);
    }

    [Fact]
    public void A_step_that_does_not_transform_can_only_come_last()
    {
        var pipeline = new Pipeline(new PipelineStep("vote", new MajorityClassifier()), new PipelineStep("scale", new StandardScaler()));
        var error = Assert.Throws<ArgumentException>(() => pipeline.Fit(Sample.Select("a"), Labels));
        Assert.Contains("'vote'", error.Message);
    }

    [Fact]
    public void Step_names_must_be_unique()
    {
        var pipeline = new Pipeline(new PipelineStep("scale", new StandardScaler()), new PipelineStep("scale", new StandardScaler()));
        var error = Assert.Throws<ArgumentException>(() => pipeline.Fit(Sample.Select("a")));
        Assert.Contains("'scale'", error.Message);
    }

    [Fact]
    public void Pipeline_of_names_steps_after_their_estimators()
    {
        var pipeline = Pipeline.Of(new StandardScaler(), new StandardScaler { WithMean = false });
        Assert.Equal(["standard-scaler", "standard-scaler-2"], pipeline.Steps.Select(s => s.Name));
    }

    [Fact]
    public void Row_changing_steps_shape_what_later_steps_learn_but_are_skipped_when_transforming()
    {
        var pipeline = new Pipeline(new PipelineStep("first-three", new KeepFirstRows(3)), new PipelineStep("scale", new StandardScaler()));
        var model = pipeline.Fit(Sample.Select("a"), Labels, new FitContext { SampleWeights = [1, 1, 2, 100, 100] });
        var scaler = (StandardScalerModel)model.Steps[1].Model;
        Assert.Equal((1 + 2 + 2 * 4) / 4.0, scaler.Means[0], 12);
        Assert.Equal(5, model.Transform(Sample).RowCount);
    }

    [Fact]
    public void A_pipeline_of_only_a_row_changing_step_passes_rows_through()
    {
        var model = new Pipeline(new PipelineStep("first-two", new KeepFirstRows(2))).Fit(Sample.Select("a", "b"));
        Assert.Equal(EstimatorRole.Transformer, model.Role);
        Assert.Equal(["a", "b"], model.OutputNames);
        Assert.Equal(Sample.Select("a", "b").ToString(), model.Transform(Sample).ToString());
    }

    [Fact]
    public void Feature_names_are_carried_through_the_steps()
    {
        var columns = new ColumnTransformer(
            new ColumnTransformerPart("cities", new IndicatorColumns(), ColumnSelector.Text),
            new ColumnTransformerPart("numbers", new StandardScaler(), ColumnSelector.ByName("a")));
        var model = Pipeline.Of(columns, new StandardScaler()).Fit(Sample);
        Assert.Equal(["city=Lyon", "city=Nice", "city=Paris", "a"], model.OutputNames);
        Assert.Equal(model.OutputNames, model.Transform(Sample).ColumnNames);
    }

    [Fact]
    public void Pipelines_with_equal_steps_are_equal()
    {
        Assert.Equal(Pipeline.Of(new StandardScaler()), Pipeline.Of(new StandardScaler()));
        Assert.NotEqual(Pipeline.Of(new StandardScaler()), Pipeline.Of(new StandardScaler { WithMean = false }));
    }

    [Fact]
    public void A_missing_fitted_column_is_named_when_transforming()
    {
        var model = Pipeline.Of(new StandardScaler()).Fit(Sample.Select("a", "b"));
        var error = Assert.Throws<SchemaMismatchException>(() => model.Transform(Sample.Drop("b")));
        Assert.Contains("'b'", error.Message);
    }
}
