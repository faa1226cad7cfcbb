namespace Kiln.Vision.Tests.Video;

/// <summary>A clock that moves only when told, for measuring frame rates without waiting.</summary>
sealed class SteppingClock : TimeProvider
{
    long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => _ticks;

    public void Advance(TimeSpan by) => _ticks += by.Ticks;
}
