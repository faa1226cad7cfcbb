using Microsoft.AspNetCore.Http;
namespace Kiln.Server.Mlflow;

/// <summary>A request the MLflow API refuses before it reaches the store: a missing or malformed parameter, an unknown call.</summary>
sealed class MlflowApiException(string errorCode, int status, string message) : Exception(message)
{
    public string ErrorCode { get; } = errorCode;
    public int Status { get; } = status;

    public static MlflowApiException Invalid(string message) => new(MlflowErrorCodes.InvalidParameterValue, StatusCodes.Status400BadRequest, message);

    public static MlflowApiException Missing(string parameter) =>
        Invalid($"Missing value for required parameter '{parameter}'. See the API docs for more information about request parameters.");
}
