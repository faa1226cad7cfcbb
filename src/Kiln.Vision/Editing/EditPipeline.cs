using OpenCvSharp;

namespace Kiln.Vision.Editing;

/// <summary>
/// Image edits applied in order, parsed from text such as <c>blur:5,sharpen,canny:50:150</c>: steps are separated by
/// commas and each step's arguments by colons.
/// </summary>
public sealed class EditPipeline
{
    EditPipeline(IReadOnlyList<EditStep> steps) => Steps = steps;

    public IReadOnlyList<EditStep> Steps { get; }

    /// <summary>Parses the steps, checking every operation's name and argument count before any image is touched; argument values are read when applied.</summary>
    public static EditPipeline Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var steps = new List<EditStep>();
        foreach (var piece in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (piece.Length == 0) throw new FormatException($"edits '{text}': an empty step (two commas in a row, or one at an end)");
            var parts = piece.Split(':');
            var operation = EditOperations.Named(parts[0]);
            var values = parts.Skip(1).ToList();
            if (operation.LastTakesRest && values.Count > operation.ArgumentNames.Count)
                values = [.. values.Take(operation.ArgumentNames.Count - 1), string.Join(':', values.Skip(operation.ArgumentNames.Count - 1))];
            if (values.Count < operation.Required || values.Count > operation.ArgumentNames.Count)
                throw new FormatException($"edit '{piece}': {operation.Name} takes {Count(operation)}, got {values.Count} (usage: {operation.Usage})");
            steps.Add(new EditStep(operation, new EditArguments(operation, values), piece));
        }
        return new EditPipeline(steps);
    }

    /// <summary>Applies every step in order to a copy; the input is left unchanged.</summary>
    public Mat Apply(Mat image, IProgress<EditStep>? progress = null, CancellationToken cancellationToken = default)
    {
        Check.NotEmpty(image);
        var current = image.Clone();
        foreach (var step in Steps)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                current.Dispose();
                cancellationToken.ThrowIfCancellationRequested();
            }
            Mat next;
            try
            {
                next = step.Operation.Apply(current, step.Arguments);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"edit '{step.Text}': {Kiln.Learn.ArgumentMessages.Own(e)}", e);
            }
            finally
            {
                current.Dispose();
            }
            current = next;
            progress?.Report(step);
        }
        return current;
    }

    /// <summary>The input and the edited image side by side at the input's height, labelled "before" and "after".</summary>
    public static Mat SideBySide(Mat before, Mat after)
    {
        Check.NotEmpty(before);
        Check.NotEmpty(after);
        using var left = Colors.Bgr(before);
        using var right = Colors.Bgr(after);
        var width = Math.Max(1, (int)Math.Round(right.Width * (double)left.Height / right.Height));
        using var fitted = right.Height == left.Height ? right.Clone() : Geometry.Resize(right, width, left.Height);
        var joined = new Mat();
        Cv2.HConcat([left, fitted], joined);
        var scale = Math.Clamp(left.Height / 600.0, 0.5, 2);
        var baseline = (int)(30 * scale);
        foreach (var (label, x) in new[] { ("before", 10), ("after", left.Width + 10) })
        {
            Drawing.Text(joined, label, new Point(x, baseline), Scalar.Black, scale, (int)Math.Ceiling(4 * scale));
            Drawing.Text(joined, label, new Point(x, baseline), Scalar.White, scale, (int)Math.Ceiling(2 * scale));
        }
        return joined;
    }

    static string Count(EditOperation operation) => operation.Required == operation.ArgumentNames.Count
        ? $"{operation.Required} argument{(operation.Required == 1 ? "" : "s")}"
        : $"{operation.Required} to {operation.ArgumentNames.Count} arguments";
}
