using Kiln.Testing;

namespace Kiln.Data.Tests.Profiling;

public class IdentifierRuleTests
{
    /// <summary>A table of <paramref name="rows"/> rows whose columns are built from the row number.</summary>
    static Frame Table(int rows, params (string Name, Func<int, string?> Value)[] columns) =>
        new(columns.Select(c => (Column)new StringColumn(c.Name, [.. Enumerable.Range(0, rows).Select(c.Value)])));

    static string[] Flagged(Frame frame) => [.. DataProfile.Of(frame, "t.csv").LikelyIdentifiers.Select(c => c.Name)];

    [Fact]
    public void Mostly_distinct_reference_codes_are_a_likely_identifier_with_a_reason_naming_their_count_and_examples()
    {
        // 40 rows, 30 tickets: a family shares one, as on the Titanic
        var frame = Table(40,
            ("ticket", i => i % 4 == 3 ? $"A/5 {21000 + i - 1}" : i % 2 == 0 ? $"A/5 {21000 + i}" : $"{347000 + i}"),
            ("port", i => "SCQ"[i % 3].ToString()));
        var profile = DataProfile.Of(frame, "t.csv");

        Assert.Equal(["ticket"], profile.LikelyIdentifiers.Select(c => c.Name));
        Assert.Equal("30 different codes in 40 rows, such as 'A/5 21000' and '347001': likely a reference number, not a feature",
            profile["ticket"].IdentifierReason);
        Assert.Contains("'ticket' has 30 different codes in 40 rows, such as 'A/5 21000' and '347001': likely a reference number, not a feature",
            profile.Warnings);
    }

    [Fact]
    public void Codes_repeated_often_enough_to_learn_from_are_a_feature()
    {
        // 40 rows, 10 product codes: each one-hot column has four rows behind it
        Assert.Empty(Flagged(Table(40, ("product", i => $"SKU-{i % 10:D3}"))));
    }

    [Fact]
    public void Ordinary_categories_are_features_even_when_they_hold_digits()
    {
        Assert.Empty(Flagged(Table(40, ("style", i => new[] { "1Story", "2Story", "1.5Fin", "SLvl" }[i % 4]), ("sex", i => i % 2 == 0 ? "male" : "female"))));
    }

    [Fact]
    public void A_mostly_missing_code_column_is_a_feature_since_whether_it_has_a_value_is_what_it_tells()
    {
        // like Titanic's Cabin: recorded for a quarter of the rows, almost all different
        var frame = Table(40, ("cabin", i => i % 4 == 0 ? $"C{i}" : null));
        var profile = DataProfile.Of(frame, "t.csv");
        Assert.Empty(profile.LikelyIdentifiers);
        Assert.Contains(profile.Warnings, w => w.StartsWith("'cabin' is mostly missing"));
    }

    [Fact]
    public void Numbers_kept_as_text_are_a_feature_not_codes()
    {
        // like Telco's TotalCharges: amounts with a blank for new customers, so the reader keeps them as text
        Assert.Empty(Flagged(Table(40, ("charges", i => i == 0 ? " " : $"{20 + i % 30 * 1.35:F2}"), ("months", i => (i % 7).ToString()))));
    }

    [Fact]
    public void Prose_with_numbers_in_it_is_not_a_code()
    {
        Assert.Empty(Flagged(Table(40, ("note", i => i % 4 == 0 ? "called twice about the bill" : $"bought {i} of these and kept them"))));
    }

    [Fact]
    public void Whole_numbers_all_different_are_an_identifier_when_they_number_the_rows_or_are_named_as_one()
    {
        var frame = new Frame(
            new Int64Column("Order", [.. Enumerable.Range(0, 40).Select(i => 40L - i)]),
            new Int64Column("PID", [.. Enumerable.Range(0, 40).Select(i => 526301100L + 37 * i * i)]),
            new Int64Column("customer_id", [.. Enumerable.Range(0, 40).Select(i => 1000L + 7 * i)]),
            new Int64Column("Paid", [.. Enumerable.Range(0, 40).Select(i => 20L + 3 * i)]),
            new Int64Column("Volume", [.. Enumerable.Range(0, 40).Select(i => 48_000_000L + 104_729L * i * i)]));
        Assert.Equal(["Order", "PID", "customer_id"], Flagged(frame));
    }

    [Fact]
    public void Titanic_flags_the_passenger_id_name_and_ticket_but_keeps_cabin_embarked_and_sex()
    {
        var frame = Frame.ReadCsv(SharedFolder.RequireDataset("titanic/train.csv"));
        var profile = DataProfile.Of(frame, "train.csv", target: "Survived");

        Assert.Equal(["PassengerId", "Name", "Ticket"], profile.LikelyIdentifiers.Select(c => c.Name));
        Assert.Equal("681 different codes in 891 rows, such as 'A/5 21171' and 'PC 17599': likely a reference number, not a feature",
            profile["Ticket"].IdentifierReason);
    }

    [Fact]
    public void Telco_churn_flags_only_the_customer_id()
    {
        var frame = Frame.ReadCsv(SharedFolder.RequireDataset("churn/Telco-Customer-Churn.csv"));
        Assert.Equal(["customerID"], Flagged(frame));
    }

    [Fact]
    public void Ames_housing_flags_its_row_order_and_parcel_id_and_apples_prices_keep_their_volume()
    {
        Assert.Equal(["Order", "PID"], Flagged(Frame.ReadCsv(SharedFolder.RequireDataset("housing/AmesHousing.csv"))));
        Assert.Empty(Flagged(Frame.ReadCsv(SharedFolder.RequireDataset("stocks/finance-charts-apple.csv"))));
    }
}
