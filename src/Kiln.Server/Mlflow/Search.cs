namespace Kiln.Server.Mlflow;

/// <summary>Filters and sorts a listing by a parsed filter and ordering, with a resource's own way of reading a key's value.</summary>
static class Search
{
    /// <param name="tieBreakers">The orderings that settle what <paramref name="order"/> leaves equal (MLflow's defaults).</param>
    public static IReadOnlyList<T> Apply<T>(IEnumerable<T> items, IReadOnlyList<SearchClause> filter, IReadOnlyList<SearchOrder> order,
        Func<T, SearchKey, object?> valueOf, IReadOnlyList<SearchOrder> tieBreakers)
    {
        var kept = items.Where(item => filter.All(clause => clause.Matches(valueOf(item, clause.Key)))).ToList();
        var orders = order.Concat(tieBreakers).ToList();
        kept.Sort((a, b) =>
        {
            foreach (var o in orders)
                if (o.Compare(valueOf(a, o.Key), valueOf(b, o.Key)) is var c and not 0) return c;
            return 0;
        });
        return kept;
    }
}
