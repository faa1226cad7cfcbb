namespace Kiln.Plots;

/// <summary>What a neural-network training run measured, for <see cref="NetworkTrainingReport"/>.</summary>
public sealed record NetworkTrainingResult
{
    public required string Title { get; init; }

    /// <summary>Facts shown first: data, rows, architecture, optimizer, epochs, seed, package path.</summary>
    public required IReadOnlyList<(string Key, string Value)> Facts { get; init; }

    /// <summary>The model's layer table, as its summary prints it.</summary>
    public required string ArchitectureSummary { get; init; }

    /// <summary>One dictionary per epoch: loss, metrics and their val_ twins.</summary>
    public required IReadOnlyList<IReadOnlyDictionary<string, double>> Epochs { get; init; }

    /// <summary>Loss and metrics on the held-out test rows.</summary>
    public required IReadOnlyDictionary<string, double> TestMetrics { get; init; }

    public required IReadOnlyList<string> Classes { get; init; }

    /// <summary>Test rows by true class (row) and predicted class (column).</summary>
    public required int[,] Confusion { get; init; }

    /// <summary>Test images predicted right, with their confidence.</summary>
    public required IReadOnlyList<GalleryImage> Correct { get; init; }

    /// <summary>Test images predicted wrong, with their confidence.</summary>
    public required IReadOnlyList<GalleryImage> Wrong { get; init; }

    /// <summary>Each test row's class and probabilities, for the ROC and precision–recall curves; none, none drawn.</summary>
    public TestPredictions? Predictions { get; init; }

    /// <summary>The test images the network was least sure of, least sure first, right or wrong.</summary>
    public IReadOnlyList<GalleryImage> LeastConfident { get; init; } = [];
}
