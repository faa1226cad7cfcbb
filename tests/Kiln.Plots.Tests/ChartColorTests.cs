namespace Kiln.Plots.Tests;

public sealed class ChartColorTests
{
    [Theory]
    [InlineData("#1f77b4", 31, 119, 180, 255)]
    [InlineData("1F77B4", 31, 119, 180, 255)]
    [InlineData("#abc", 170, 187, 204, 255)]
    [InlineData("#ff000080", 255, 0, 0, 128)]
    [InlineData("white", 255, 255, 255, 255)]
    public void Parse_reads_hex_and_named_colours(string text, int red, int green, int blue, int alpha)
    {
        Assert.Equal(new ChartColor((byte)red, (byte)green, (byte)blue, (byte)alpha), ChartColor.Parse(text));
    }

    [Theory]
    [InlineData("#12345")]
    [InlineData("#ggg")]
    [InlineData("not-a-colour")]
    public void Parse_rejects_text_that_is_not_a_colour_and_shows_the_expected_form(string text)
    {
        var error = Assert.Throws<FormatException>(() => ChartColor.Parse(text));

        Assert.Contains(text, error.Message);
        Assert.Contains("#1f77b4", error.Message);
    }

    [Fact]
    public void ToHex_round_trips_through_parse()
    {
        Assert.Equal("#1f77b4", ChartColor.Parse("#1F77B4").ToHex());
        Assert.Equal("#1f77b440", ChartColor.Parse("#1f77b440").ToHex());
    }

    [Fact]
    public void Palette_repeats_when_there_are_more_series_than_colours()
    {
        var palette = ChartPalette.FromHex("#000000", "#ffffff");

        Assert.Equal(palette[0], palette[2]);
        Assert.NotEqual(palette[0], palette[1]);
    }
}
