using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Kiln.Server.Mlflow;

/// <summary>
/// On a server that requires API keys, the MLflow API answers only a signed-in caller (a key as
/// <c>Authorization: Bearer</c>, which MLflow clients send from <c>MLFLOW_TRACKING_TOKEN</c>, or <c>X-Api-Key</c>, or the
/// web session) and applies that caller's <see cref="MlflowAccess"/>; anyone else gets MLflow's 401, as its auth plugin answers.
/// </summary>
sealed class MlflowAccessFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.User.Identity?.IsAuthenticated != true)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer realm=\"kiln\"";
            return MlflowResults.Error(MlflowErrorCodes.Unauthenticated, StatusCodes.Status401Unauthorized,
                "You are not authenticated. Please set MLFLOW_TRACKING_TOKEN to an API key (made on the account page), or send it as X-Api-Key.");
        }
        await MlflowAccess.RestrictAsync(http, http.RequestServices.GetRequiredService<Accounts.PlatformAccess>()).ConfigureAwait(false);
        return await next(context).ConfigureAwait(false);
    }
}
