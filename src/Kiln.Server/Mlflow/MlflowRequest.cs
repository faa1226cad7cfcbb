using Microsoft.AspNetCore.Http;
using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kiln.Server.Mlflow;

/// <summary>
/// Reads an MLflow request message: from the JSON body when there is one, from the query string otherwise (MLflow's
/// clients send GET parameters there, and repeat a key for a list).
/// </summary>
static class MlflowRequest
{
    public static async Task<T> ReadAsync<T>(HttpContext http, CancellationToken cancellationToken)
    {
        var info = MlflowJson.Info<T>();
        JsonNode? body = null;
        if (!HttpMethods.IsGet(http.Request.Method))
        {
            try
            {
                body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException e) when (IsEmptyBody(e))
            {
                body = null;
            }
            catch (JsonException e)
            {
                throw MlflowApiException.Invalid($"Malformed request body: {e.Message}");
            }
        }
        if (body is not null and not JsonObject) throw MlflowApiException.Invalid("Malformed request body: expected a JSON object");
        var message = body as JsonObject ?? FromQuery(http.Request.Query, info.Properties.Where(p => IsList(p.PropertyType)).Select(p => p.Name).ToHashSet());
        try
        {
            return message.Deserialize(info) ?? throw MlflowApiException.Invalid("Malformed request body: null");
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "the request";
            throw MlflowApiException.Invalid($"Invalid value for parameter '{field}': {e.Message}");
        }
    }

    public static string Required(string? value, string parameter) => string.IsNullOrEmpty(value) ? throw MlflowApiException.Missing(parameter) : value;

    public static T Required<T>(T? value, string parameter) where T : struct => value ?? throw MlflowApiException.Missing(parameter);

    /// <summary>The run a request names, by <c>run_id</c> or the older <c>run_uuid</c>.</summary>
    public static string RunId(string? runId, string? runUuid) =>
        !string.IsNullOrEmpty(runId) ? runId : !string.IsNullOrEmpty(runUuid) ? runUuid : throw MlflowApiException.Missing("run_id");

    public static long ExperimentId(string? text, string parameter = "experiment_id") =>
        long.TryParse(Required(text, parameter), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id
        : throw MlflowApiException.Invalid($"Invalid value '{text}' for parameter '{parameter}': experiment ids are whole numbers");

    public static int Version(string? text) =>
        int.TryParse(Required(text, "version"), NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version >= 1 ? version
        : throw MlflowApiException.Invalid($"Invalid value '{text}' for parameter 'version': model versions are whole numbers from 1");

    /// <summary><paramref name="value"/>, or the default when it is absent; over <paramref name="limit"/> is refused as MLflow refuses it.</summary>
    public static int MaxResults(int? value, int fallback, int limit)
    {
        var count = value ?? fallback;
        if (count < 1) throw MlflowApiException.Invalid($"Invalid value for request parameter max_results. It must be a positive integer, but got {count}");
        if (count > limit) throw MlflowApiException.Invalid($"Invalid value for request parameter max_results. It must be at most {limit}, but got {count}");
        return count;
    }

    static bool IsEmptyBody(JsonException e) => e.LineNumber == 0 && e.BytePositionInLine == 0;

    static bool IsList(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);

    static JsonObject FromQuery(IQueryCollection query, HashSet<string> lists)
    {
        var message = new JsonObject();
        foreach (var (key, values) in query)
            message[key] = lists.Contains(key) ? new JsonArray([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]) : JsonValue.Create(values.ToString());
        return message;
    }
}
