using Kiln.Server.Predictions;
using Kiln.Serving;
using Kiln.Tracking;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Kiln.Server.Deployments;

/// <summary>
/// <c>GET|PUT|DELETE /api/models/{name}/deployment</c>: how a model's bare name splits its requests between a primary
/// and a canary alias, and which alias shadows them. A change is served at once by this server, and by others at
/// their next reading of the registry.
/// </summary>
public static class DeploymentEndpoints
{
    /// <summary>
    /// Maps the endpoints; with <paramref name="requireApiKey"/> each needs an API key or a signed-in session and answers
    /// only for models the caller may see, and only the model's owner or an admin changes its deployment.
    /// </summary>
    public static IEndpointRouteBuilder MapDeploymentEndpoints(this IEndpointRouteBuilder endpoints, bool requireApiKey = false)
    {
        var deployment = endpoints.MapGroup("/api/models/{name}/deployment").WithTags("Deployments");
        if (requireApiKey) ModelAccessFilter.Require(deployment);
        deployment.MapGet("/", Get)
            .WithName("GetModelDeployment")
            .WithSummary("The model's deployment: primary alias, canary alias and weight, shadow alias, and the versions they serve");
        deployment.MapPut("/", Put)
            .WithName("SetModelDeployment")
            .WithSummary("Set the model's deployment: {\"primary\": \"champion\", \"canary\": \"challenger\", \"canaryWeight\": 10, \"shadow\": \"candidate\"}");
        deployment.MapDelete("/", Delete)
            .WithName("DeleteModelDeployment")
            .WithSummary("Remove the model's deployment: its bare name serves champion, else the latest version, again");
        return endpoints;
    }

    static async Task<Results<Ok<DeploymentResponse>, ProblemHttpResult>> Get(string name, ModelRegistry registry, ModelHost host, CancellationToken cancellationToken)
    {
        try
        {
            var deployment = await registry.GetDeploymentAsync(name, cancellationToken);
            return deployment is null
                ? NotFound($"registered model '{name}' has no deployment; its bare name serves champion, else the latest version")
                : TypedResults.Ok(Response(name, deployment, host));
        }
        catch (TrackingException e)
        {
            return Problem(e);
        }
    }

    static async Task<Results<Ok<DeploymentResponse>, ProblemHttpResult>> Put(string name, DeploymentRequest? request, ModelRegistry registry, ModelHost host,
        ModelAccessFilter access, HttpContext context, CancellationToken cancellationToken)
    {
        if (!await access.MayChangeAsync(context, name)) return Forbidden(name);
        if (request is null) return Invalid("body", "body is missing; give {\"primary\": ALIAS} and optionally canary, canaryWeight and shadow");
        if (request.Canary is not null && request.CanaryWeight is null)
            return Invalid("canaryWeight", "canaryWeight is missing: give the canary's share of requests, 1–99 per cent");
        try
        {
            var deployment = await registry.SetDeploymentAsync(name, new ModelDeployment(request.Primary!, request.Canary, request.CanaryWeight ?? 0, request.Shadow), cancellationToken);
            await host.RefreshAsync(cancellationToken);
            return TypedResults.Ok(Response(name, deployment, host));
        }
        catch (TrackingException e)
        {
            return Problem(e);
        }
    }

    static async Task<Results<NoContent, ProblemHttpResult>> Delete(string name, ModelRegistry registry, ModelHost host,
        ModelAccessFilter access, HttpContext context, CancellationToken cancellationToken)
    {
        if (!await access.MayChangeAsync(context, name)) return Forbidden(name);
        try
        {
            await registry.DeleteDeploymentAsync(name, cancellationToken);
            await host.RefreshAsync(cancellationToken);
            return TypedResults.NoContent();
        }
        catch (TrackingException e)
        {
            return Problem(e);
        }
    }

    static DeploymentResponse Response(string name, ModelDeployment deployment, ModelHost host)
    {
        var served = host.Models.FirstOrDefault(m => m.Name == name)?.Deployment;
        // versions are told only when the server serves this very deployment
        if (served is not null && served.Deployment != deployment) served = null;
        return new DeploymentResponse(name, deployment.PrimaryAlias, deployment.CanaryAlias, deployment.CanaryWeight, deployment.ShadowAlias,
            served?.Primary.Version, served?.Canary?.Version, served?.Shadow?.Version);
    }

    static ProblemHttpResult Problem(TrackingException e) =>
        e.Code == TrackingErrorCode.ResourceDoesNotExist ? NotFound(e.Message) : Invalid(DeploymentField.Of(e.Message), e.Message);

    static ProblemHttpResult Invalid(string field, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid deployment",
            extensions: new Dictionary<string, object?> { ["field"] = field });

    static ProblemHttpResult Forbidden(string name) =>
        TypedResults.Problem($"only the owner of '{name}', an editor of its project or an admin changes its deployment", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");

    static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
