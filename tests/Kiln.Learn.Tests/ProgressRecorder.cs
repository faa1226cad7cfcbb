namespace Kiln.Learn.Tests;

/// <summary>Keeps every progress report as it is made, on the reporting thread (unlike <see cref="Progress{T}"/>, which posts).</summary>
sealed class ProgressRecorder(List<FitProgress> reports) : IProgress<FitProgress>
{
    public void Report(FitProgress value)
    {
        lock (reports) reports.Add(value);
    }
}
