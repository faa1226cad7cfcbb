namespace Kiln.Vision.Video;

/// <summary>
/// Frames per second of a processing loop: <see cref="Tick"/> once per finished frame. <see cref="Current"/> is the
/// rate over the last <see cref="Window"/> frames, steady enough to read on screen yet quick to follow a change;
/// <see cref="Average"/> is the rate since the meter started.
/// </summary>
public sealed class FpsMeter
{
    readonly TimeProvider _time;
    readonly Queue<long> _recent = new();
    readonly long _start;

    /// <summary>A meter that starts now; <paramref name="time"/> replaces the system clock (for tests).</summary>
    public FpsMeter(int window = 30, TimeProvider? time = null)
    {
        Check.AtLeast(window, 1, nameof(window));
        _time = time ?? TimeProvider.System;
        Window = window;
        _start = _time.GetTimestamp();
        _recent.Enqueue(_start);
    }

    /// <summary>How many of the latest frames <see cref="Current"/> is measured over.</summary>
    public int Window { get; }

    /// <summary>Frames ticked so far.</summary>
    public int Frames { get; private set; }

    /// <summary>The rate over the latest frames; 0 before the first tick.</summary>
    public double Current { get; private set; }

    /// <summary>The rate since the meter started; 0 before the first tick.</summary>
    public double Average => Frames == 0 ? 0 : Rate(Frames, _start, _recent.Last());

    /// <summary>Counts a finished frame and returns <see cref="Current"/>.</summary>
    public double Tick()
    {
        var now = _time.GetTimestamp();
        Frames++;
        _recent.Enqueue(now);
        if (_recent.Count > Window + 1) _recent.Dequeue();
        Current = Rate(_recent.Count - 1, _recent.Peek(), now);
        return Current;
    }

    double Rate(int frames, long from, long to)
    {
        var seconds = _time.GetElapsedTime(from, to).TotalSeconds;
        return seconds > 0 ? frames / seconds : 0;
    }
}
