namespace Kiln.Learn.Preprocessing;

/// <summary>Saving and loading fitted arrays that hold one value per input column, checked against the schema on load.</summary>
internal static class PerColumnState
{
    public static void Write(ModelWriter writer, params (string Key, double[] Values)[] arrays)
    {
        foreach (var (key, values) in arrays) writer.Write(key, values);
    }

    public static double[][] Read(ModelReader reader, string estimator, params string[] keys)
    {
        var arrays = new double[keys.Length][];
        for (var k = 0; k < keys.Length; k++)
        {
            arrays[k] = reader.ReadDoubles(keys[k]);
            if (arrays[k].Length != reader.Schema.Columns.Count)
                throw new InvalidDataException(
                    $"model package: {estimator} holds {arrays[k].Length} {keys[k]} for {reader.Schema.Columns.Count} columns");
        }
        return arrays;
    }
}
