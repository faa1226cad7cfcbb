namespace Kiln.Learn.Trees;

/// <summary>The nodes of a tree being grown, in growable lists, frozen into a <see cref="FittedTree"/> at the end.</summary>
internal sealed class TreeNodes(int valueWidth)
{
    readonly List<TreeNode> _nodes = [];
    readonly List<double> _value = [];
    readonly List<double> _impurity = [];
    readonly List<int> _samples = [];
    readonly List<double> _weighted = [];

    /// <summary>Adds a node and links it to its parent (none for the root); returns its id.</summary>
    public int Add(int parent, bool isLeft, int feature, double threshold, double impurity, int samples, double weighted, ReadOnlySpan<double> value)
    {
        var id = _nodes.Count;
        _nodes.Add(new TreeNode(threshold, feature, -1, -1));
        _impurity.Add(impurity);
        _samples.Add(samples);
        _weighted.Add(weighted);
        foreach (var v in value) _value.Add(v);
        if (parent >= 0) _nodes[parent] = isLeft ? _nodes[parent] with { Left = id } : _nodes[parent] with { Right = id };
        return id;
    }

    /// <summary>Turns a node added as a leaf into a split (best-first growth decides later which nodes to split).</summary>
    public void MakeSplit(int id, int feature, double threshold) => _nodes[id] = _nodes[id] with { Feature = feature, Threshold = threshold };

    public FittedTree ToTree() => new([.. _nodes], [.. _value], valueWidth, [.. _impurity], [.. _samples], [.. _weighted]);

    /// <summary>Empties the lists, keeping their capacity for the next tree grown on the same thread.</summary>
    public void Clear()
    {
        _nodes.Clear();
        _value.Clear();
        _impurity.Clear();
        _samples.Clear();
        _weighted.Clear();
    }
}
