using System.Text.Json;
using Kiln.Serving.Monitoring;
using Kiln.Testing;

namespace Kiln.Serving.Tests.Monitoring;

/// <summary>Kiln's drift statistics against scipy.stats on the fixtures that Fixtures/make_fixtures.py wrote.</summary>
public sealed class DriftStatisticsTests
{
    static readonly JsonElement Fixtures = JsonDocument.Parse(File.ReadAllText(
        Path.Combine(RepositoryFolder.Root, "tests", "Kiln.Serving.Tests", "Monitoring", "Fixtures", "drift-statistics.json"))).RootElement;

    public static TheoryData<string> KolmogorovSmirnovCases() => [.. Fixtures.GetProperty("kolmogorovSmirnov").EnumerateArray().Select(c => c.GetProperty("name").GetString()!)];

    public static TheoryData<string> ChiSquareCases() => [.. Fixtures.GetProperty("chiSquare").EnumerateArray().Select(c => c.GetProperty("name").GetString()!)];

    [Theory]
    [MemberData(nameof(KolmogorovSmirnovCases))]
    public void Kolmogorov_smirnov_gives_scipys_statistic_and_p_value(string name)
    {
        var fixture = Case("kolmogorovSmirnov", name);
        var result = DriftStatistics.KolmogorovSmirnov(Numbers(fixture, "first"), Numbers(fixture, "second"));

        Assert.Equal(fixture.GetProperty("statistic").GetDouble(), result.Statistic, 12);
        var scipy = fixture.GetProperty("pValue").GetDouble();
        if (fixture.GetProperty("exact").GetBoolean())
            Assert.Equal(scipy, result.PValue, scipy * 1e-9);
        else
        {
            // above 10,000 values Kiln uses the limiting distribution and ks_2samp the finite-n one: a few per cent apart
            var limiting = fixture.GetProperty("pValueLimiting").GetDouble();
            Assert.Equal(limiting, result.PValue, limiting * 1e-6);
            Assert.Equal(scipy, result.PValue, scipy * 0.05);
        }
    }

    [Theory]
    [MemberData(nameof(ChiSquareCases))]
    public void Chi_square_gives_scipys_chi2_contingency(string name)
    {
        var fixture = Case("chiSquare", name);
        var table = fixture.GetProperty("table").EnumerateArray().Select(row => row.EnumerateArray().Select(v => v.GetInt64()).ToArray()).ToList();

        var (result, degrees) = DriftStatistics.ChiSquare(table);

        var statistic = fixture.GetProperty("statistic").GetDouble();
        var pValue = fixture.GetProperty("pValue").GetDouble();
        Assert.Equal(fixture.GetProperty("degreesOfFreedom").GetInt32(), degrees);
        Assert.Equal(statistic, result.Statistic, statistic * 1e-10);
        Assert.Equal(pValue, result.PValue, pValue * 1e-8 + 1e-300);
    }

    [Fact]
    public void Psi_is_zero_for_the_same_spread_and_grows_with_a_shift()
    {
        Assert.Equal(0, DriftStatistics.PopulationStabilityIndex([10, 20, 30], [20, 40, 60]), 12);
        // by hand: (0.5-0.25)ln(2) + (0.5-0.75)ln(2/3)
        var expected = 0.25 * Math.Log(2) - 0.25 * Math.Log(2.0 / 3);
        Assert.Equal(expected, DriftStatistics.PopulationStabilityIndex([25, 75], [50, 50]), 12);
    }

    [Fact]
    public void Psi_stays_finite_when_live_data_leave_a_bin_empty()
    {
        var psi = DriftStatistics.PopulationStabilityIndex([50, 50], [100, 0]);
        Assert.True(double.IsFinite(psi) && psi > 1, $"PSI {psi}");
    }

    [Fact]
    public void Psi_refuses_bins_that_do_not_match()
    {
        var error = Assert.Throws<ArgumentException>(() => DriftStatistics.PopulationStabilityIndex([1, 2, 3], [1, 2]));
        Assert.Contains("3 bins", error.Message);
    }

    [Fact]
    public void Kolmogorov_smirnov_refuses_an_empty_sample_and_nan()
    {
        Assert.Throws<ArgumentException>(() => DriftStatistics.KolmogorovSmirnov([], [1.0]));
        var error = Assert.Throws<ArgumentException>(() => DriftStatistics.KolmogorovSmirnov([1.0, double.NaN], [1.0]));
        Assert.Contains("NaN", error.Message);
    }

    static JsonElement Case(string test, string name) =>
        Fixtures.GetProperty(test).EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    static double[] Numbers(JsonElement fixture, string property) => [.. fixture.GetProperty(property).EnumerateArray().Select(v => v.GetDouble())];
}
