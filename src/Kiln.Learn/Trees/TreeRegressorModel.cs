using Kiln.Data;

namespace Kiln.Learn.Trees;

/// <summary>The base of fitted tree regressors: checks the input and averages the trees' leaf values, named as the target.</summary>
public abstract class TreeRegressorModel : IRegressorModel
{
    private protected TreeRegressorModel(IEstimator estimator, InputSchema schema, string targetName, IReadOnlyList<FittedTree> trees)
    {
        Estimator = estimator;
        Schema = schema;
        TargetName = targetName;
        Trees = trees;
    }

    public IEstimator Estimator { get; }
    public InputSchema Schema { get; }

    /// <summary>The name of the target the model was fitted on, which its predictions carry.</summary>
    public string TargetName { get; }

    /// <summary>The fitted trees: one for a decision tree, many for a forest.</summary>
    public IReadOnlyList<FittedTree> Trees { get; }

    public Column Predict(Frame features) => new Float64Column(TargetName, TreePrediction.MeanValues(Trees, TreeInput.Checked(this, features)));

    public abstract void Save(ModelWriter writer);
}
