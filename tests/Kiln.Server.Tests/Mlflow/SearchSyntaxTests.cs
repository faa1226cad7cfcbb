using Kiln.Server.Mlflow;

namespace Kiln.Server.Tests.Mlflow;

public class SearchSyntaxTests
{
    [Fact]
    public void A_filter_parses_into_clauses_with_entities_keys_comparators_and_typed_values()
    {
        var clauses = SearchSyntax.ParseFilter("metrics.acc > 0.5 and params.`max depth` = '5' AND tags.\"team name\" LIKE 'gr%' and status != 'FAILED'", SearchVocabulary.Runs);
        Assert.Equal(
            [
                new SearchClause(new SearchKey(SearchEntity.Metric, "acc"), ">", 0.5),
                new SearchClause(new SearchKey(SearchEntity.Param, "max depth"), "=", "5"),
                new SearchClause(new SearchKey(SearchEntity.Tag, "team name"), "LIKE", "gr%"),
                new SearchClause(new SearchKey(SearchEntity.Attribute, "status"), "!=", "FAILED"),
            ],
            clauses);
    }

    [Fact]
    public void In_takes_a_list_and_not_in_is_one_comparator()
    {
        var clause = Assert.Single(SearchSyntax.ParseFilter("attributes.run_id NOT IN ('a', \"b\")", SearchVocabulary.Runs));
        Assert.Equal("NOT IN", clause.Comparator);
        Assert.Equal(["a", "b"], Assert.IsType<List<string>>(clause.Value));
        Assert.True(clause.Matches("c"));
        Assert.False(clause.Matches("a"));
    }

    [Theory]
    [InlineData("gr%", "growth", true)]
    [InlineData("gr_wth", "growth", true)]
    [InlineData("gr%", "Growth", false)]
    [InlineData("%.5", "0x5", false)]
    public void Like_reads_percent_and_underscore_as_wildcards_and_nothing_else(string pattern, string value, bool matches) =>
        Assert.Equal(matches, new SearchClause(new SearchKey(SearchEntity.Tag, "t"), "LIKE", pattern).Matches(value));

    [Fact]
    public void Ilike_ignores_case() =>
        Assert.True(new SearchClause(new SearchKey(SearchEntity.Tag, "t"), "ILIKE", "gr%").Matches("GROWTH"));

    [Fact]
    public void A_missing_value_never_matches_even_not_equal() =>
        Assert.False(new SearchClause(new SearchKey(SearchEntity.Param, "p"), "!=", "x").Matches(null));

    [Theory]
    [InlineData("metrics.acc > 0.5 or metrics.acc < 0.1", "OR is not supported")]
    [InlineData("metrics.acc >", "numeric")]
    [InlineData("params.p = 5", "quoted string")]
    [InlineData("params.p = 'unclosed", "not closed")]
    [InlineData("features.x = '1'", "Invalid entity type 'features'")]
    [InlineData("colour = 'red'", "Invalid attribute key 'colour'")]
    [InlineData("metrics.acc ~ 1", "comparator")]
    public void A_filter_mlflow_refuses_is_refused_with_what_is_wrong(string filter, string expected)
    {
        var error = Assert.Throws<MlflowApiException>(() => SearchSyntax.ParseFilter(filter, SearchVocabulary.Runs));
        Assert.Equal("INVALID_PARAMETER_VALUE", error.ErrorCode);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Experiments_have_no_metrics_to_filter_on() =>
        Assert.Throws<MlflowApiException>(() => SearchSyntax.ParseFilter("metrics.acc > 1", SearchVocabulary.Experiments));

    [Fact]
    public void An_ordering_is_ascending_unless_it_says_desc_and_missing_values_sort_last_both_ways()
    {
        var orders = SearchSyntax.ParseOrder(["metrics.acc DESC", "attributes.start_time", "params.p asc"], SearchVocabulary.Runs);
        Assert.Equal([false, true, true], orders.Select(o => o.Ascending));
        Assert.True(orders[0].Compare(0.9, 0.1) < 0);
        Assert.True(orders[0].Compare(null, 0.1) > 0);
        Assert.True(orders[1].Compare(null, 5.0) > 0);
    }
}
