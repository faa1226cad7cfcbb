namespace Kiln.Learn.Neighbors;

/// <summary>How nearest-neighbour learners measure the distance between two rows.</summary>
public enum DistanceMetric
{
    /// <summary>Straight-line distance, √Σ(aᵢ − bᵢ)².</summary>
    Euclidean,

    /// <summary>City-block distance, Σ|aᵢ − bᵢ|.</summary>
    Manhattan,

    /// <summary>1 − cos(angle between the rows): direction only, length ignored; a zero row is at distance 1 from everything.</summary>
    Cosine,
}
