using Kiln.Data;

namespace Kiln.Learn.ModelSelection;

/// <summary>The three parts of a <see cref="DataSplit"/> and the source rows of each (Validation is empty for a train/test split).</summary>
public sealed record SplitResult(Frame Train, Frame Validation, Frame Test, int[] TrainRows, int[] ValidationRows, int[] TestRows)
{
    internal static SplitResult Of(Frame frame, int[] train, int[] validation, int[] test) =>
        new(frame.Take(train), frame.Take(validation), frame.Take(test), train, validation, test);
}
