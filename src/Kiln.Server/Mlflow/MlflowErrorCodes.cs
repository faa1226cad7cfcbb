using Microsoft.AspNetCore.Http;
using Kiln.Tracking;

namespace Kiln.Server.Mlflow;

/// <summary>MLflow's error codes and the HTTP statuses its server answers them with (mlflow/exceptions.py).</summary>
static class MlflowErrorCodes
{
    public const string InvalidParameterValue = "INVALID_PARAMETER_VALUE";
    public const string ResourceDoesNotExist = "RESOURCE_DOES_NOT_EXIST";
    public const string ResourceAlreadyExists = "RESOURCE_ALREADY_EXISTS";
    public const string InvalidState = "INVALID_STATE";
    public const string EndpointNotFound = "ENDPOINT_NOT_FOUND";
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string PermissionDenied = "PERMISSION_DENIED";

    public static (string Code, int Status) Of(TrackingErrorCode code) => code switch
    {
        TrackingErrorCode.InvalidParameterValue => (InvalidParameterValue, StatusCodes.Status400BadRequest),
        TrackingErrorCode.ResourceDoesNotExist => (ResourceDoesNotExist, StatusCodes.Status404NotFound),
        TrackingErrorCode.ResourceAlreadyExists => (ResourceAlreadyExists, StatusCodes.Status400BadRequest),
        _ => (InvalidState, StatusCodes.Status500InternalServerError),
    };
}
