using Kiln.Data;
using Kiln.Plots;

namespace Kiln.Cli;

/// <summary>Profiles a frame and writes the HTML report and the JSON of the same profile side by side.</summary>
public static class ProfileWriter
{
    public sealed record Written(DataProfile Profile, string ReportPath, string JsonPath);

    public static Written Write(Frame frame, string source, string? target, string folder)
    {
        var profile = DataProfile.Of(frame, source, target);
        var stem = Path.GetFileNameWithoutExtension(source);
        var reportPath = Path.GetFullPath(Path.Combine(folder, $"{stem}-profile.html"));
        var jsonPath = Path.ChangeExtension(reportPath, ".json");
        ProfileReport.Build(profile, frame).Save(reportPath);
        AtomicFile.WriteAllText(jsonPath, CliOutput.ToJson(profile));
        return new Written(profile, reportPath, jsonPath);
    }
}
