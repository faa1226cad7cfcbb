using Kiln.Server.Accounts;
using Kiln.Server.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Kiln.Server.Projects;

/// <summary>Registers the projects, the moves of items between them, and the access rule every caller asks.</summary>
public static class ProjectServices
{
    internal static IServiceCollection AddKilnProjects(this IServiceCollection services, PlatformDatabase database)
    {
        services.AddSingleton(new ProjectStore(database));
        services.AddSingleton<PlatformAccess>();
        services.AddSingleton<ProjectItems>();
        return services;
    }
}
