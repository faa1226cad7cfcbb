using System.CommandLine;
using Kiln.Vision;
using Kiln.Vision.Features;
using OpenCvSharp;

namespace Kiln.Cli.Commands.Vision;

/// <summary><c>kiln vision match</c>: keypoints, ratio-tested matches and a RANSAC homography that locates one image in another.</summary>
public static class MatchCommand
{
    public static Command Create()
    {
        var objectPath = new Argument<string>("object") { Description = "The image of the object to find" };
        var scenePath = new Argument<string>("scene") { Description = "The image to find it in" };
        var outPath = new Option<string>("--out") { Description = "Write both images side by side with the kept matches and the object's outline", Required = true };
        var method = new Option<string>("--method") { Description = "Keypoints and descriptors: sift or orb", DefaultValueFactory = _ => "sift" };
        method.AcceptOnlyFromAmong("sift", "orb");
        var matcher = new Option<string>("--matcher") { Description = "bf (brute force) or flann", DefaultValueFactory = _ => "flann" };
        matcher.AcceptOnlyFromAmong("bf", "flann");
        var ratio = new Option<double>("--ratio") { Description = "Lowe's ratio test: keep a match closer than this times the second best", DefaultValueFactory = _ => 0.75 };
        var command = new Command("match", "Match keypoints (SIFT or ORB) between two images and locate the first in the second with a RANSAC homography");
        command.Arguments.Add(objectPath);
        command.Arguments.Add(scenePath);
        foreach (var option in new Option[] { outPath, method, matcher, ratio, CliOutput.JsonOption }) command.Options.Add(option);
        command.SetAction(parseResult =>
        {
            var output = new CliOutput(parseResult);
            var kind = parseResult.GetValue(method) == "orb" ? KeypointMethod.Orb : KeypointMethod.Sift;
            using var objectImage = ImageFile.Read(parseResult.GetValue(objectPath)!);
            using var scene = ImageFile.Read(parseResult.GetValue(scenePath)!);
            using var objectFeatures = ImageFeatures.Detect(objectImage, kind, 2000);
            using var sceneFeatures = ImageFeatures.Detect(scene, kind, 4000);
            var matches = FeatureMatching.Match(objectFeatures, sceneFeatures,
                parseResult.GetValue(matcher) == "bf" ? MatcherKind.BruteForce : MatcherKind.Flann, parseResult.GetValue(ratio));
            var found = ObjectLocator.Locate(objectImage.Size(), objectFeatures, sceneFeatures, matches);

            using var drawn = new Mat();
            var shown = found is null ? matches.Take(50).ToArray() : matches.Where((_, i) => found.Inliers[i]).ToArray();
            Cv2.DrawMatches(objectImage, objectFeatures.Keypoints, scene, sceneFeatures.Keypoints, shown, drawn,
                flags: DrawMatchesFlags.NotDrawSinglePoints);
            if (found is not null)
                Drawing.Polygon(drawn, found.Corners.Select(p => new Point(p.X + objectImage.Width, p.Y)), NamedColors.Parse("green"), 3);
            var path = Path.GetFullPath(parseResult.GetValue(outPath)!);
            ImageFile.Write(path, drawn);

            if (output.IsJson)
                output.WriteJson(new
                {
                    path, objectKeypoints = objectFeatures.Keypoints.Count, sceneKeypoints = sceneFeatures.Keypoints.Count, matches = matches.Count,
                    found = found is not null, inliers = found?.InlierCount, corners = found?.Corners.Select(p => new[] { p.X, p.Y }),
                });
            else
            {
                output.Writer.WriteLine($"{objectFeatures.Keypoints.Count} and {sceneFeatures.Keypoints.Count} keypoints, {matches.Count} matches pass the ratio test");
                output.Writer.WriteLine(found is null
                    ? "the object was not located: too few matches agree on one homography"
                    : $"located with {found.InlierCount} inliers at {string.Join(" ", found.Corners.Select(p => $"{p.X:0},{p.Y:0}"))}");
                output.Writer.WriteLine(path);
            }
            return 0;
        });
        return command;
    }
}
