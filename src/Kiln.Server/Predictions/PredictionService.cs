using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Kiln.Data;
using Kiln.Learn;
using Kiln.Server.Metrics;
using Kiln.Serving;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Kiln.Server.Predictions;

/// <summary>
/// Answers one prediction request: resolves the model, reads the rows against its schema, predicts, and then — for
/// every outcome — counts the request in the metrics, writes its log line and hands the prediction to the feed.
/// </summary>
internal sealed class PredictionService(ModelHost host, PredictionFeed feed, ShadowTraffic shadows, PredictionMetrics metrics, ImageLimits imageLimits, ILogger<PredictionService> logger)
{
    const string UnknownModel = "(unknown)";
    const string CsvMediaType = "text/csv";

    public async Task<IResult> PredictAsync(string model, int? version, HttpContext context)
    {
        var outcome = new Outcome(Stopwatch.GetTimestamp());
        try
        {
            var reference = version is { } number ? new ModelReference(model, null, number) : ModelReference.Parse(model);
            outcome.Model = reference.Name;
            var route = await host.RouteAsync(reference, context.RequestAborted).ConfigureAwait(false);
            var served = route.Served;
            outcome.Served = served;
            if (ImageRequest.Carries(context.Request)) return await PredictImagesAsync(route, reference.Alias, context, outcome).ConfigureAwait(false);
            served.EnsureTakes(ServedInputKind.Rows);
            var inputs = await ReadRowsAsync(context.Request, served.Schema, context.RequestAborted).ConfigureAwait(false);
            outcome.Rows = inputs.RowCount;
            var outputs = await served.PredictAsync(inputs).ConfigureAwait(false);
            var id = Publish(route, reference.Alias, inputs, outputs, outcome);
            return TypedResults.Ok(Response(id, route, outputs));
        }
        catch (Exception e) when (Problem(e, outcome, context) is { } problem)
        {
            return problem;
        }
        finally
        {
            Finish(outcome);
        }
    }

    /// <summary>
    /// An image model's answer for the uploaded images, one per file, each naming its file. A shadow does not see
    /// image requests: the log keeps each file's name, size and hash, not the pixels a shadow would need.
    /// </summary>
    async Task<IResult> PredictImagesAsync(ModelRoute route, string? alias, HttpContext context, Outcome outcome)
    {
        var served = route.Served;
        served.EnsureTakes(ServedInputKind.Images);
        var uploads = await ImageRequest.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        var images = served.ReadImages(uploads, imageLimits);
        outcome.Rows = images.Count;
        var outputs = served.Predict(images);
        var id = Publish(route with { Shadow = null }, alias, images.Files, outputs, outcome);
        return TypedResults.Ok(Response(id, route, outputs, images.Names));
    }

