using Kiln.Learn.Trees;

namespace Kiln.Learn.Ensemble;

/// <summary>Saves and loads a forest's trees, one section each, with its out-of-bag score.</summary>
internal static class ForestTrees
{
    public static void Save(ModelWriter writer, IReadOnlyList<FittedTree> trees, double? oobScore)
    {
        writer.Write("tree-count", trees.Count);
        if (oobScore is { } score) writer.Write("oob-score", score);
        for (var t = 0; t < trees.Count; t++) trees[t].Save(writer.Section($"tree-{t}"));
    }

    public static (FittedTree[] Trees, double? OobScore) Load(ModelReader reader, int valueWidth)
    {
        var count = reader.ReadInt32("tree-count");
        if (count < 1) throw new InvalidDataException($"model package: a forest of {count} trees");
        var trees = new FittedTree[count];
        for (var t = 0; t < count; t++) trees[t] = FittedTree.Load(reader.Section($"tree-{t}"), reader.Schema.Columns.Count, valueWidth);
        return (trees, reader.Has("oob-score") ? reader.ReadDouble("oob-score") : null);
    }
}
