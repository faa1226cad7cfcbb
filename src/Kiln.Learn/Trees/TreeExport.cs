using System.Globalization;
using System.Text;
using Kiln.Data;

namespace Kiln.Learn.Trees;

/// <summary>A fitted tree as text rules (scikit-learn's export_text) or a Graphviz DOT diagram (export_graphviz).</summary>
public static class TreeExport
{
    /// <summary>
    /// Indented rules, left branch (≤) first; a leaf shows its class (<paramref name="classes"/> given) or value. Branches
    /// deeper than <paramref name="maxDepth"/> are summarised as "truncated branch of depth d".
    /// </summary>
    public static string Text(FittedTree tree, IReadOnlyList<string> featureNames, Column? classes, int maxDepth = 10, int decimals = 2)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentOutOfRangeException.ThrowIfNegative(maxDepth);
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        var text = new StringBuilder();
        var format = "F" + decimals.ToString(CultureInfo.InvariantCulture);
        void Leaf(int node, string indent)
        {
            var value = tree.ValueOf(node);
            if (classes is null)
                text.Append(indent).Append(" value: [").Append(value[0].ToString(format, CultureInfo.InvariantCulture)).Append("]\n");
            else
            {
                var best = 0;
                for (var c = 1; c < value.Length; c++) if (value[c] > value[best]) best = c;
                text.Append(indent).Append(" class: ").Append(classes.Format(best)).Append('\n');
            }
        }
        void Visit(int node, int depth)
        {
            var indent = depth == 1 ? "|---" : string.Concat(Enumerable.Repeat("|   ", depth - 1)) + "|---";
            if (depth > maxDepth + 1) return;
            if (tree.IsLeaf(node))
            {
                Leaf(node, indent);
                return;
            }
            if (depth == maxDepth + 1)
            {
                var below = SubtreeDepth(tree, node);
                text.Append(indent).Append(" truncated branch of depth ").Append(below.ToString(CultureInfo.InvariantCulture)).Append('\n');
                return;
            }
            var name = featureNames[tree.Node(node).Feature];
            var threshold = tree.Node(node).Threshold.ToString(format, CultureInfo.InvariantCulture);
            text.Append(indent).Append(' ').Append(name).Append(" <= ").Append(threshold).Append('\n');
            Visit(tree.Node(node).Left, depth + 1);
            text.Append(indent).Append(' ').Append(name).Append(" >  ").Append(threshold).Append('\n');
            Visit(tree.Node(node).Right, depth + 1);
        }
        Visit(0, 1);
        return text.ToString();
    }

    /// <summary>A DOT digraph with one box per node: its rule, impurity, rows and value, edges from parent to child.</summary>
    public static string Graphviz(FittedTree tree, IReadOnlyList<string> featureNames, string criterion, bool classifier)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var dot = new StringBuilder();
        dot.Append("digraph Tree {\nnode [shape=box, fontname=\"helvetica\"] ;\nedge [fontname=\"helvetica\"] ;\n");
        var stack = new Stack<(int Node, int Parent)>();
        stack.Push((0, -1));
        while (stack.Count > 0)
        {
            var (node, parent) = stack.Pop();
            dot.Append(node.ToString(CultureInfo.InvariantCulture)).Append(" [label=\"");
            if (!tree.IsLeaf(node))
                dot.Append(Escape(featureNames[tree.Node(node).Feature])).Append(" <= ").Append(Rounded(tree.Node(node).Threshold)).Append("\\n");
            dot.Append(criterion).Append(" = ").Append(Rounded(tree.Impurity[node])).Append("\\n")
                .Append("samples = ").Append(tree.Samples[node].ToString(CultureInfo.InvariantCulture)).Append("\\n")
                .Append("value = ").Append(ValueText(tree.ValueOf(node), classifier)).Append("\"] ;\n");
            if (parent >= 0)
            {
                dot.Append(parent.ToString(CultureInfo.InvariantCulture)).Append(" -> ").Append(node.ToString(CultureInfo.InvariantCulture));
                if (parent == 0)
                    dot.Append(node == tree.Node(0).Left ? " [labeldistance=2.5, labelangle=45, headlabel=\"True\"]" : " [labeldistance=2.5, labelangle=-45, headlabel=\"False\"]");
                dot.Append(" ;\n");
            }
            if (tree.IsLeaf(node)) continue;
            stack.Push((tree.Node(node).Right, node));
            stack.Push((tree.Node(node).Left, node));
        }
        return dot.Append("}\n").ToString();
    }

    static int SubtreeDepth(FittedTree tree, int node) =>
        tree.IsLeaf(node) ? 1 : 1 + Math.Max(SubtreeDepth(tree, tree.Node(node).Left), SubtreeDepth(tree, tree.Node(node).Right));

    static string ValueText(ReadOnlySpan<double> value, bool classifier)
    {
        if (!classifier) return Rounded(value[0]);
        var integral = true;
        foreach (var v in value) integral &= v == Math.Floor(v);
        var parts = new string[value.Length];
        for (var c = 0; c < value.Length; c++)
            parts[c] = integral ? ((long)value[c]).ToString(CultureInfo.InvariantCulture) : Rounded(value[c]);
        return "[" + string.Join(", ", parts) + "]";
    }

    /// <summary>Three decimals written as Python writes a float: the shortest form, always with a decimal point.</summary>
    static string Rounded(double value)
    {
        var text = Math.Round(value, 3).ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('E') ? text : text + ".0";
    }

    static string Escape(string text) => text.Replace("\\", "\\\\").Replace("\"", "\\\"");
}
