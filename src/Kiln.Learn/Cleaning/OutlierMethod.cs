namespace Kiln.Learn.Cleaning;

/// <summary>How outlier bounds are fitted on each numeric column.</summary>
public enum OutlierMethod
{
    /// <summary>Tukey's fences: [Q1 − f·IQR, Q3 + f·IQR] with NumPy's linear quartiles.</summary>
    Iqr,

    /// <summary>[mean − t·std, mean + t·std] with the population standard deviation (SciPy's zscore).</summary>
    ZScore,
}
