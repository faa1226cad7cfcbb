using System.CommandLine;

namespace Kiln.Cli.Commands.Vision;

/// <summary><c>kiln vision</c>: the OpenCV tools — image editing, document scanning, keypoint and template matching, face detection, colour tracking.</summary>
public static class VisionCommands
{
    public static Command Create()
    {
        var vision = new Command("vision", "Computer vision with OpenCV: edit images, scan documents, match keypoints and templates, find faces, track a colour");
        vision.Subcommands.Add(EditCommand.Create());
        vision.Subcommands.Add(EditCommand.ListOperations());
        vision.Subcommands.Add(ScanCommand.Create());
        vision.Subcommands.Add(MatchCommand.Create());
        vision.Subcommands.Add(TemplateCommand.Create());
        vision.Subcommands.Add(FacesCommand.Create());
        vision.Subcommands.Add(TrackColorCommand.Create());
        return vision;
    }
}
