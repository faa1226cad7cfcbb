using Kiln.Data;

namespace Kiln.Learn.Tests.Persistence;

public class DataFingerprintTests
{
    static readonly Frame Sample = new(
        new Float64Column("price", [1.5, double.NaN, 3]),
        new StringColumn("city", ["Paris", null, "Lyon"]),
        new Int64Column("rooms", [2, 0, 4], [false, true, false]));

    [Fact]
    public void Equal_data_stored_differently_has_the_same_fingerprint()
    {
        var reordered = new Frame(
            new Float64Column("price", [1.5, double.NaN, 3]),
            new StringColumn("city", [2, -1, 1], ["x", "Lyon", "Paris"]),
            new Int64Column("rooms", [2, 99, 4], [false, true, false]));
        Assert.Equal(DataFingerprint.Of(Sample), DataFingerprint.Of(reordered));
        Assert.Matches("^[0-9a-f]{64}$", DataFingerprint.Of(Sample));
    }

    [Fact]
    public void A_changed_value_name_or_type_changes_the_fingerprint()
    {
        var fingerprint = DataFingerprint.Of(Sample);
        Assert.NotEqual(fingerprint, DataFingerprint.Of(Sample.WithColumn(new Float64Column("price", [1.5, double.NaN, 3.0000001]))));
        Assert.NotEqual(fingerprint, DataFingerprint.Of(Sample.Rename("rooms", "bedrooms")));
        Assert.NotEqual(fingerprint, DataFingerprint.Of(Sample.WithColumn(new Float64Column("rooms", [2, double.NaN, 4]))));
    }
}
