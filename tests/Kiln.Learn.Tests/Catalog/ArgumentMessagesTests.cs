namespace Kiln.Learn.Tests.Catalog;

public class ArgumentMessagesTests
{
    [Fact]
    public void The_parameter_name_dotnet_appends_is_dropped()
    {
        var error = new ArgumentException("the kernel must be odd", "kernel");
        Assert.Equal("the kernel must be odd (Parameter 'kernel')", error.Message);

        Assert.Equal("the kernel must be odd", ArgumentMessages.Own(error));
    }

    [Fact]
    public void An_out_of_range_error_keeps_only_its_own_first_line()
    {
        var error = new ArgumentOutOfRangeException("kernel", 4, "kernel must be an odd number of pixels, got 4");

        Assert.Equal("kernel must be an odd number of pixels, got 4", ArgumentMessages.Own(error));
    }

    [Fact]
    public void A_message_without_a_parameter_is_left_as_it_is()
    {
        Assert.Equal("bad value (Parameter 'x') quoted", ArgumentMessages.Own(new ArgumentException("bad value (Parameter 'x') quoted")));
    }
}
