using Kiln.Data;

namespace Kiln.Learn.Trees;

/// <summary>A fitted <see cref="DecisionTreeClassifier"/>: its tree, whose leaves hold weighted class counts.</summary>
public sealed class DecisionTreeClassifierModel : TreeClassifierModel
{
    internal DecisionTreeClassifierModel(DecisionTreeClassifier estimator, InputSchema schema, Column classes, FittedTree tree)
        : base(estimator, schema, classes, [tree])
    {
        Tree = tree;
        FeatureImportances = tree.FeatureImportances(schema.Columns.Count);
    }

    public FittedTree Tree { get; }

    /// <summary>Each input column's share of the total weighted impurity decrease, in schema order, summing to one.</summary>
    public double[] FeatureImportances { get; }

    /// <summary>The tree as indented rules, as scikit-learn's export_text.</summary>
    public string ExportText(int maxDepth = 10, int decimals = 2) => TreeExport.Text(Tree, [.. Schema.Names], Classes, maxDepth, decimals);

    /// <summary>The tree as a Graphviz DOT diagram, as scikit-learn's export_graphviz.</summary>
    public string ExportGraphviz() => TreeExport.Graphviz(Tree, [.. Schema.Names], CriterionName(), classifier: true);

    string CriterionName() => ((DecisionTreeClassifier)Estimator).Criterion == ClassificationCriterion.Gini ? "gini" : "entropy";

    public override void Save(ModelWriter writer)
    {
        ClassColumns.Save(writer, Classes);
        Tree.Save(writer.Section("tree"));
    }

    public static DecisionTreeClassifierModel Load(ModelReader reader)
    {
        var classes = ClassColumns.Load(reader);
        var tree = FittedTree.Load(reader.Section("tree"), reader.Schema.Columns.Count, classes.Length);
        return new DecisionTreeClassifierModel((DecisionTreeClassifier)reader.Estimator, reader.Schema, classes, tree);
    }
}
