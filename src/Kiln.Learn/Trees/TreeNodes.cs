namespace Kiln.Learn.Trees;

/// <summary>The nodes of a tree being grown, in growable lists, frozen into a <see cref="FittedTree"/> at the end.</summary>
internal sealed class TreeNodes(int valueWidth)
{
    readonly List<int> _feature = [];
    readonly List<double> _threshold = [];
    readonly List<int> _left = [];
    readonly List<int> _right = [];
    readonly List<double> _value = [];
    readonly List<double> _impurity = [];
    readonly List<int> _samples = [];
    readonly List<double> _weighted = [];

    public int Count => _feature.Count;

    /// <summary>Adds a node and links it to its parent (none for the root); returns its id.</summary>
    public int Add(int parent, bool isLeft, int feature, double threshold, double impurity, int samples, double weighted, ReadOnlySpan<double> value)
    {
        var id = _feature.Count;
        _feature.Add(feature);
        _threshold.Add(threshold);
        _left.Add(-1);
        _right.Add(-1);
        _impurity.Add(impurity);
        _samples.Add(samples);
        _weighted.Add(weighted);
        foreach (var v in value) _value.Add(v);
        if (parent >= 0)
        {
            if (isLeft) _left[parent] = id;
            else _right[parent] = id;
        }
        return id;
    }

    /// <summary>Turns a node added as a leaf into a split (best-first growth decides later which nodes to split).</summary>
    public void MakeSplit(int id, int feature, double threshold)
    {
        _feature[id] = feature;
        _threshold[id] = threshold;
    }

    public FittedTree ToTree() => new([.. _feature], [.. _threshold], [.. _left], [.. _right], [.. _value], valueWidth,
        [.. _impurity], [.. _samples], [.. _weighted]);
}
