using Kiln.Data;
using Kiln.Serving;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Kiln.Server.Predictions;

/// <summary>
/// The prediction service: <c>GET /api/models</c> lists the served models; <c>POST /api/models/{model}/predict</c>
/// (<c>name</c>, <c>name@alias</c>) and <c>POST /api/models/{name}/versions/{version}/predict</c> answer JSON rows or
/// a CSV body, or for an image model uploaded image files (multipart/form-data) or one image body; <c>POST /api/models/{model}/predict/file</c> predicts a whole uploaded CSV file and answers CSV.
/// </summary>
public static class PredictionEndpoints
{
    /// <summary>The request-timeout policy of the prediction endpoints (<see cref="ServerOptions.RequestTimeout"/>).</summary>
    public const string TimeoutPolicy = "predictions";

    /// <summary>Maps the endpoints; with <paramref name="requireApiKey"/> each needs an API key or a signed-in session (<see cref="ModelAccessFilter"/>).</summary>
    public static IEndpointRouteBuilder MapPredictionEndpoints(this IEndpointRouteBuilder endpoints, bool requireApiKey = false)
    {
        var models = endpoints.MapGroup("/api/models").WithTags("Predictions");
        models.WithRequestTimeout(TimeoutPolicy);
        if (requireApiKey) ModelAccessFilter.Require(models);
        models.MapGet("/", List)
            .WithName("ListServedModels")
            .WithSummary("The served models: versions, aliases, and each version's input schema and classes");
        models.MapPost("/{model}/predict", (string model, HttpContext context, PredictionService service) =>
                service.PredictAsync(model, null, context))
            .Describe("Predict", "Predict JSON rows (an object or an array of objects) or a CSV body (text/csv) with a model named `name` or `name@alias`; "
                + "an image model takes image files as multipart/form-data (any field names) or one image/png or image/jpeg body");
        models.MapPost("/{name}/versions/{version:int}/predict", (string name, int version, HttpContext context, PredictionService service) =>
                service.PredictAsync(name, version, context))
            .Describe("PredictWithVersion", "Predict JSON rows, a CSV body or images (for an image model) with one version of a model");
        models.MapPost("/{model}/predict/file", (string model, HttpContext context, PredictionService service) =>
                service.PredictFileAsync(model, context))
            .WithName("PredictFile")
            .WithSummary("Predict every row of an uploaded CSV file (multipart form field `file`); answers the rows with their predictions as CSV")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    static void Describe(this RouteHandlerBuilder route, string name, string summary) =>
        route.WithName(name)
            .WithSummary(summary)
            .Accepts<object>("application/json", "text/csv", "multipart/form-data", "image/png", "image/jpeg")
            .Produces<PredictionResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status404NotFound);

    static async Task<Ok<IReadOnlyList<ServedModelSummary>>> List(ModelHost host, ModelAccessFilter access, HttpContext context)
    {
        var shown = new List<ServedModelSummary>();
        foreach (var m in host.Models)
        {
            if (!await access.MaySeeAsync(context, m.Name)) continue;
            shown.Add(new ServedModelSummary(m.Name, m.DefaultVersion, m.Aliases,
                [.. m.Versions.Select(v => new ServedVersionSummary(v.Version, v.Estimator, v.Task,
                    [.. v.Schema.Columns.Select(c => new InputField(c.Name, c.Type.Name()))], v.Classes)
                {
                    Input = v.InputKind == ServedInputKind.Images ? "images" : "rows",
                    Image = v.Images is { } image ? ImageInputSummary.Of(image) : null,
                })]));
        }
        return TypedResults.Ok<IReadOnlyList<ServedModelSummary>>(shown);
    }
}
