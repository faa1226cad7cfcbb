using Kiln.Learn;

namespace Kiln.Cli;

/// <summary>
/// One progress line on stderr per tenth of the work: "<c>command: stage done/total</c>". Work done in parallel can report
/// out of order, so a stage does not go back to a tenth below the last one shown, except to its start: the same stage begun again.
/// </summary>
internal sealed class ProgressLine(TextWriter writer, string command, string? stage = null) : IProgress<FitProgress>
{
    long _lastTenth = -1;
    string? _lastStage;

    public void Report(FitProgress value)
    {
        if (value.Total <= 0) return;
        var tenth = value.Done * 10 / value.Total;
        lock (writer)
        {
            if (value.Stage == _lastStage && (tenth == _lastTenth || (tenth > 0 && tenth < _lastTenth))) return;
            (_lastStage, _lastTenth) = (value.Stage, tenth);
            writer.WriteLine($"{command}: {stage ?? value.Stage} {value.Done}/{value.Total}");
        }
    }
}
