using TorchSharp;
using static TorchSharp.torch;

namespace Kiln.Neural.Tests;

public class TorchRuntimeTests
{
    [Fact]
    public void The_native_library_loads_and_reports_its_version_and_threads()
    {
        var runtime = TorchRuntime.Describe();
        Assert.StartsWith("2.", runtime.Version);
        Assert.True(runtime.Threads >= 1);
    }

    [Fact]
    public void Setting_the_thread_count_changes_what_the_runtime_reports()
    {
        var before = TorchRuntime.Describe().Threads;
        try
        {
            TorchRuntime.SetThreads(1);
            Assert.Equal(1, TorchRuntime.Describe().Threads);
        }
        finally
        {
            TorchRuntime.SetThreads(before);
        }
    }

    [Fact]
    public void A_thread_count_below_one_is_refused_naming_the_parameter()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => TorchRuntime.SetThreads(0));
        Assert.Equal("threads", error.ParamName);
    }

    [Fact]
    public void A_matrix_product_computes_on_the_native_library()
    {
        TorchRuntime.Describe();
        using var a = tensor(new float[] { 1, 2, 3, 4, 5, 6 }, [2, 3]);
        using var b = tensor(new float[] { 1, 0, 0, 1, 1, 1 }, [3, 2]);
        using var product = a.matmul(b);
        Assert.Equal(new float[] { 4, 5, 10, 11 }, product.data<float>().ToArray());
    }

    [Fact]
    public void Autograd_gives_the_gradient_of_a_squared_norm()
    {
        TorchRuntime.Describe();
        using var x = tensor(new double[] { 1.5, -2, 3 }, requires_grad: true);
        using var loss = x.pow(2).sum();
        loss.backward();
        // d/dx Σ x² = 2x
        Assert.Equal(new[] { 3.0, -4, 6 }, x.grad!.data<double>().ToArray());
    }
}
