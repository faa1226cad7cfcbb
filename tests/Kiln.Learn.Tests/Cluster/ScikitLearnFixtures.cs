using System.Text.Json.Nodes;
using Kiln.Data;

namespace Kiln.Learn.Tests.Cluster;

/// <summary>The inputs and scikit-learn's numbers that bench/compare/cluster-decomposition-fixtures.py records.</summary>
internal static class ScikitLearnFixtures
{
    static readonly string Folder = FindFolder();

    public static Frame Csv(string name) => Frame.ReadCsv(Path.Combine(Folder, name));

    public static JsonObject Expected(string file, string key) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, file)))![key]!.AsObject();

    public static double[] Doubles(JsonNode node) => [.. node.AsArray().Select(v => v!.GetValue<double>())];

    public static long[] Longs(JsonNode node) => [.. node.AsArray().Select(v => v!.GetValue<long>())];

    public static double[][] Rows(JsonNode node) => [.. node.AsArray().Select(row => Doubles(row!))];

    /// <summary>Each component equals scikit-learn's up to sign, which an SVD leaves free.</summary>
    public static void ComponentsMatchUpToSign(JsonNode expected, Func<int, double[]> component, double tolerance)
    {
        var rows = Rows(expected);
        for (var k = 0; k < rows.Length; k++)
        {
            var ours = component(k);
            var sign = Math.Sign(ours[0]) == Math.Sign(rows[k][0]) ? 1 : -1;
            for (var j = 0; j < ours.Length; j++) Assert.Equal(rows[k][j], sign * ours[j], tolerance);
        }
    }

    /// <summary>The rank-10 matrix the script builds from a formula, so no wide CSV is committed.</summary>
    public static Frame WideMatrix(int rows, int columns)
    {
        var data = new Column[columns];
        for (var j = 0; j < columns; j++)
        {
            var values = new double[rows];
            for (var i = 0; i < rows; i++)
                for (var r = 1; r <= 5; r++)
                    values[i] += Math.Sin(r * (i + 1) * 0.37 + j * 0.11 * r) / r;
            data[j] = new Float64Column($"c{j}", values);
        }
        return new Frame(data);
    }

    static string FindFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "bench", "compare");
            if (File.Exists(Path.Combine(candidate, "cluster-expected.json"))) return candidate;
        }
        throw new DirectoryNotFoundException("bench/compare with the scikit-learn fixtures was not found above the test binaries");
    }
}
