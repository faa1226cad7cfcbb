using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kiln.Server.Mlflow;

/// <summary>
/// MLflow's REST API (<c>/api/2.0/mlflow/…</c>, also under <c>/ajax-api/2.0/mlflow/…</c> as MLflow's web UI calls it)
/// and its artifact proxy (<c>/api/2.0/mlflow-artifacts/…</c>), over the server's tracking store: an MLflow client
/// with <c>MLFLOW_TRACKING_URI</c> pointed at a Kiln server logs runs and registers models in Kiln. With
/// <paramref name="requireApiKey"/> (the platform) it needs a signed-in caller and keeps the platform's ownership rules.
/// </summary>
public static class MlflowApi
{
    public static IEndpointRouteBuilder MapMlflowApi(this IEndpointRouteBuilder endpoints, bool requireApiKey)
    {
        foreach (var prefix in new[] { "/api/2.0", "/ajax-api/2.0" })
        {
            var api = Guarded(endpoints.MapGroup($"{prefix}/mlflow"), requireApiKey).WithTags("MLflow");
            ExperimentEndpoints.Map(api);
            RunEndpoints.Map(api);
            RegistryEndpoints.Map(api);
            ModelVersionEndpoints.Map(api);
            api.MapMethods("{**unknown}", [HttpMethods.Get, HttpMethods.Post, HttpMethods.Patch, HttpMethods.Delete, HttpMethods.Put], UnknownEndpoint)
                .ExcludeFromDescription();
            ArtifactProxyEndpoints.Map(Guarded(endpoints.MapGroup($"{prefix}/mlflow-artifacts/artifacts"), requireApiKey).WithTags("MLflow artifacts"));
        }
        return endpoints;
    }

    /// <summary>Errors in MLflow's shape; with <paramref name="requireApiKey"/>, the caller checked first, so a refusal is MLflow's 401 too.</summary>
    static RouteGroupBuilder Guarded(RouteGroupBuilder group, bool requireApiKey)
    {
        if (requireApiKey) group.AddEndpointFilter<MlflowAccessFilter>();
        group.AddEndpointFilter<MlflowErrorFilter>();
        return group;
    }

    static IResult UnknownEndpoint(HttpContext http) => MlflowResults.Error(MlflowErrorCodes.EndpointNotFound, StatusCodes.Status404NotFound,
        $"No MLflow endpoint {http.Request.Method} {http.Request.Path}: this server answers the tracking, model registry and artifact calls of MLflow's REST API 2.0");
}
