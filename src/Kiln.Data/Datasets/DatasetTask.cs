namespace Kiln.Data.Datasets;

/// <summary>What a dataset is for; shown in kebab-case (<c>image-classification</c>) by <c>kiln datasets list</c>.</summary>
public enum DatasetTask
{
    Classification,
    Regression,
    TextClassification,
    ImageClassification,
    Forecasting,
    FaceRecognition,
    ObjectDetection,
    ObjectTracking,
    ImageProcessing,
}
