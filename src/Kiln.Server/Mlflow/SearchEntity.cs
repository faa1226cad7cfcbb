namespace Kiln.Server.Mlflow;

/// <summary>What a search key names: <c>metrics.x</c>, <c>params.x</c>, <c>tags.x</c> or an attribute (<c>attributes.status</c>, or bare <c>status</c>).</summary>
enum SearchEntity
{
    Attribute,
    Metric,
    Param,
    Tag,
}
