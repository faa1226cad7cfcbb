using Kiln.Server.Web.Shared;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Kiln.Server.Web;

/// <summary>Registers the web UI: Blazor components rendered on the server, live over a connection, with MudBlazor.</summary>
public static class WebServices
{
    public static IServiceCollection AddKilnWeb(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddMudServices();
        services.AddSingleton<ModelChanges>();
        return services;
    }
}
