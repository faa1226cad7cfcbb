using TorchSharp;

namespace Kiln.Neural;

/// <summary>
/// The native libtorch runtime under Kiln.Neural. <see cref="Describe"/> loads it once and turns a failure to load into
/// one error that says what went wrong, instead of the type-initialiser exception TorchSharp raises.
/// </summary>
public static class TorchRuntime
{
    static readonly Lazy<string> LoadedVersion = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The libtorch version and thread counts, loading the native library on first use.</summary>
    /// <exception cref="NeuralRuntimeException">The native library could not be loaded.</exception>
    public static TorchDescription Describe() => new(LoadedVersion.Value, torch.get_num_threads(), torch.get_num_interop_threads());

    /// <summary>
    /// How many threads libtorch computes each operation with, for the whole process (PyTorch's torch.set_num_threads);
    /// by default one per core.
    /// </summary>
    public static void SetThreads(int threads)
    {
        if (threads < 1) throw new ArgumentOutOfRangeException(nameof(threads), threads, "libtorch threads: give at least 1");
        _ = LoadedVersion.Value;
        torch.set_num_threads(threads);
    }

    static string Load()
    {
        try
        {
            torch.InitializeDeviceType(DeviceType.CPU);
            return torch.__version__;
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
