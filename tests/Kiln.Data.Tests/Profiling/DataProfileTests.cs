using Kiln.Testing;

namespace Kiln.Data.Tests.Profiling;

public class DataProfileTests
{
    static Frame Sample() => CsvReader.ReadText("""
        id,age,city,label
        1,20,Paris,yes
        2,,Lyon,no
        3,22,Paris,no
        4,24,,no
        5,100,Paris,no
        5,100,Paris,no
        """);

    [Fact]
    public void A_column_with_a_different_value_in_every_row_is_a_likely_identifier_and_warned_about()
    {
        var frame = CsvReader.ReadText("""
            code,name,size,label
            1,Ann,1,yes
            2,Bob,2,no
            3,Cid,1,no
            4,Cid,2,no
            """);
        var profile = DataProfile.Of(frame, "s.csv");
        Assert.Equal(["code"], profile.LikelyIdentifiers.Select(c => c.Name));
        Assert.Contains("'code' has a different value in every row: likely an identifier, not a feature", profile.Warnings);
    }

    [Fact]
    public void Shape_missing_cells_and_duplicate_rows_are_counted()
    {
        var profile = DataProfile.Of(Sample(), "s.csv");
        Assert.Equal(6, profile.RowCount);
        Assert.Equal(4, profile.ColumnCount);
        Assert.Equal(2, profile.MissingCells);
        Assert.Equal(1, profile.DuplicateRows);
    }

    [Fact]
    public void Numeric_columns_get_statistics_outliers_and_a_histogram()
    {
        var age = DataProfile.Of(Sample(), "s.csv", histogramBins: 4)["age"];
        // present ages 20, 22, 24, 100, 100: quartiles 22 and 100 by linear interpolation, as pandas
        Assert.Equal(1, age.Missing);
        Assert.Equal(1.0 / 6, age.MissingShare, 1e-12);
        Assert.Equal(53.2, age.Mean!.Value, 1e-12);
        Assert.Equal(22, age.LowerQuartile);
        Assert.Equal(100, age.UpperQuartile);
        Assert.Equal(0, age.OutliersByIqr);
        Assert.Equal([20, 40, 60, 80, 100], age.Histogram!.Edges);
        Assert.Equal([3, 0, 0, 2], age.Histogram.Counts);
    }

    [Fact]
    public void Skewness_matches_pandas()
    {
        var profile = DataProfile.Of(CsvReader.ReadText("x\n1\n2\n3\n10\n"), "x.csv");
        // pandas: pd.Series([1, 2, 3, 10]).skew() == 1.7636...
        Assert.Equal(1.7636326, profile["x"].Skewness!.Value, 1e-6);
    }

    [Fact]
    public void Text_columns_get_their_most_frequent_values()
    {
        var city = DataProfile.Of(Sample(), "s.csv")["city"];
        Assert.Equal(2, city.Unique);
        Assert.Equal(new ValueCount("Paris", 4, 0.8), city.TopValues[0]);
        Assert.Null(city.Mean);
    }

    [Fact]
    public void A_text_target_gets_class_balance_and_its_minority_class_correlations()
    {
        var target = DataProfile.Of(Sample(), "s.csv", target: "label").Target!;
        Assert.Equal("classification", target.Task);
        Assert.Equal(["no", "yes"], target.Classes.Select(c => c.Value));
        Assert.Equal(5.0, target.ImbalanceRatio);
        Assert.Contains(target.Correlations, c => c.Feature == "id");
    }

    [Fact]
    public void A_float_target_with_many_values_is_regression()
    {
        var frame = CsvReader.ReadText(string.Join('\n', ["x,y", .. Enumerable.Range(0, 40).Select(i => $"{i},{i * 1.5}")]));
        var target = DataProfile.Of(frame, "r.csv", target: "y").Target!;
        Assert.Equal("regression", target.Task);
        Assert.Equal(1.0, target.Correlations.Single().Correlation, 1e-12);
    }

    [Fact]
    public void Warnings_name_identifiers_missing_values_and_duplicates()
    {
        var warnings = DataProfile.Of(Sample(), "s.csv").Warnings;
        Assert.Contains(warnings, w => w.Contains("'age' has 1 missing values (16.7%)"));
        Assert.Contains(warnings, w => w.Contains("1 rows repeat"));
    }

    [Fact]
    public void An_unknown_target_names_the_column()
    {
        Assert.Throws<UnknownColumnException>(() => DataProfile.Of(Sample(), "s.csv", target: "lable"));
    }

    [Fact]
    public void Titanic_profile_finds_what_a_data_scientist_expects()
    {
        var frame = Frame.ReadCsv(SharedFolder.RequireDataset("titanic/train.csv"));
        var profile = DataProfile.Of(frame, "train.csv", target: "Survived");
        Assert.Equal(177, profile["Age"].Missing);
        Assert.Equal(687, profile["Cabin"].Missing);
        Assert.Equal([549, 342], profile.Target!.Classes.Select(c => c.Count));
        // pandas 1.5: df.corr()["Survived"]["Pclass"] and df.Fare.skew()
        Assert.Equal(-0.338481, profile.Correlations["Survived", "Pclass"], 1e-6);
        Assert.Equal(4.787317, profile["Fare"].Skewness!.Value, 1e-6);
        Assert.Equal(116, profile["Fare"].OutliersByIqr);
        Assert.Contains(profile.Warnings, w => w.StartsWith("'Cabin' is mostly missing"));
    }
}
