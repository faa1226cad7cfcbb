using Kiln.Data;
using Kiln.Learn.Cleaning;
using Kiln.Learn.Compose;
using Kiln.Learn.ModelSelection;
using Kiln.Learn.Preparation;
using Kiln.Learn.Preprocessing;

namespace Kiln.Learn.Tests.Preparation;

public class DataPreparationTests
{
    /// <summary>200 rows: a measurement with gaps and one huge value, a 0/1 flag, a city, a unique id and a yes/no label.</summary>
    static Frame Table()
    {
        var n = 200;
        var size = new double[n];
        var flag = new long[n];
        var city = new string?[n];
        var id = new string?[n];
        var label = new string?[n];
        for (var i = 0; i < n; i++)
        {
            size[i] = i % 17 == 0 ? double.NaN : 50 + (i * 37 % 100);
            flag[i] = i % 2;
            city[i] = (i % 3) switch { 0 => "Paris", 1 => "Lyon", _ => null };
            id[i] = $"id-{i}";
            label[i] = i % 4 == 0 ? "yes" : "no";
        }
        size[5] = 100_000;
        return new Frame(new Float64Column("size", size), new Int64Column("flag", flag), new StringColumn("city", city),
            new StringColumn("id", id), new StringColumn("label", label));
    }

    static PreparationResult Prepare(PreparationOptions? options = null) =>
        DataPreparation.Run(Table(), "table.csv", options ?? new PreparationOptions("label") { Stratify = true });

    [Fact]
    public void Splits_have_the_asked_sizes_and_stratified_class_shares()
    {
        var result = Prepare();
        Assert.Equal(200, result.Train.Raw.RowCount + result.Validation.Raw.RowCount + result.Test.Raw.RowCount);
        Assert.Equal(120, result.Train.Raw.RowCount);
        foreach (var split in new[] { result.Train, result.Validation, result.Test })
            Assert.InRange(split.Classes.Single(c => c.Value == "yes").Share, 0.24, 0.26);
    }

    [Fact]
    public void Statistics_are_learnt_from_the_training_rows_only()
    {
        var result = Prepare();
        var encode = (ColumnTransformerModel)result.Pipeline.Steps[^1].Model;
        var numeric = (PipelineModel)encode.Parts.Single(p => p.Name == "numeric").Model;
        var imputer = (SimpleImputerModel)numeric.Steps[0].Model;
        var trainSizes = result.Train.Raw.Column<Float64Column>("size").Values.ToArray().Where(v => !double.IsNaN(v)).Order().ToArray();
        var median = trainSizes.Length % 2 == 1 ? trainSizes[trainSizes.Length / 2] : (trainSizes[trainSizes.Length / 2 - 1] + trainSizes[trainSizes.Length / 2]) / 2;
        Assert.Equal(median, (double)imputer.FillValue("size"));
        Assert.Equal(0, result.Train.Prepared.Columns.Sum(c => c.MissingCount));
    }

    [Fact]
    public void The_saved_pipeline_turns_raw_test_rows_into_the_prepared_test_rows()
    {
        var result = Prepare();
        var again = result.Pipeline.Transform(result.Test.Raw.Drop("label"));
        Assert.Equal(result.Test.Prepared.Drop("label").ToString(1000), again.ToString(1000));
    }

    [Fact]
    public void Identifier_text_is_left_out_and_categories_are_one_hot_encoded()
    {
        var result = Prepare();
        Assert.Equal("id", result.DroppedColumns.Single().Column);
        Assert.Contains("city=Paris", result.Pipeline.OutputNames);
        Assert.DoesNotContain(result.Pipeline.OutputNames, n => n.StartsWith("id", StringComparison.Ordinal));
    }

    [Fact]
    public void Outliers_are_dropped_from_training_rows_only_and_only_in_continuous_columns()
    {
        var result = Prepare(new PreparationOptions("label") { DropOutliers = OutlierMethod.Iqr, Seed = 1 });
        var outliers = result.Outliers!;
        Assert.Equal(["size"], result.OutlierModel!.Schema.Names);
        var hugeInTrain = Table().Column<Float64Column>("size")[5];
        Assert.DoesNotContain(hugeInTrain, result.Train.Raw.Column<Float64Column>("size").Values.ToArray());
        Assert.Equal(200 - outliers.DroppedCount, result.Train.Raw.RowCount + result.Validation.Raw.RowCount + result.Test.Raw.RowCount);
    }

    [Fact]
    public void Derived_features_are_computed_and_kept_in_the_pipeline()
    {
        var result = Prepare(new PreparationOptions("label") { Derive = ["double_size=size*2"] });
        Assert.Contains("double_size", result.Pipeline.OutputNames);
        Assert.Contains("double_size=size*2", PreparationReadme.Write(result, "p.kiln"));
    }

    [Fact]
    public void The_readme_documents_fill_values_means_and_categories()
    {
        var readme = PreparationReadme.Write(Prepare(), "preprocessing.kiln");
        Assert.Contains("`size` →", readme);
        Assert.Contains("| `size` |", readme);
        Assert.Contains("`city`: Lyon, Paris", readme);
        Assert.Contains("Column `id` left out", readme);
        Assert.Contains("| train |", readme);
    }

    [Fact]
    public void A_target_with_one_class_is_an_error_naming_it()
    {
        var frame = Table().WithColumn(new StringColumn("label", [.. Enumerable.Repeat("no", 200)]));
        var error = Assert.Throws<DataFormatException>(() => DataPreparation.Run(frame, "t.csv", new PreparationOptions("label")));
        Assert.Contains("column 'label'", error.Message);
        Assert.Contains("single class", error.Message);
    }

    [Fact]
    public void An_all_missing_column_is_an_error_naming_it()
    {
        var frame = Table().WithColumn(new Float64Column("empty", [.. Enumerable.Repeat(double.NaN, 200)]));
        var error = Assert.Throws<DataFormatException>(() => DataPreparation.Run(frame, "t.csv", new PreparationOptions("label")));
        Assert.Equal("t.csv, column 'empty': has no values (all 200 rows missing); drop the column before preparing", error.Message);
    }

    [Fact]
    public void Stratifying_a_continuous_target_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            DataPreparation.Run(Table(), "t.csv", new PreparationOptions("size") { Stratify = true }));
        Assert.Contains("--stratify", error.Message);
    }

    [Fact]
    public void Fractions_that_do_not_add_up_are_refused()
    {
        var error = Assert.Throws<FormatException>(() => SplitFractions.Parse("60/20/30"));
        Assert.Contains("110", error.Message);
    }
}
