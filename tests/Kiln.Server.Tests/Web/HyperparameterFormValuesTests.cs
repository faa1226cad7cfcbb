using Kiln.Learn;
using Kiln.Server.Web.Pages;

namespace Kiln.Server.Tests.Web;

public class HyperparameterFormValuesTests
{
    static readonly CatalogEntry Tree = EstimatorCatalog.Find("decision-tree-classifier");
    static readonly CatalogEntry Forest = EstimatorCatalog.Find("random-forest-classifier");

    [Fact]
    public void Values_typed_for_an_algorithm_are_shown_again_when_switching_back_to_it()
    {
        var form = new HyperparameterFormValues();
        form.Open(Tree)["max-depth"] = "3";
        form.Open(Forest)["max-depth"] = "7";

        Assert.Equal("3", form.Open(Tree)["max-depth"]);
        Assert.Equal(new Dictionary<string, string> { ["max-depth"] = "3" }, form.Changed(Tree.Name));
        Assert.Equal("7", form.Open(Forest)["max-depth"]);
    }

    [Fact]
    public void A_value_changed_on_one_algorithm_is_carried_to_the_same_named_parameter_of_the_next_and_queued_as_shown()
    {
        var form = new HyperparameterFormValues();
        form.Open(Tree)["max-depth"] = "4";
        var forest = form.Open(Forest);

        Assert.Equal("4", forest["max-depth"]);
        Assert.Equal("4", form.Changed(Forest.Name)["max-depth"]);
    }

    [Fact]
    public void A_change_written_into_a_dictionary_after_switching_away_stays_with_its_algorithm()
    {
        var form = new HyperparameterFormValues();
        var tree = form.Open(Tree);
        form.Open(Forest);
        tree["max-depth"] = "2";

        Assert.Equal("2", form.Changed(Tree.Name)["max-depth"]);
        Assert.Equal("2", form.Open(Tree)["max-depth"]);
    }

    [Fact]
    public void Untouched_values_are_not_sent_so_the_catalogs_defaults_apply()
    {
        var form = new HyperparameterFormValues();
        form.Open(Tree);
        Assert.Empty(form.Changed(Tree.Name));
    }
}
