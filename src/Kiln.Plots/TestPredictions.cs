namespace Kiln.Plots;

/// <summary>
/// What a classifier network said about each test row: the row's true class (an index into the classes) and the
/// network's probability of every class, row after row (rows × classes), as its softmax output gives them.
/// </summary>
public sealed record TestPredictions(IReadOnlyList<int> Truths, float[] Probabilities)
{
    /// <summary>The probability of <paramref name="classIndex"/> for every row, out of <paramref name="classCount"/> classes.</summary>
    public double[] Of(int classIndex, int classCount)
    {
        if (Probabilities.Length != Truths.Count * classCount)
            throw new ArgumentException($"{Probabilities.Length} probabilities do not make {Truths.Count} rows of {classCount} classes");
        var column = new double[Truths.Count];
        for (var r = 0; r < column.Length; r++) column[r] = Probabilities[r * classCount + classIndex];
        return column;
    }
}
