namespace Kiln.Learn.Trees;

/// <summary>What a tree learns: a class code per row (classification) or a number per row (regression).</summary>
internal sealed class TreeTarget
{
    TreeTarget(int[]? classes, int classCount, double[]? values)
    {
        Classes = classes;
        ClassCount = classCount;
        Values = values;
    }

    public int[]? Classes { get; }

    public int ClassCount { get; }

    public double[]? Values { get; }

    public bool IsClassification => Classes is not null;

    public static TreeTarget OfClasses(int[] codes, int classCount) => new(codes, classCount, null);

    public static TreeTarget OfValues(double[] values) => new(null, 0, values);
}
