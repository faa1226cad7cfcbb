namespace Kiln.Learn.Trees;

/// <summary>A fitted <see cref="DecisionTreeRegressor"/>: its tree, whose leaves hold the prediction.</summary>
public sealed class DecisionTreeRegressorModel : TreeRegressorModel
{
    internal DecisionTreeRegressorModel(DecisionTreeRegressor estimator, InputSchema schema, string targetName, FittedTree tree)
        : base(estimator, schema, targetName, [tree])
    {
        Tree = tree;
        FeatureImportances = tree.FeatureImportances(schema.Columns.Count);
    }

    public FittedTree Tree { get; }

    /// <summary>Each input column's share of the total weighted impurity decrease, in schema order, summing to one.</summary>
    public double[] FeatureImportances { get; }

    /// <summary>The tree as indented rules, as scikit-learn's export_text.</summary>
    public string ExportText(int maxDepth = 10, int decimals = 2) => TreeExport.Text(Tree, [.. Schema.Names], null, maxDepth, decimals);

    /// <summary>The tree as a Graphviz DOT diagram, as scikit-learn's export_graphviz.</summary>
    public string ExportGraphviz() => TreeExport.Graphviz(Tree, [.. Schema.Names],
        ((DecisionTreeRegressor)Estimator).Criterion == RegressionCriterion.SquaredError ? "squared_error" : "absolute_error", classifier: false);

    public override void Save(ModelWriter writer)
    {
        writer.Write("target-name", TargetName);
        Tree.Save(writer.Section("tree"));
    }

    public static DecisionTreeRegressorModel Load(ModelReader reader)
    {
        var tree = FittedTree.Load(reader.Section("tree"), reader.Schema.Columns.Count, 1);
        return new DecisionTreeRegressorModel((DecisionTreeRegressor)reader.Estimator, reader.Schema, reader.ReadString("target-name"), tree);
    }
}
