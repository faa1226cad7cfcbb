using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kiln.Server.Tests;

/// <summary>
/// Walks the server's route table: on a server that requires keys, every route under the APIs answers an anonymous
/// caller 401 unless it is listed here as public, so a new endpoint cannot forget to ask who is calling.
/// </summary>
public partial class RouteAuthorizationTests
{
    /// <summary>The API routes an anonymous caller may use on a server that requires keys, as "METHOD pattern"; none today.</summary>
    static readonly HashSet<string> PublicApiRoutes = new(StringComparer.Ordinal);

    /// <summary>Routes outside the APIs that anyone may read: the probe and the API's description.</summary>
    static readonly HashSet<string> PublicOtherRoutes = new(StringComparer.Ordinal) { "GET /health", "GET /openapi/{documentName}.json" };

    static readonly string[] ApiPrefixes = ["/api/", "/ajax-api/", "/metrics"];

    [Fact]
    public async Task Every_api_route_refuses_an_anonymous_caller_unless_it_is_listed_as_public()
    {
        await using var server = await RunningServer.StartAsync(options: o => o with { RequireApiKey = true });
        var routes = server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => (Method: method, Endpoint: e)))
            .Where(r => ApiPrefixes.Any(p => ("/" + r.Endpoint.RoutePattern.RawText!.TrimStart('/')).StartsWith(p, StringComparison.Ordinal)))
            .ToList();
        Assert.True(routes.Count > 80, $"only {routes.Count} API routes were found; the walk no longer sees the route table");

        var open = new List<string>();
        foreach (var (method, endpoint) in routes)
        {
            var name = $"{method} /{endpoint.RoutePattern.RawText!.TrimStart('/')}";
            if (PublicApiRoutes.Contains(name)) continue;
            using var request = new HttpRequestMessage(new HttpMethod(method), Address(endpoint.RoutePattern.RawText!));
            // a body of the kind the route accepts, so that routing does not refuse it (415) before authorization is asked
            if (method is "POST" or "PUT" or "PATCH")
                request.Content = new StringContent("{}", Encoding.UTF8, endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.FirstOrDefault() ?? "application/json");
            using var response = await server.Client.SendAsync(request);
            var declared = endpoint.Metadata.GetMetadata<IAuthorizeData>() is not null;
            if (response.StatusCode != HttpStatusCode.Unauthorized) open.Add($"{name} answered {(int)response.StatusCode} (authorization {(declared ? "declared" : "not declared")})");
        }
        Assert.True(open.Count == 0, "API routes answer an anonymous caller:\n" + string.Join('\n', open));
    }

    [Fact]
    public async Task The_routes_listed_as_public_exist_and_answer_an_anonymous_caller()
    {
        await using var server = await (await RunningServer.StartAsync(options: o => o with { RequireApiKey = true })).ReadyAsync();
        var names = server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => $"{m} /{e.RoutePattern.RawText!.TrimStart('/')}"))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var route in PublicApiRoutes.Concat(PublicOtherRoutes))
        {
            Assert.Contains(route, names);
            var (method, pattern) = (route[..route.IndexOf(' ')], route[(route.IndexOf(' ') + 1)..]);
            using var response = await server.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), Address(pattern.Replace("{documentName}", "v1", StringComparison.Ordinal))));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{route} answered an anonymous caller {(int)response.StatusCode}");
        }
    }

    /// <summary>The pages an anonymous visitor may open.</summary>
    static readonly HashSet<string> PublicPages = new(StringComparer.Ordinal) { "/signin", "/signup", "/not-found" };

    [Fact]
    public async Task Every_page_sends_an_anonymous_visitor_to_sign_in_unless_it_is_listed_as_public()
    {
        await using var server = await RunningServer.StartAsync(options: o => o with { RequireApiKey = true });
        var pages = server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Distinct()
            .ToList();
        Assert.True(pages.Count > 10, $"only {pages.Count} pages were found; the walk no longer sees the route table");
        Assert.Superset(PublicPages, pages.ToHashSet());

        var open = new List<string>();
        foreach (var page in pages.Where(p => !PublicPages.Contains(p)))
        {
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.Client.BaseAddress };
            using var response = await client.GetAsync(Address(page));
            var location = response.Headers.Location?.OriginalString ?? "";
            if (response.StatusCode != HttpStatusCode.Redirect || !location.Contains("/signin", StringComparison.Ordinal))
                open.Add($"{page} answered {(int)response.StatusCode} {location}");
        }
        Assert.True(open.Count == 0, "pages open to an anonymous visitor:\n" + string.Join('\n', open));
    }

    /// <summary>The pattern with a stand-in value for each parameter: an id, a version number, a file path.</summary>
    static string Address(string pattern) =>
        "/" + Parameter().Replace(pattern.TrimStart('/'), m => m.Groups[1].Value.Length > 0 ? "a/b.txt" : "1");

    [GeneratedRegex(@"\{(\*\*)?[^}]+\}")]
    private static partial Regex Parameter();
}
