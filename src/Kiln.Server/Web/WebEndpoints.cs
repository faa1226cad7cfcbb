using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Kiln.Server.Web;

/// <summary>Maps the web UI's pages and the files its pages show; the static files (MudBlazor's, Blazor's script) are served by <c>UseStaticFiles</c>.</summary>
public static class WebEndpoints
{
    public static IEndpointRouteBuilder MapKilnWeb(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapRunArtifactEndpoints();
        endpoints.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return endpoints;
    }
}
