namespace Kiln.Serving.Tests;

public class ModelReferenceTests
{
    [Fact]
    public void A_bare_name_names_neither_alias_nor_version() =>
        Assert.Equal(new ModelReference("churn", null, null), ModelReference.Parse("churn"));

    [Fact]
    public void Name_at_alias_names_the_alias() =>
        Assert.Equal(new ModelReference("churn", "champion", null), ModelReference.Parse("churn@champion"));

    [Fact]
    public void Name_slash_number_names_the_version() =>
        Assert.Equal(new ModelReference("churn", null, 3), ModelReference.Parse("churn/3"));

    [Theory]
    [InlineData("churn@")]
    [InlineData("@champion")]
    [InlineData("churn/zero")]
    [InlineData("churn/0")]
    public void A_malformed_reference_is_refused_with_the_form_to_write(string text) =>
        Assert.Contains("write name", Assert.Throws<ArgumentException>(() => ModelReference.Parse(text)).Message);
}
