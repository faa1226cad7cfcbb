using Kiln.Data;

namespace Kiln.Learn.ModelSelection;

/// <summary>One split of a cross-validator: the rows to train on and the rows to test on, by index.</summary>
public sealed record Fold(int[] Train, int[] Test)
{
    /// <summary>The fold's training and test rows of a frame.</summary>
    public (Frame Train, Frame Test) Take(Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        CheckLength(frame.RowCount, nameof(frame));
        return (frame.Take(Train), frame.Take(Test));
    }

    /// <summary>The fold's training and test rows of a column (a target, weights).</summary>
    public (Column Train, Column Test) Take(Column column)
    {
        ArgumentNullException.ThrowIfNull(column);
        CheckLength(column.Length, nameof(column));
        return (column.Take(Train), column.Take(Test));
    }

    void CheckLength(int rowCount, string parameter)
    {
        foreach (var row in Train)
            if (row >= rowCount) throw new ArgumentException($"the fold holds row {row} but {parameter} has {rowCount} rows", parameter);
        foreach (var row in Test)
            if (row >= rowCount) throw new ArgumentException($"the fold holds row {row} but {parameter} has {rowCount} rows", parameter);
    }
}
