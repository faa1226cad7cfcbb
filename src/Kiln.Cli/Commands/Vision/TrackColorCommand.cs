using System.CommandLine;
using System.Globalization;
using Kiln.Data;
using Kiln.Vision;
using Kiln.Vision.Tracking;
using Kiln.Vision.Video;

namespace Kiln.Cli.Commands.Vision;

/// <summary>
/// <c>kiln vision track-color</c>: follows objects of one colour through a video or a camera's stream — HSV mask,
/// boxes, centroids and a trail — writing the annotated video and a CSV of positions per frame. In a window, the number
/// keys 1–8 switch colour and n steps to the next one.
/// </summary>
public static class TrackColorCommand
{
    public static Command Create()
    {
        var input = new Argument<string?>("input") { Description = "A video file (or give --camera)", Arity = ArgumentArity.ZeroOrOne };
        var camera = new Option<int?>("--camera") { HelpName = "N", Description = "Read camera number N instead of a file" };
        var color = new Option<string>("--color") { Description = $"The colour to follow: {string.Join(", ", ColorRanges.Names)}" };
        var hsv = new Option<string>("--hsv") { Description = "Or an HSV range h1,s1,v1:h2,s2,v2 (OpenCV's scales: hue 0–179), e.g. 35,80,60:85,255,255" };
        var minimumArea = new Option<double>("--min-area") { Description = "Least area in pixels of a region to follow", DefaultValueFactory = _ => 100 };
        var trail = new Option<int>("--trail") { Description = "Frames of the trail drawn behind the largest region", DefaultValueFactory = _ => 32 };
        var outPath = new Option<string>("--out") { HelpName = "VIDEO", Description = "Write the annotated video (.mp4, .avi, .mkv, .mov)" };
        var positions = new Option<string>("--positions") { HelpName = "CSV", Description = "Write each frame's regions: frame, time, colour, region, centroid, box and area" };
        var maxFrames = new Option<int?>("--max-frames") { HelpName = "N", Description = "Stop after this many frames" };
        var noWindow = new Option<bool>("--no-window") { Description = "Do not show the video in a window even when a display is available" };
        var command = new Command("track-color", "Follow objects of one colour through a video or camera stream: boxes, centroids, a trail and a CSV of positions");
        command.Arguments.Add(input);
        foreach (var option in new Option[] { camera, color, hsv, minimumArea, trail, outPath, positions, maxFrames, noWindow, CliOutput.JsonOption })
            command.Options.Add(option);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var output = new CliOutput(parseResult);
            var (file, cameraIndex) = (parseResult.GetValue(input), parseResult.GetValue(camera));
            if ((file is null) == (cameraIndex is null)) throw new ArgumentException("give a video file, or --camera N (not both)");
            var (colorName, range) = (parseResult.GetValue(color), parseResult.GetValue(hsv));
            if ((colorName is null) == (range is null)) throw new ArgumentException("give the colour to follow: --color NAME or --hsv 'h1,s1,v1:h2,s2,v2' (one of them)");
            var name = colorName ?? "hsv " + range;
            var tracker = new ColorTracker(colorName is not null ? ColorRanges.Of(colorName) : HsvRange.Parse(range!),
                parseResult.GetValue(minimumArea), parseResult.GetValue(trail));
            var csvPath = parseResult.GetValue(positions) is { } csv ? Path.GetFullPath(csv) : null;

            using var source = cameraIndex is { } index ? VideoSource.Camera(index) : VideoSource.Open(file!);
            using var sink = parseResult.GetValue(outPath) is { } video ? VideoSink.Create(Path.GetFullPath(video), source.Fps, source.FrameSize) : null;
            using var window = parseResult.GetValue(noWindow) ? null : VideoWindow.TryOpen("kiln vision track-color (1-8 or n: colour, q: quit)");
            var names = ColorRanges.Names.ToList();
            if (window is not null)
                window.KeyPressed = key =>
                {
                    var chosen = key is >= '1' and <= '8' && key - '1' < names.Count ? names[key - '1']
                        : key == 'n' ? names[(names.IndexOf(name) + 1) % names.Count] : null;
                    if (chosen is null) return;
                    (name, tracker.Colour) = (chosen, ColorRanges.Of(chosen));
                };
            var rows = new List<Position>();
            var log = output.IsJson ? TextWriter.Null : parseResult.InvocationConfiguration.Error;
            var stopped = false;
            VideoRunResult result;
            try
            {
                result = VideoRun.Run(source, (frame, number) =>
                {
                    var found = tracker.Track(frame);
                    var seconds = source.Fps > 0 ? number / source.Fps : 0;
                    for (var i = 0; i < found.Count; i++) rows.Add(new Position(number, seconds, name, i + 1, found[i]));
                    if (found.Count == 0) rows.Add(new Position(number, seconds, name, 0, null));
                    tracker.Draw(frame, found);
                    Drawing.Text(frame, name, new OpenCvSharp.Point(10, frame.Height - 12), NamedColors.Parse("white"), 0.7, 2);
                }, sink, new VideoRunOptions { MaxFrames = parseResult.GetValue(maxFrames) }, window,
                new Progress<VideoProgress>(p => { if (p.Frame % 100 == 0) log.WriteLine($"track-color: frame {p.Frame}, {p.Fps:0.0} FPS"); }), cancellationToken);
            }
            catch (OperationCanceledException) when (source.IsCamera)
            {
                // A camera runs until stopped: what was recorded up to then is the recording.
                result = new VideoRunResult(rows.Select(r => r.Frame).Distinct().Count(), 0);
                stopped = true;
            }
            sink?.Complete();
            if (csvPath is not null) WritePositions(csvPath, rows);
            var framesSeen = rows.Where(r => r.Object is not null).Select(r => r.Frame).Distinct().Count();
            if (output.IsJson)
                output.WriteJson(new
                {
                    Input = source.IsCamera ? source.Name : Path.GetFullPath(source.Name), Color = name, result.Frames, FramesWithColor = framesSeen,
                    result.AverageFps, Out = sink?.Path, Positions = csvPath, Stopped = stopped,
                });
            else
            {
                output.Writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{source.Name}: {result.Frames} frames, {name} seen in {framesSeen}; {result.AverageFps:0.0} frames per second{(stopped ? "; stopped" : "")}"));
                if (sink is not null) output.Writer.WriteLine($"annotated: {sink.Path}");
                if (csvPath is not null) output.Writer.WriteLine($"positions: {csvPath}");
            }
            return Task.FromResult(0);
        });
        return command;
    }

    /// <summary>One region in one frame (region 0 with no object: the colour was not seen in that frame).</summary>
    sealed record Position(int Frame, double Seconds, string Color, int Region, TrackedObject? Object);

    static void WritePositions(string path, List<Position> rows)
    {
        double? Value(TrackedObject? o, Func<TrackedObject, double> read) => o is null ? null : read(o);
        var frame = new Frame(
            new Int64Column("frame", [.. rows.Select(r => (long)r.Frame)]),
            new Float64Column("seconds", [.. rows.Select(r => r.Seconds)]),
            new StringColumn("color", [.. rows.Select(r => r.Color)]),
            new Int64Column("region", [.. rows.Select(r => (long)r.Region)]),
            new Float64Column("x", [.. rows.Select(r => Value(r.Object, o => o.Centroid.X) ?? double.NaN)]),
            new Float64Column("y", [.. rows.Select(r => Value(r.Object, o => o.Centroid.Y) ?? double.NaN)]),
            new Float64Column("box_x", [.. rows.Select(r => Value(r.Object, o => o.Box.X) ?? double.NaN)]),
            new Float64Column("box_y", [.. rows.Select(r => Value(r.Object, o => o.Box.Y) ?? double.NaN)]),
            new Float64Column("box_width", [.. rows.Select(r => Value(r.Object, o => o.Box.Width) ?? double.NaN)]),
            new Float64Column("box_height", [.. rows.Select(r => Value(r.Object, o => o.Box.Height) ?? double.NaN)]),
            new Float64Column("area", [.. rows.Select(r => Value(r.Object, o => o.Area) ?? double.NaN)]));
        frame.WriteCsv(path);
    }
}
