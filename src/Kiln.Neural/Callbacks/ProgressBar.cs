using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Kiln.Neural.Callbacks;

/// <summary>
/// Keras' progress output: "Epoch 1/10", then on a terminal a bar redrawn after batches with the running loss and
/// metrics (after the first batch, then at most every <see cref="RedrawInterval"/>), ending as the epoch's line; when output is redirected, only that one line per epoch
/// ("32/32 - 1s - 31ms/step - loss: 0.4123 - val_loss: 0.3987"). The learning rate is left out.
/// </summary>
public sealed class ProgressBar : ICallback
{
    const int BarWidth = 20;

    readonly TextWriter _output;
    readonly Stopwatch _clock = new();
    int _epochs, _steps;
    TimeSpan _lastRedraw;

    /// <param name="output">Where to write, e.g. Console.Out.</param>
    /// <param name="live">Redraw a bar per batch; by default when writing to a console whose output is not redirected.</param>
    public ProgressBar(TextWriter output, bool? live = null)
    {
        _output = output;
        Live = live ?? (ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected);
    }

    /// <summary>A bar redrawn as batches end, rather than plain lines.</summary>
    public bool Live { get; }

    /// <summary>
    /// The shortest time between two redraws of a live bar; 50 ms by default, as Keras' Progbar, so that writing to the
    /// terminal does not slow down networks whose batches take a millisecond or two. Zero redraws after every batch.
    /// </summary>
    public TimeSpan RedrawInterval { get; init; } = TimeSpan.FromMilliseconds(50);

    public void OnTrainBegin(TrainingControl control) => (_epochs, _steps) = (control.Epochs, control.Steps);

    public void OnEpochBegin(int epoch, TrainingControl control)
    {
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Epoch {epoch + 1}/{_epochs}"));
        _clock.Restart();
        _lastRedraw = TimeSpan.Zero;
    }

    public void OnBatchEnd(int batch, IReadOnlyDictionary<string, double> logs, TrainingControl control)
    {
        if (!Live || (batch > 0 && _clock.Elapsed - _lastRedraw < RedrawInterval)) return;
        _lastRedraw = _clock.Elapsed;
        var done = batch + 1;
        var filled = (int)((long)BarWidth * done / _steps);
        var line = new StringBuilder();
        line.Append(CultureInfo.InvariantCulture, $"\r{done.ToString(CultureInfo.InvariantCulture).PadLeft(_steps.ToString(CultureInfo.InvariantCulture).Length)}/{_steps} ");
        line.Append('━', filled).Append(' ', BarWidth - filled);
        line.Append(CultureInfo.InvariantCulture, $" {Elapsed()}");
        AppendMeasurements(line, logs);
        _output.Write(line.ToString());
        _output.Flush();
    }

    public void OnEpochEnd(int epoch, IReadOnlyDictionary<string, double> logs, TrainingControl control)
    {
        var line = new StringBuilder();
        if (Live) line.Append(CultureInfo.InvariantCulture, $"\r{_steps}/{_steps} {new string('━', BarWidth)} {Elapsed()} {PerStep()}");
        else line.Append(CultureInfo.InvariantCulture, $"{_steps}/{_steps} - {Elapsed()} - {PerStep()}");
        AppendMeasurements(line, logs);
        _output.WriteLine(line.ToString());
        _output.Flush();
    }

    string Elapsed() => string.Create(CultureInfo.InvariantCulture, $"{(int)_clock.Elapsed.TotalSeconds}s");

    string PerStep() => string.Create(CultureInfo.InvariantCulture, $"{Math.Round(_clock.Elapsed.TotalMilliseconds / Math.Max(1, _steps))}ms/step");

    static void AppendMeasurements(StringBuilder line, IReadOnlyDictionary<string, double> logs)
    {
        foreach (var name in logs.Keys.Order(StringComparer.Ordinal))
            if (name != "learning_rate") line.Append(CultureInfo.InvariantCulture, $" - {name}: {logs[name]:F4}");
    }
}
