namespace Kiln.Tracking;

/// <summary>The lengths MLflow's tracking server accepts (mlflow/utils/validation.py), so what one accepts the other does too.</summary>
static class TrackingLimits
{
    public const int Key = 250;
    public const int ParamValue = 6000;
    public const int RunTagValue = 8000;
    public const int ExperimentName = 500;
    public const int ExperimentTagValue = 5000;
    public const int RegistryTagValue = 5000;
    public const int RunId = 32;
    public const int RunName = 250;
    public const int ModelName = 256;
    public const int Description = 5000;
    public const int Alias = 255;
    public const int Source = 500;
    public const int MetricsPerBatch = 1000;
    public const int ParamsOrTagsPerBatch = 100;
}
