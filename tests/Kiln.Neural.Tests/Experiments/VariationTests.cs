using Kiln.Neural.Experiments;

namespace Kiln.Neural.Tests.Experiments;

public class VariationTests
{
    [Fact]
    public void Parse_reads_the_keys_and_values_in_the_order_given_and_loosely_spelt_names()
    {
        var variation = Variation.Parse(" units=64, 128 ; Activation=ReLU,leaky-relu;optimizer=SGD;early-stopping=off,3 ");
        Assert.Equal(["units", "activation", "optimizer", "early-stopping"], variation.Settings.Select(s => s.Key));
        Assert.Equal(["64", "128"], variation.Settings[0].Values);
        Assert.Equal(["relu", "leaky_relu"], variation.Settings[1].Values);
        Assert.Equal(["sgd"], variation.Settings[2].Values);
        Assert.Equal(["off", "3"], variation.Settings[3].Values);
        Assert.Equal("units=64,128;activation=relu,leaky_relu;optimizer=sgd;early-stopping=off,3", variation.ToString());
    }

    [Fact]
    public void An_unknown_key_is_refused_with_the_keys_there_are()
    {
        var error = Assert.Throws<ArgumentException>(() => Variation.Parse("units=64;neurons=3", "--vary"));
        Assert.StartsWith("--vary: unknown key 'neurons'; it takes layers, units, activation, dropout, l2, optimizer, lr, batch-size, epochs, early-stopping", error.Message);
    }

    [Theory]
    [InlineData("layers=0", "'layers' value '0' is not a whole number of at least 1")]
    [InlineData("units=64,wide", "'units' value 'wide' is not a whole number of at least 1")]
    [InlineData("activation=swish", "'activation' value 'swish' is not one of linear, relu, leaky_relu, elu, gelu, sigmoid, tanh, softmax")]
    [InlineData("dropout=0.3,1", "'dropout' value '1' is not a rate in [0, 1)")]
    [InlineData("optimizer=adagrad", "'optimizer' value 'adagrad' is not one of adam, adamw, sgd, rmsprop")]
    [InlineData("lr=0.01,0", "'lr' value '0' is not a learning rate above 0")]
    [InlineData("l2=-0.1", "'l2' value '-0.1' is not a number of at least 0")]
    [InlineData("batch-size=1.5", "'batch-size' value '1.5' is not a whole number of at least 1")]
    [InlineData("early-stopping=soon", "'early-stopping' value 'soon' is not off or a patience in epochs")]
    [InlineData("units=", "'units' value '' is not a whole number of at least 1")]
    [InlineData("units=64,64", "'units' lists 64 twice")]
    [InlineData("units=64;units=128", "'units' is given twice")]
    [InlineData("units", "'units' has no '='")]
    [InlineData(" ; ", "nothing to vary")]
    public void A_bad_value_is_refused_naming_the_key_and_the_value(string text, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => Variation.Parse(text, "--vary"));
        Assert.StartsWith("--vary: ", error.Message);
        Assert.Contains(message, error.Message);
    }
}
