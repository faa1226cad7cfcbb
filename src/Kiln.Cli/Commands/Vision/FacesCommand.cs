using System.CommandLine;
using System.Globalization;
using Kiln.Vision;
using Kiln.Vision.Faces;
using Kiln.Vision.Video;
using OpenCvSharp;
using Spectre.Console;

namespace Kiln.Cli.Commands.Vision;

/// <summary>
/// <c>kiln vision faces</c>: finds faces in an image, a video file or a camera's stream; draws them with their scores,
/// saves each face as its own image, and on video writes the annotated video with the frame rate on it.
/// </summary>
public static class FacesCommand
{
    public static Command Create()
    {
        var input = new Argument<string?>("input") { Description = "An image or a video file (or give --camera)", Arity = ArgumentArity.ZeroOrOne };
        var camera = new Option<int?>("--camera") { HelpName = "N", Description = "Read camera number N instead of a file" };
        var detector = new Option<string>("--detector") { Description = "haar, yunet or ultraface", DefaultValueFactory = _ => "yunet" };
        detector.AcceptOnlyFromAmong([.. FaceDetectors.Names]);
        var model = new Option<string>("--model") { HelpName = "PATH", Description = "The model file (ONNX, or the cascade XML for haar) instead of the default in the shared models folder" };
        var score = new Option<double?>("--score") { HelpName = "SCORE", Description = "Least score to keep a face (yunet 0.9, ultraface 0.7; haar: least merged windows, 5)" };
        var nms = new Option<double?>("--nms") { HelpName = "IOU", Description = "Overlap (IoU) above which the weaker of two boxes is dropped (yunet and ultraface, 0.3)" };
        var crops = new Option<string>("--save-crops") { HelpName = "DIR", Description = "Save each face found as its own image in this folder" };
        var outPath = new Option<string>("--out") { HelpName = "PATH", Description = "Write the annotated image, or for a video the annotated video (.mp4, .avi, .mkv, .mov)" };
        var maxFrames = new Option<int?>("--max-frames") { HelpName = "N", Description = "Stop a video or camera after this many frames" };
        var noWindow = new Option<bool>("--no-window") { Description = "Do not show the video in a window even when a display is available" };
        var command = new Command("faces", "Detect faces (Haar cascade, YuNet or UltraFace) in an image, a video or a camera stream");
        command.Arguments.Add(input);
        foreach (var option in new Option[] { camera, detector, model, score, nms, crops, outPath, maxFrames, noWindow, CliOutput.JsonOption })
            command.Options.Add(option);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var output = new CliOutput(parseResult);
            var request = new Request(
                parseResult.GetValue(input), parseResult.GetValue(camera), parseResult.GetValue(detector)!,
                parseResult.GetValue(crops) is { } folder ? Path.GetFullPath(folder) : null,
                parseResult.GetValue(outPath) is { } written ? Path.GetFullPath(written) : null,
                parseResult.GetValue(maxFrames), !parseResult.GetValue(noWindow));
            if ((request.Input is null) == (request.Camera is null))
                throw new ArgumentException("give an image or video file, or --camera N (not both)");
            var isImage = request.Input is { } file && ImageFile.Extensions.Contains(Path.GetExtension(file).ToLowerInvariant());
            if (isImage && request.Out is { } imageOut && !ImageFile.Extensions.Contains(Path.GetExtension(imageOut).ToLowerInvariant()))
                throw new ArgumentException($"--out {imageOut}: an annotated image is written as {string.Join(", ", ImageFile.Extensions)}");
            if (isImage && request.MaxFrames is not null) throw new ArgumentException("--max-frames applies to a video or camera, not an image");
            using var faces = FaceDetectors.Create(request.Detector, parseResult.GetValue(model), parseResult.GetValue(score), parseResult.GetValue(nms));
            if (isImage) Image(request, faces, output);
            else Video(request, faces, output, parseResult.InvocationConfiguration.Error, cancellationToken);
            return Task.FromResult(0);
        });
        return command;
    }

    sealed record Request(string? Input, int? Camera, string Detector, string? Crops, string? Out, int? MaxFrames, bool Window);

    static void Image(Request request, IFaceDetector detector, CliOutput output)
    {
        using var image = ImageFile.Read(request.Input!);
        var faces = detector.Detect(image);
        var stem = Path.GetFileNameWithoutExtension(request.Input!);
        var cropPaths = faces.Select((face, i) => request.Crops is null ? null : SaveCrop(image, face, request.Crops, $"{stem}-face-{i + 1}.png")).ToList();
        if (request.Out is { } annotatedPath)
        {
            using var annotated = image.Clone();
            FaceDrawing.Draw(annotated, faces);
            ImageFile.Write(annotatedPath, annotated);
        }
        if (output.IsJson)
        {
            output.WriteJson(new
            {
                Input = Path.GetFullPath(request.Input!), Detector = detector.Name, Model = detector.ModelPath, Count = faces.Count,
                Faces = faces.Select((f, i) => new
                {
                    Box = new[] { f.Box.X, f.Box.Y, f.Box.Width, f.Box.Height }, f.Score,
                    Landmarks = f.Landmarks?.Select(p => new[] { p.X, p.Y }), Crop = cropPaths[i],
                }),
                request.Out,
            });
            return;
        }
        output.Writer.WriteLine($"{faces.Count} face{(faces.Count == 1 ? "" : "s")} in {request.Input} ({detector.Name}, {Path.GetFileName(detector.ModelPath)})");
        if (faces.Count > 0)
        {
            var table = new Table().Border(TableBorder.Rounded).AddColumns("#", "x", "y", "width", "height", "score");
            foreach (var (face, i) in faces.Select((f, i) => (f, i)))
                table.AddRow($"{i + 1}", F(face.Box.X), F(face.Box.Y), F(face.Box.Width), F(face.Box.Height), FaceDrawing.ScoreLabel(face.Score)[5..]);
            output.Console.Write(table);
        }
        if (request.Out is not null) output.Writer.WriteLine($"annotated: {request.Out}");
        if (request.Crops is not null) output.Writer.WriteLine($"crops: {request.Crops} ({cropPaths.Count(p => p is not null)} images)");
    }

    static void Video(Request request, IFaceDetector detector, CliOutput output, TextWriter log, CancellationToken cancellationToken)
    {
        using var source = request.Camera is { } index ? VideoSource.Camera(index) : VideoSource.Open(request.Input!);
        using var sink = request.Out is { } path ? VideoSink.Create(path, source.Fps, source.FrameSize) : null;
        using var window = request.Window ? VideoWindow.TryOpen("kiln vision faces (press q to quit)") : null;
        var stem = source.IsCamera ? $"camera{request.Camera}" : Path.GetFileNameWithoutExtension(source.Name);
        var counts = new List<int>();
        var cropCount = 0;
        var progress = new ProgressLines(output.IsJson ? TextWriter.Null : log, source.Name);
        VideoRunResult result;
        var stopped = false;
        try
        {
            result = VideoRun.Run(source, (frame, number) =>
            {
                var faces = detector.Detect(frame);
                counts.Add(faces.Count);
                if (request.Crops is { } folder)
                    for (var i = 0; i < faces.Count; i++)
                        if (SaveCrop(frame, faces[i], folder, $"{stem}-{number + 1:00000}-face-{i + 1}.png") is not null) cropCount++;
                FaceDrawing.Draw(frame, faces);
            }, sink, new VideoRunOptions { MaxFrames = request.MaxFrames }, window, progress, cancellationToken);
        }
        catch (OperationCanceledException) when (source.IsCamera)
        {
            // A camera runs until stopped: what was recorded up to then is the recording.
            result = new VideoRunResult(counts.Count, progress.Last?.Fps ?? 0);
            stopped = true;
        }
        sink?.Complete();
        var withFaces = counts.Count(c => c > 0);
        var mean = counts.Count == 0 ? 0 : counts.Average();
        if (output.IsJson)
        {
            output.WriteJson(new
            {
                Input = source.IsCamera ? source.Name : Path.GetFullPath(source.Name), Detector = detector.Name, Model = detector.ModelPath,
                result.Frames, FramesWithFaces = withFaces, MostFaces = counts.DefaultIfEmpty(0).Max(), MeanFaces = mean,
                result.AverageFps, source.Fps, Width = source.FrameSize.Width, Height = source.FrameSize.Height,
                FaceCounts = counts, Out = sink?.Path, Crops = request.Crops is null ? (int?)null : cropCount, Stopped = stopped,
            });
            return;
        }
        output.Writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{source.Name}: {result.Frames} frames, faces in {withFaces}, {mean:0.##} per frame on average, at most {counts.DefaultIfEmpty(0).Max()}; {result.AverageFps:0.0} frames per second ({detector.Name}){(stopped ? "; stopped" : "")}"));
        if (sink is not null) output.Writer.WriteLine($"annotated: {sink.Path}");
        if (request.Crops is not null) output.Writer.WriteLine($"crops: {request.Crops} ({cropCount} images)");
    }

    static string? SaveCrop(Mat image, DetectedFace face, string folder, string name)
    {
        using var crop = face.Crop(image);
        if (crop is null) return null;
        var path = Path.Combine(folder, name);
        ImageFile.Write(path, crop);
        return path;
    }

    static string F(float value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A progress line on stderr every tenth of a file, or every 100 frames of a camera.</summary>
    sealed class ProgressLines(TextWriter writer, string name) : IProgress<VideoProgress>
    {
        int _last = -1;

        /// <summary>The latest report, which still gives the frame rate when a camera run is stopped.</summary>
        public VideoProgress? Last { get; private set; }

        public void Report(VideoProgress value)
        {
            Last = value;
            var step = value.FrameCount is { } total and > 0 ? value.Frame * 10 / total : value.Frame / 100;
            if (step == _last) return;
            _last = step;
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"faces: {name} frame {value.Frame}{(value.FrameCount is { } count ? $"/{count}" : "")}, {value.Fps:0.0} FPS"));
        }
    }
}
