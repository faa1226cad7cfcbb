namespace Kiln.Learn.Trees;

/// <summary>
/// Working arrays one thread reuses from tree to tree of a forest, so growing many trees does not churn the large
/// object heap. Each array is grown to the size asked for and never shrunk.
/// </summary>
internal sealed class TreeScratch
{
    int[] _rows = [];
    int[] _otherRows = [];
    ushort[] _codes = [];
    double[] _weights = [];
    TreeNodes? _nodes;
    int _nodesWidth;

    public int[] Rows(int length) => Sized(ref _rows, length);

    public int[] OtherRows(int length) => Sized(ref _otherRows, length);

    public ushort[] Codes(int length) => Sized(ref _codes, length);

    public double[] Weights(int length) => Sized(ref _weights, length);

    /// <summary>An empty node list for trees whose nodes hold <paramref name="valueWidth"/> values.</summary>
    public TreeNodes Nodes(int valueWidth)
    {
        if (_nodes is null || _nodesWidth != valueWidth) (_nodes, _nodesWidth) = (new TreeNodes(valueWidth), valueWidth);
        else _nodes.Clear();
        return _nodes;
    }

    static T[] Sized<T>(ref T[] array, int length)
    {
        if (array.Length < length) array = new T[length];
        return array;
    }
}
