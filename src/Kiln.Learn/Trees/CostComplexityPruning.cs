namespace Kiln.Learn.Trees;

/// <summary>
/// Minimal cost-complexity pruning as scikit-learn's ccp_alpha: repeatedly collapse the internal node whose subtree buys
/// the least impurity per extra leaf (its effective alpha), while that alpha is at most the given one.
/// </summary>
internal static class CostComplexityPruning
{
    public static FittedTree Prune(FittedTree tree, double alpha)
    {
        var n = tree.NodeCount;
        var totalWeight = tree.WeightedSamples[0];
        var nodeRisk = new double[n];
        var branchRisk = new double[n];
        var leaves = new int[n];
        var parent = new int[n];
        parent[0] = -1;
        for (var node = 0; node < n; node++)
        {
            nodeRisk[node] = tree.WeightedSamples[node] * tree.Impurity[node] / totalWeight;
            if (tree.IsLeaf(node)) continue;
            parent[tree.Node(node).Left] = node;
            parent[tree.Node(node).Right] = node;
        }
        // children come after parents, so a backward pass sums each subtree's leaves and risk
        for (var node = n - 1; node >= 0; node--)
        {
            if (tree.IsLeaf(node))
            {
                leaves[node] = 1;
                branchRisk[node] = nodeRisk[node];
                continue;
            }
            leaves[node] = leaves[tree.Node(node).Left] + leaves[tree.Node(node).Right];
            branchRisk[node] = branchRisk[tree.Node(node).Left] + branchRisk[tree.Node(node).Right];
        }
        var collapsed = new bool[n];
        var removed = new bool[n];
        while (true)
        {
            var weakest = -1;
            var weakestAlpha = double.PositiveInfinity;
            for (var node = 0; node < n; node++)
            {
                if (tree.IsLeaf(node) || collapsed[node] || removed[node]) continue;
                var effective = (nodeRisk[node] - branchRisk[node]) / (leaves[node] - 1);
                if (effective < weakestAlpha)
                {
                    weakestAlpha = effective;
                    weakest = node;
                }
            }
            if (weakest < 0 || weakestAlpha > alpha) break;
            collapsed[weakest] = true;
            MarkDescendantsRemoved(tree, weakest, removed);
            var leavesLost = leaves[weakest] - 1;
            var riskGained = nodeRisk[weakest] - branchRisk[weakest];
            leaves[weakest] = 1;
            branchRisk[weakest] = nodeRisk[weakest];
            for (var ancestor = parent[weakest]; ancestor >= 0; ancestor = parent[ancestor])
            {
                leaves[ancestor] -= leavesLost;
                branchRisk[ancestor] += riskGained;
            }
        }
        return Rebuild(tree, collapsed);
    }

    static void MarkDescendantsRemoved(FittedTree tree, int node, bool[] removed)
    {
        var stack = new Stack<int>();
        stack.Push(tree.Node(node).Left);
        stack.Push(tree.Node(node).Right);
        while (stack.Count > 0)
        {
            var next = stack.Pop();
            removed[next] = true;
            if (tree.IsLeaf(next)) continue;
            stack.Push(tree.Node(next).Left);
            stack.Push(tree.Node(next).Right);
        }
    }

    /// <summary>The kept nodes renumbered in depth-first order, collapsed nodes as leaves.</summary>
    static FittedTree Rebuild(FittedTree tree, bool[] collapsed)
    {
        var nodes = new TreeNodes(tree.ValueWidth);
        var stack = new Stack<(int Node, int Parent, bool IsLeft)>();
        stack.Push((0, -1, false));
        while (stack.Count > 0)
        {
            var (node, parent, isLeft) = stack.Pop();
            var leaf = tree.IsLeaf(node) || collapsed[node];
            var id = nodes.Add(parent, isLeft, leaf ? -1 : tree.Node(node).Feature, leaf ? 0 : tree.Node(node).Threshold, tree.Impurity[node],
                tree.Samples[node], tree.WeightedSamples[node], tree.ValueOf(node));
            if (leaf) continue;
            stack.Push((tree.Node(node).Right, id, false));
            stack.Push((tree.Node(node).Left, id, true));
        }
        return nodes.ToTree();
    }
}
