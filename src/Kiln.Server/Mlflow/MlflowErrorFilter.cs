using Microsoft.AspNetCore.Http;
using Kiln.Tracking;

namespace Kiln.Server.Mlflow;

/// <summary>Turns a refused request into MLflow's error body and status, so its clients raise the exception they expect.</summary>
sealed class MlflowErrorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (TrackingException e)
        {
            var (code, status) = MlflowErrorCodes.Of(e.Code);
            return MlflowResults.Error(code, status, e.Message);
        }
        catch (MlflowApiException e)
        {
            return MlflowResults.Error(e.ErrorCode, e.Status, e.Message);
        }
        catch (BadHttpRequestException e)
        {
            return MlflowResults.Error(MlflowErrorCodes.InvalidParameterValue, e.StatusCode, e.Message);
        }
    }
}
