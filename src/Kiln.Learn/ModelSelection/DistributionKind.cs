namespace Kiln.Learn.ModelSelection;

/// <summary>How a search draws one hyperparameter's values.</summary>
public enum DistributionKind
{
    /// <summary>One of a list of values, each as likely (<c>name=a,b,c</c>).</summary>
    Values,

    /// <summary>A number uniform between two bounds (<c>uniform(0,1)</c>).</summary>
    Uniform,

    /// <summary>A positive number whose logarithm is uniform between the logarithms of two bounds (<c>log(1e-4,1)</c>): each decade as likely.</summary>
    LogUniform,

    /// <summary>A whole number uniform between two bounds, both included (<c>int(1,50)</c>).</summary>
    Integer,
}
