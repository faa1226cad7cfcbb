using Kiln.Testing;
using Kiln.Vision.Video;
using OpenCvSharp;

namespace Kiln.Vision.Tests.Video;

public sealed class VideoRunTests
{
    sealed class Reports : IProgress<VideoProgress>
    {
        public List<VideoProgress> Seen { get; } = [];

        public Action<VideoProgress>? Then { get; init; }

        public void Report(VideoProgress value)
        {
            Seen.Add(value);
            Then?.Invoke(value);
        }
    }

    sealed class ClosingWindow(int after) : IVideoWindow
    {
        public int Shown { get; private set; }

        public bool Show(Mat frame) => ++Shown < after;

        public void Dispose() { }
    }

    [Fact]
    public void Every_frame_is_processed_written_and_reported_with_the_frame_rate_drawn_on_it()
    {
        using var folder = new TemporaryFolder();
        using var source = VideoSource.Open(VideoFiles.Write(folder.File("in.avi"), frames: 8));
        using var sink = VideoSink.Create(folder.File("out.avi"), source.Fps, source.FrameSize);
        var clock = new SteppingClock();
        var numbers = new List<int>();
        var reports = new Reports();

        var result = VideoRun.Run(source, (frame, number) =>
        {
            numbers.Add(number);
            clock.Advance(TimeSpan.FromMilliseconds(50));
            Cv2.Rectangle(frame, new Rect(100, 70, 20, 20), new Scalar(0, 0, 255), -1);
        }, sink, new VideoRunOptions { Time = clock }, progress: reports);
        sink.Complete();

        Assert.Equal(Enumerable.Range(0, 8), numbers);
        Assert.Equal(8, result.Frames);
        Assert.Equal(20, result.AverageFps, 6);
        Assert.Equal(Enumerable.Range(1, 8), reports.Seen.Select(r => r.Frame));
        Assert.All(reports.Seen, r => Assert.Equal(8, r.FrameCount));
        using var written = VideoSource.Open(sink.Path);
        using var last = new Mat();
        for (var i = 0; i < 8; i++) Assert.True(written.Read(last));
        Assert.True(last.At<Vec3b>(80, 110).Item2 > 200, "the processing drew on the frame");
        using var corner = new Mat(last, new Rect(0, 0, 80, 40));
        using var plain = new Mat(corner.Size(), MatType.CV_8UC3, new Scalar(40, 90, 160));
        using var difference = new Mat();
        Cv2.Absdiff(corner, plain, difference);
        Assert.True(Cv2.Mean(difference).Val0 > 10, "the frame rate is written in the top-left corner");
    }

    [Fact]
    public void A_run_stops_after_the_frames_asked_for_or_when_the_window_is_closed()
    {
        using var folder = new TemporaryFolder();
        var path = VideoFiles.Write(folder.File("in.avi"), frames: 10);
        using (var source = VideoSource.Open(path))
        {
            var reports = new Reports();
            Assert.Equal(4, VideoRun.Run(source, (_, _) => { }, options: new VideoRunOptions { MaxFrames = 4 }, progress: reports).Frames);
            Assert.All(reports.Seen, r => Assert.Equal(4, r.FrameCount));
        }
        using (var source = VideoSource.Open(path))
        {
            using var window = new ClosingWindow(after: 3);
            Assert.Equal(3, VideoRun.Run(source, (_, _) => { }, window: window).Frames);
        }
    }

    [Fact]
    public void Cancelling_stops_between_frames_and_an_uncompleted_video_is_not_left_behind()
    {
        using var folder = new TemporaryFolder();
        using var source = VideoSource.Open(VideoFiles.Write(folder.File("in.avi"), frames: 10));
        using var cancel = new CancellationTokenSource();
        var processed = 0;
        var reports = new Reports { Then = r => { if (r.Frame == 3) cancel.Cancel(); } };

        using (var sink = VideoSink.Create(folder.File("out.avi"), source.Fps, source.FrameSize))
            Assert.Throws<OperationCanceledException>(() =>
                VideoRun.Run(source, (_, _) => processed++, sink, progress: reports, cancellationToken: cancel.Token));

        Assert.Equal(3, processed);
        Assert.Equal(["in.avi"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }
}
