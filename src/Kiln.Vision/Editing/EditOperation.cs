using OpenCvSharp;

namespace Kiln.Vision.Editing;

/// <summary>
/// One operation of the image tool: its name, its arguments in order (the first <see cref="Required"/> of them
/// required), what it does, and how it makes the edited image from the input. When <see cref="LastTakesRest"/>, the
/// last argument is the rest of the step's text, colons included (for text to draw).
/// </summary>
public sealed record EditOperation(
    string Name,
    IReadOnlyList<string> ArgumentNames,
    int Required,
    string Description,
    Func<Mat, EditArguments, Mat> Apply,
    bool LastTakesRest = false)
{
    /// <summary>How the step is written, e.g. <c>canny[:low[:high]]</c>.</summary>
    public string Usage
    {
        get
        {
            var usage = Name;
            for (var i = 0; i < ArgumentNames.Count; i++)
                usage += i < Required ? $":{ArgumentNames[i]}" : $"[:{ArgumentNames[i]}";
            return usage + new string(']', ArgumentNames.Count - Required);
        }
    }
}
