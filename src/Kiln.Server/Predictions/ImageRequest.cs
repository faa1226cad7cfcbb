using Kiln.Serving;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Kiln.Server.Predictions;

/// <summary>
/// The images a prediction request carries: every file of a <c>multipart/form-data</c> upload (each named by its file
/// name), or one raw <c>image/png</c> or <c>image/jpeg</c> body (named by its Content-Disposition file name, else "image").
/// </summary>
internal static class ImageRequest
{
    const string RawBodyName = "image";

    /// <summary>Whether the request is an upload or an image body rather than rows.</summary>
    public static bool Carries(HttpRequest request) =>
        request.HasFormContentType && request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)
        || IsImage(request.ContentType);

    public static async Task<IReadOnlyList<ImageUpload>> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, cancellationToken).ConfigureAwait(false);
            return [new ImageUpload(BodyName(request), body.ToArray())];
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException e)
        {
            throw new BadHttpRequestException($"the multipart/form-data upload cannot be read: {e.Message}", StatusCodes.Status400BadRequest, e);
        }
        var uploads = new List<ImageUpload>(form.Files.Count);
        foreach (var file in form.Files)
        {
            // a client may send a path; the answer and the log name the file alone
            var name = string.IsNullOrEmpty(file.FileName) ? file.Name : Path.GetFileName(file.FileName);
            if (!string.IsNullOrEmpty(file.ContentType) && !IsImage(file.ContentType) && !file.ContentType.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase))
                throw new UnsupportedInputException($"{name} is sent as {file.ContentType}, not an image: upload PNG or JPEG files", name);
            using var content = new MemoryStream((int)Math.Min(file.Length, int.MaxValue));
            await file.CopyToAsync(content, cancellationToken).ConfigureAwait(false);
            uploads.Add(new ImageUpload(name, content.ToArray()));
        }
        return uploads;
    }

    static bool IsImage(string? contentType) => contentType is not null && contentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase);

    static string BodyName(HttpRequest request) =>
        ContentDispositionHeaderValue.TryParse(request.Headers.ContentDisposition.ToString(), out var disposition)
        && HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName) is { Length: > 0 } name
            ? Path.GetFileName(name.ToString())
            : RawBodyName;
}
