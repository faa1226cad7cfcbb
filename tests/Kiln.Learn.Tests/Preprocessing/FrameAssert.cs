using System.Text.Json.Nodes;
using Kiln.Data;

namespace Kiln.Learn.Tests.Preprocessing;

/// <summary>Assertions the preprocessing tests share: column values against scikit-learn's, and models through a package round trip.</summary>
internal static class FrameAssert
{
    public static void Values(double[] expected, Frame frame, string column, double tolerance = 1e-12)
    {
        var actual = frame.Column<Float64Column>(column).Values.ToArray();
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            if (double.IsNaN(expected[i])) Assert.True(double.IsNaN(actual[i]), $"{column}[{i}] is {actual[i]}, expected NaN");
            else Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"{column}[{i}] is {actual[i]:R}, expected {expected[i]:R}");
        }
    }

    /// <summary>Every row of a frame, a row per array, as doubles.</summary>
    public static void Rows(double[][] expected, Frame frame, double tolerance = 1e-12)
    {
        Assert.Equal(expected.Length, frame.RowCount);
        for (var j = 0; j < frame.ColumnCount; j++)
            Values([.. expected.Select(row => row[j])], frame, frame[j].Name, tolerance);
    }

    /// <summary>The model written into a package and read back.</summary>
    public static ITransformerModel Reloaded(ITransformerModel model)
    {
        var writer = new ModelWriter();
        ModelFormat.Write(writer, model);
        var json = JsonNode.Parse(writer.State.ToJsonString())!.AsObject();
        return (ITransformerModel)ModelFormat.Read(new ModelReader(json, writer.Arrays));
    }

    /// <summary>Two frames with the same names, types and values to the bit (NaN equal to NaN).</summary>
    public static void Identical(Frame expected, Frame actual)
    {
        Assert.Equal(expected.ColumnNames, actual.ColumnNames);
        for (var j = 0; j < expected.ColumnCount; j++)
        {
            Assert.Equal(expected[j].Type, actual[j].Type);
            for (var i = 0; i < expected.RowCount; i++)
                Assert.Equal(expected[j].GetValue(i), actual[j].GetValue(i));
        }
    }
}
