namespace Kiln.Serving.Tests.Monitoring;

/// <summary>A clock that only moves when told to.</summary>
sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
