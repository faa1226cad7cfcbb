using System.Numerics.Tensors;
using Kiln.Data;
using Kiln.Testing;

namespace Kiln.Plots.Tests;

/// <summary>The workbook's "Data Analysis Playground" (NumPy, pandas and plotting parts) done with Kiln's library, as README shows it.</summary>
public class DataAnalysisPlaygroundTests
{
    [Fact]
    public void Part_1_arrays_broadcast_reduce_reshape_and_mask()
    {
        var x = new RandomArrays(seed: 42).Normal(1000, 3);
        var centred = Tensor.Subtract<double>(x, x.Mean(axis: 0, keepDims: true));
        Assert.All(centred.Mean(axis: 0).ToArray(), m => Assert.Equal(0, m, 1e-12));
        var wide = Tensor.Reshape(x, [3, 1000]);
        Assert.Equal([3, 1000], wide.Lengths.ToArray());
        var positives = x.Where(Tensor.GreaterThan<double>(x, 0));
        Assert.InRange(positives.FlattenedLength, 1300, 1700);
        Assert.StartsWith("array([[", x.ToArrayString());
    }

    [Fact]
    public void Part_2_and_3_titanic_explored_and_plotted()
    {
        var titanic = Frame.ReadCsv(SharedFolder.RequireDataset("titanic/train.csv"));
        var adults = titanic.Filter(titanic.Column<Float64Column>("Age").GreaterThan(18));
        Assert.Equal(575, adults.RowCount); // pandas: (df.Age > 18).sum()
        var survival = titanic.GroupBy("Pclass").Mean("Survived", "Fare");
        Assert.Equal(0.629630, survival.Column<Float64Column>("Survived")[0], 1e-6);
        var filled = titanic.FillMissing(MissingFill.Median, "Age");
        Assert.Equal(0, filled["Age"].MissingCount);
        Assert.Contains("mean", titanic.Describe().ToString());

        using var folder = new TemporaryFolder();
        var grid = new ChartGrid(2, 2);
        grid[0, 0].Histogram([.. filled["Age"].AsFloat64().Values], bins: 20);
        grid[0, 1].Scatter([.. titanic["Age"].AsFloat64().Values], [.. titanic["Fare"].AsFloat64().Values]);
        var counts = titanic.ValueCounts("Embarked");
        grid[1, 0].Bar([.. Enumerable.Range(0, counts.RowCount).Select(counts[0].Format)], [.. counts[1].AsFloat64().Values]);
        var correlations = titanic.Correlation();
        var matrix = new double[correlations.Size, correlations.Size];
        for (var i = 0; i < correlations.Size; i++)
            for (var j = 0; j < correlations.Size; j++) matrix[i, j] = correlations[i, j];
        grid[1, 1].CorrelationHeatmap(matrix, [.. correlations.Names]);
        grid[1, 1].Title = "Correlations";
        grid.Save(folder.File("overview.png"));
        Assert.True(new FileInfo(folder.File("overview.png")).Length > 10_000);
    }
}
