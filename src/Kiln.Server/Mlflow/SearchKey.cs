namespace Kiln.Server.Mlflow;

/// <summary>One key of a filter or an ordering, such as <c>metrics.accuracy</c>.</summary>
sealed record SearchKey(SearchEntity Entity, string Name)
{
    public override string ToString() => Entity switch
    {
        SearchEntity.Metric => $"metrics.{Name}",
        SearchEntity.Param => $"params.{Name}",
        SearchEntity.Tag => $"tags.{Name}",
        _ => $"attributes.{Name}",
    };
}
