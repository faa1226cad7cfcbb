using TorchSharp;

namespace Kiln.Neural;

/// <summary>
/// The native libtorch runtime under Kiln.Neural. <see cref="Describe"/> loads it once and turns a failure to load into
/// one error that says what went wrong, instead of the type-initialiser exception TorchSharp raises.
/// </summary>
public static class TorchRuntime
{
    static readonly Lazy<TorchDescription> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The libtorch version and thread count, loading the native library on first use.</summary>
    /// <exception cref="NeuralRuntimeException">The native library could not be loaded.</exception>
    public static TorchDescription Describe() => Loaded.Value;

    static TorchDescription Load()
    {
        try
        {
            torch.InitializeDeviceType(DeviceType.CPU);
            return new TorchDescription(torch.__version__, torch.get_num_threads(), torch.get_num_interop_threads());
        }
        catch (Exception error) when (error is TypeInitializationException or DllNotFoundException or NotSupportedException)
        {
            var cause = error.InnerException ?? error;
            while (cause.InnerException is not null) cause = cause.InnerException;
            throw new NeuralRuntimeException(
                $"libtorch (TorchSharp's native library) did not load: {cause.Message}. Rebuild with 'dotnet build' so the " +
                "build can adapt the library to this machine's libstdc++, or check that runtimes/linux-x64/native is beside the program.", error);
        }
    }
}
