using Kiln.Vision.Video;

namespace Kiln.Vision.Tests.Video;

public sealed class FpsMeterTests
{
    [Fact]
    public void Frames_every_25_milliseconds_are_40_per_second()
    {
        var clock = new SteppingClock();
        var meter = new FpsMeter(time: clock);
        Assert.Equal(0, meter.Current);

        for (var i = 0; i < 10; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(25));
            meter.Tick();
        }

        Assert.Equal(40, meter.Current, 6);
        Assert.Equal(40, meter.Average, 6);
        Assert.Equal(10, meter.Frames);
    }

    [Fact]
    public void The_current_rate_follows_the_latest_frames_while_the_average_keeps_the_whole_run()
    {
        var clock = new SteppingClock();
        var meter = new FpsMeter(window: 5, time: clock);
        for (var i = 0; i < 10; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(10));
            meter.Tick();
        }
        for (var i = 0; i < 5; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
            meter.Tick();
        }

        Assert.Equal(10, meter.Current, 6);
        Assert.Equal(15 / 0.6, meter.Average, 6);
    }

    [Fact]
    public void A_window_of_no_frames_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FpsMeter(window: 0));
    }
}
