using OpenCvSharp;

namespace Kiln.Vision.Video;

/// <summary>
/// An OpenCV window (GTK) showing a video run; pressing q or Esc, or closing the window, stops the run. Other keys go
/// to <see cref="KeyPressed"/>, so a tool can switch what it shows while it runs.
/// </summary>
public sealed class VideoWindow : IVideoWindow
{
    readonly string _title;

    VideoWindow(string title)
    {
        _title = title;
        Cv2.NamedWindow(_title, WindowFlags.AutoSize);
    }

    /// <summary>Whether a display is there to show a window on (X11 or Wayland).</summary>
    public static bool DisplayAvailable =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY")) || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WAYLAND_DISPLAY"));

    /// <summary>A window titled <paramref name="title"/>, or null when no display is available (the run then goes on to its end).</summary>
    public static VideoWindow? TryOpen(string title) => DisplayAvailable ? new VideoWindow(title) : null;

    /// <summary>Called with each key pressed other than q and Esc.</summary>
    public Action<char>? KeyPressed { get; set; }

    public bool Show(Mat frame)
    {
        Cv2.ImShow(_title, frame);
        var key = Cv2.WaitKey(1);
        if (key < 0) return Cv2.GetWindowProperty(_title, WindowPropertyFlags.Visible) >= 1;
        key &= 0xFF;
        if (key == 'q' || key == 27) return false;
        KeyPressed?.Invoke((char)key);
        return Cv2.GetWindowProperty(_title, WindowPropertyFlags.Visible) >= 1;
    }

    public void Dispose() => Cv2.DestroyWindow(_title);
}