    public async Task<IResult> PredictFileAsync(string model, HttpContext context)
    {
        var outcome = new Outcome(Stopwatch.GetTimestamp());
        try
        {
            var reference = ModelReference.Parse(model);
            outcome.Model = reference.Name;
            var route = await host.RouteAsync(reference, context.RequestAborted).ConfigureAwait(false);
            var served = route.Served;
            outcome.Served = served;
            served.EnsureTakes(ServedInputKind.Rows);
            if (!context.Request.HasFormContentType)
                throw new BadHttpRequestException("send the CSV file as a multipart/form-data upload in the field 'file'", StatusCodes.Status415UnsupportedMediaType);
            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            var file = form.Files["file"] ?? form.Files.FirstOrDefault()
                ?? throw new InvalidInputException("the upload holds no file: send the CSV file in the form field 'file'", field: "file");
            string text;
            using (var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8))
                text = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
            var inputs = CsvRows.Read(text, served.Schema, string.IsNullOrEmpty(file.FileName) ? "the uploaded file" : file.FileName);
            outcome.Rows = inputs.RowCount;
            var outputs = served.Predict(inputs);
            var id = Publish(route, reference.Alias, inputs, outputs, outcome);
            var answer = new StringWriter(CultureInfo.InvariantCulture);
            CsvWriter.Write(WithPredictions(inputs, outputs), answer);
            context.Response.Headers["Kiln-Model-Version"] = $"{served.Name}/{served.Version.ToString(CultureInfo.InvariantCulture)}";
            context.Response.Headers["Kiln-Prediction-Id"] = id;
            if (RoleName(route.Role) is { } role) context.Response.Headers["Kiln-Serving-Role"] = role;
            return TypedResults.Text(answer.ToString(), CsvMediaType, Encoding.UTF8);
        }
        catch (Exception e) when (Problem(e, outcome, context) is { } problem)
        {
            return problem;
        }
        finally
        {
            Finish(outcome);
        }
    }

    /// <summary>The request's rows: a CSV body when the content type says text/csv, JSON otherwise.</summary>
    static async Task<Frame> ReadRowsAsync(HttpRequest request, InputSchema schema, CancellationToken cancellationToken)
    {
        var contentType = request.ContentType;
        var csv = contentType is not null && contentType.StartsWith(CsvMediaType, StringComparison.OrdinalIgnoreCase);
        if (contentType is not null && !csv && !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
            throw new BadHttpRequestException($"content type '{contentType}' is not accepted: send application/json rows or a text/csv body", StatusCodes.Status415UnsupportedMediaType);
        var body = request.BodyReader;
        while (true)
        {
            var read = await body.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (!read.IsCompleted)
            {
                body.AdvanceTo(read.Buffer.Start, read.Buffer.End);
                continue;
            }
            try
            {
                var buffer = read.Buffer;
                if (csv) return CsvRows.Read(Encoding.UTF8.GetString(buffer), schema);
                return buffer.IsSingleSegment ? JsonRows.Read(buffer.FirstSpan, schema) : JsonRows.Read(buffer.ToArray(), schema);
            }
            finally
            {
                body.AdvanceTo(read.Buffer.End);
            }
        }
    }

    static PredictionResponse Response(string id, ModelRoute route, PredictionBatch outputs, IReadOnlyList<string>? files = null)
    {
        var rows = new RowPrediction[outputs.RowCount];
        var classes = outputs.Classes;
        for (var r = 0; r < rows.Length; r++)
        {
            Dictionary<string, double>? probabilities = null;
            if (classes is not null && outputs.Probabilities is { } matrix)
            {
                probabilities = new Dictionary<string, double>(classes.Count, StringComparer.Ordinal);
                for (var c = 0; c < classes.Count; c++) probabilities[classes[c]] = matrix[r * classes.Count + c];
            }
            rows[r] = new RowPrediction(outputs.Predictions.GetValue(r), outputs.Confidence(r), probabilities, files?[r]);
        }
        return new PredictionResponse(route.Served.Name, route.Served.Version, id, rows, RoleName(route.Role));
    }

    /// <summary>The input rows followed by the prediction and, for classifiers, one <c>p(class)</c> column per class.</summary>
    static Frame WithPredictions(Frame inputs, PredictionBatch outputs)
    {
        var frame = inputs.WithColumn(outputs.Predictions.Rename("prediction"));
        if (outputs.Classes is not { } classes || outputs.Probabilities is not { } matrix) return frame;
        for (var c = 0; c < classes.Count; c++)
        {
            var values = new double[outputs.RowCount];
            for (var r = 0; r < values.Length; r++) values[r] = matrix[r * classes.Count + c];
            frame = frame.WithColumn(new Float64Column($"p({classes[c]})", values));
        }
        return frame;
    }

    /// <summary>
    /// Hands the answered request to the feed's listeners (the prediction log among them) and, when the deployment has
    /// a shadow, to the shadow, which predicts it in the background; gives the request's id.
    /// </summary>
    string Publish(ModelRoute route, string? alias, Frame inputs, PredictionBatch outputs, Outcome outcome)
    {
        outcome.Status = StatusCodes.Status200OK;
        var id = ServedPrediction.NewId();
        if (!feed.HasListeners && route.Shadow is null) return id;
        var served = route.Served;
        var answered = new ServedPrediction(id, served.Name, served.Version, alias, outcome.Time, Stopwatch.GetElapsedTime(outcome.Started), inputs, outputs) { Role = route.Role };
        feed.Publish(answered);
        if (route.Shadow is { } shadow) shadows.Offer(shadow, answered);
        return id;
    }

    /// <summary>The role as the API writes it: <c>primary</c>, <c>canary</c>; null when no deployment routed the request.</summary>
    public static string? RoleName(ServingRole? role) => role?.ToString().ToLowerInvariant();

    /// <summary>The problem details for an error the caller can act on; null for the rest, which the exception handler answers.</summary>
    IResult? Problem(Exception error, Outcome outcome, HttpContext context)
    {
        (int Status, string Title, int? Row, string? Field)? problem = error switch
        {
            ModelNotServedException => (StatusCodes.Status404NotFound, "Model not served", null, null),
            InvalidInputException invalid => (StatusCodes.Status400BadRequest, "Invalid input", invalid.Row, invalid.Field),
            SchemaMismatchException => (StatusCodes.Status400BadRequest, "Input does not fit the model", null, null),
            UnsupportedInputException => (StatusCodes.Status415UnsupportedMediaType, "Input of the wrong kind", null, null),
            InvalidImageException => (StatusCodes.Status400BadRequest, "Invalid image", null, null),
            ImageTooLargeException => (StatusCodes.Status413PayloadTooLarge, "Images too large", null, null),
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", null, null),
            ArgumentException => (StatusCodes.Status400BadRequest, "Invalid request", null, null),
            OperationCanceledException => (StatusCodes.Status504GatewayTimeout, "Request timed out", null, null),
            _ => null,
        };
        if (problem is not { } p)
        {
            outcome.Status = StatusCodes.Status500InternalServerError;
            return null;
        }
        outcome.Status = p.Status;
        if (error is OperationCanceledException) return null;
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (p.Row is { } row) extensions["row"] = row;
        if (p.Field is { } field) extensions["field"] = field;
        if (error switch { UnsupportedInputException u => u.File, InvalidImageException i => i.File, ImageTooLargeException t => t.File, _ => null } is { Length: > 0 } file)
            extensions["file"] = file;
        // where callers see only their own models, the served models' names are not theirs to read
        var detail = error is ModelNotServedException notServed && ModelAccessFilter.IsRequired(context) ? notServed.Reason : error.Message;
        return TypedResults.Problem(detail, statusCode: p.Status, title: p.Title, extensions: extensions);
    }

    void Finish(Outcome outcome)
    {
        var latency = Stopwatch.GetElapsedTime(outcome.Started);
        var model = outcome.Served?.Name ?? (outcome.Model is { } name && host.Models.Any(m => m.Name == name) ? name : UnknownModel);
        var version = outcome.Served?.Version.ToString(CultureInfo.InvariantCulture) ?? "";
        metrics.Record(model, version, outcome.Status, latency, outcome.Rows);
        PredictionRequestLog.Answered(logger, model, version.Length == 0 ? "-" : version, outcome.Status, latency.TotalMilliseconds, outcome.Rows);
    }

    /// <summary>What is known about a request as it goes: for the metrics and the log line, whatever the result.</summary>
    sealed class Outcome(long started)
    {
        public long Started { get; } = started;
        public DateTimeOffset Time { get; } = DateTimeOffset.UtcNow;
        public string? Model { get; set; }
        public ServedModel? Served { get; set; }
        public int Rows { get; set; }
        public int Status { get; set; } = StatusCodes.Status500InternalServerError;
    }
}
