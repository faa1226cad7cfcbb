namespace Kiln.Server.Mlflow;

/// <summary>One <c>order_by</c> entry: a key and its direction.</summary>
sealed record SearchOrder(SearchKey Key, bool Ascending)
{
    /// <summary>Compares two values of the key; a missing value sorts last whatever the direction, as MLflow sorts them.</summary>
    public int Compare(object? left, object? right) => (left, right) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        (double a, double b) => Ascending ? a.CompareTo(b) : b.CompareTo(a),
        _ => Ascending ? string.CompareOrdinal(left.ToString(), right.ToString()) : string.CompareOrdinal(right.ToString(), left.ToString()),
    };
}
