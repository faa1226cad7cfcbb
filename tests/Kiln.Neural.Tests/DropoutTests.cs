using Kiln.Neural.Layers;
using TorchSharp;

namespace Kiln.Neural.Tests;

public class DropoutTests
{
    [Fact]
    public void Training_zeroes_about_the_rate_of_inputs_and_scales_the_rest_so_the_mean_is_kept()
    {
        TorchRuntime.Describe();
        torch.manual_seed(3);
        using var module = new Dropout(0.3).Build([1000]);
        module.train();
        using var ones = torch.ones(100, 1000);
        using var output = module.forward(ones);
        var values = output.data<float>().ToArray();
        var zeroed = values.Count(v => v == 0) / (double)values.Length;
        Assert.InRange(zeroed, 0.29, 0.31);
        Assert.All(values.Where(v => v != 0), v => Assert.Equal(1 / 0.7f, v, 5));
        Assert.InRange(values.Average(), 0.98, 1.02);
    }

    [Fact]
    public void Gradients_flow_only_through_the_kept_inputs_with_the_same_scale()
    {
        TorchRuntime.Describe();
        torch.manual_seed(4);
        using var module = new Dropout(0.5).Build([64]);
        module.train();
        using var x = torch.ones(32, 64, requires_grad: true);
        using var output = module.forward(x);
        output.sum().backward();
        Assert.Equal(output.data<float>().ToArray(), x.grad!.data<float>().ToArray());
    }

    [Fact]
    public void At_inference_the_input_passes_through_unchanged()
    {
        TorchRuntime.Describe();
        using var module = new Dropout(0.5).Build([8]);
        module.eval();
        using var x = torch.arange(16, dtype: torch.ScalarType.Float32).reshape(2, 8);
        using var output = module.forward(x);
        Assert.Equal(x.data<float>().ToArray(), output.data<float>().ToArray());
    }

    [Fact]
    public void The_same_seed_drops_the_same_inputs()
    {
        TorchRuntime.Describe();
        float[] Draw()
        {
            torch.manual_seed(9);
            using var module = new Dropout(0.4).Build([50]);
            module.train();
            using var ones = torch.ones(4, 50);
            using var output = module.forward(ones);
            return output.data<float>().ToArray();
        }
        Assert.Equal(Draw(), Draw());
    }
}
