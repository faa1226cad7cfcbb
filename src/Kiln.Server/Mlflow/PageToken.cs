using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Kiln.Server.Mlflow;

/// <summary>MLflow's page tokens: an opaque base64 text holding the offset of the next page.</summary>
static class PageToken
{
    /// <summary>The page of <paramref name="all"/> the token starts, and the token of the page after it (null on the last page).</summary>
    public static (IReadOnlyList<T> Page, string? Next) Slice<T>(IReadOnlyList<T> all, string? token, int maxResults)
    {
        var offset = Decode(token);
        var page = all.Skip(offset).Take(maxResults).ToList();
        return (page, offset + maxResults < all.Count ? Encode(offset + maxResults) : null);
    }

    static string Encode(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{{\"offset\": {offset.ToString(CultureInfo.InvariantCulture)}}}"));

    static int Decode(string? token)
    {
        if (string.IsNullOrEmpty(token)) return 0;
        try
        {
            using var document = JsonDocument.Parse(Convert.FromBase64String(token));
            if (document.RootElement.TryGetProperty("offset", out var offset) && offset.TryGetInt32(out var value) && value >= 0) return value;
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            // reported below with the token
        }
        throw MlflowApiException.Invalid($"Invalid page token '{token}': pass the next_page_token of the previous answer unchanged");
    }
}
