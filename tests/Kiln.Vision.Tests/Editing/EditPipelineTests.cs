using Kiln.Vision.Editing;
using OpenCvSharp;

namespace Kiln.Vision.Tests.Editing;

public sealed class EditPipelineTests
{
    [Fact]
    public void Steps_apply_in_order_and_leave_the_input_unchanged()
    {
        using var image = new Mat(40, 60, MatType.CV_8UC3, new Scalar(50, 100, 150));
        using var copy = image.Clone();

        using var edited = EditPipeline.Parse("gray, brightness:20, crop:10:5:30:20").Apply(image);

        Assert.Equal(new Size(30, 20), edited.Size());
        Assert.Equal(1, edited.Channels());
        using var gray = Colors.Convert(image, ColorSpace.Gray);
        Assert.Equal(gray.At<byte>(0, 0) + 20, edited.At<byte>(0, 0));
        Assert.Equal(0, Cv2.Norm(image, copy, NormTypes.L1));
    }

    [Fact]
    public void Text_keeps_its_colons_and_drawing_gives_a_colour_image()
    {
        var pipeline = EditPipeline.Parse("gray,text:10:20:at 10:30,box:1:1:5:5:red");
        Assert.Equal("at 10:30", pipeline.Steps[1].Arguments.Text(2));
        using var image = new Mat(40, 80, MatType.CV_8UC3, Scalar.All(0));
        using var edited = pipeline.Apply(image);
        Assert.Equal(3, edited.Channels());
        Assert.Equal(new Vec3b(0, 0, 255), edited.At<Vec3b>(1, 3));
    }

    [Theory]
    [InlineData("blur:5,glow", "unknown edit 'glow'")]
    [InlineData("crop:1:2", "crop takes 4 arguments, got 2 (usage: crop:x:y:width:height)")]
    [InlineData("blur,,sharpen", "an empty step")]
    [InlineData("canny:1:2:3", "canny takes 0 to 2 arguments")]
    public void Bad_steps_are_refused_before_any_image_is_read(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => EditPipeline.Parse(text));
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("blur:five", "edit 'blur', kernel: 'five' is not a whole number")]
    [InlineData("blur:4", "edit 'blur:4': kernel must be an odd number")]
    [InlineData("flip:sideways", "'sideways' is not h, v or both")]
    [InlineData("box:1:1:5:5:mauve", "unknown colour 'mauve'")]
    public void Bad_argument_values_name_the_step_and_the_argument(string text, string message)
    {
        using var image = new Mat(10, 10, MatType.CV_8UC3, Scalar.All(0));
        var error = Assert.ThrowsAny<Exception>(() => EditPipeline.Parse(text).Apply(image).Dispose());
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Every_operation_runs_with_its_defaults_or_simple_arguments()
    {
        using var image = new Mat(60, 80, MatType.CV_8UC3, new Scalar(30, 90, 200));
        Cv2.Circle(image, new Point(40, 30), 15, Scalar.All(255), -1);
        foreach (var operation in EditOperations.All)
        {
            var arguments = string.Concat(operation.ArgumentNames.Take(operation.Required).Select((_, i) => ":" + (i < 2 ? "2" : "10")));
            using var edited = EditPipeline.Parse(operation.Name + arguments).Apply(image);
            Assert.False(edited.Empty(), operation.Name);
        }
    }

    [Fact]
    public void Side_by_side_puts_the_edit_at_the_input_height_beside_it()
    {
        using var before = new Mat(100, 50, MatType.CV_8UC1, Scalar.All(0));
        using var after = new Mat(50, 50, MatType.CV_8UC3, Scalar.All(255));
        using var joined = EditPipeline.SideBySide(before, after);
        Assert.Equal(new Size(150, 100), joined.Size());
        Assert.Equal(3, joined.Channels());
    }
}
