using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kiln.Server.Mlflow;

/// <summary>MLflow's answers: the message as JSON, <c>{}</c> when there is nothing to return, and its error body.</summary>
static class MlflowResults
{
    public static JsonHttpResult<T> Ok<T>(T message) => TypedResults.Json(message, MlflowJson.Info<T>());

    public static JsonHttpResult<WireEmpty> Empty() => Ok(new WireEmpty());

    public static JsonHttpResult<WireError> Error(string code, int status, string message) =>
        TypedResults.Json(new WireError(code, message), MlflowJson.Info<WireError>(), statusCode: status);
}
