namespace Kiln.Learn.ModelSelection;

/// <summary>What a learning curve says about a model's fit.</summary>
public enum FitVerdict
{
    /// <summary>Training and validation scores are close and both low: the model is too simple for the data.</summary>
    UnderFitting,

    /// <summary>The training score is well above the validation score, which has stopped rising.</summary>
    OverFitting,

    /// <summary>The validation score still rises with the last rows added.</summary>
    MoreDataWouldHelp,

    /// <summary>The scores are close, high, and no longer rising.</summary>
    GoodFit,
}
