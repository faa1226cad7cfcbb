using System.CommandLine;
using Kiln.Server;
using Kiln.Tracking;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Kiln.Cli.Commands;

/// <summary><c>kiln serve</c>: runs the Kiln server over the tracking store until Ctrl+C.</summary>
public static class ServeCommand
{
    internal static readonly Option<int> Port = new("--port") { Description = $"The port to listen on (0 picks a free one)", DefaultValueFactory = _ => ServerOptions.DefaultPort };

    static readonly Option<string> Host = new("--host")
    {
        Description = "The address to listen on: 127.0.0.1 serves this machine only, 0.0.0.0 every network",
        DefaultValueFactory = _ => "127.0.0.1",
    };

    internal static readonly Option<string> Store = new("--store") { Description = "A folder for the tracking database and artifacts (default: $KILN_HOME)" };

    public static Command Create()
    {
        var command = new Command("serve", "Run the Kiln server: health, OpenAPI document and the tracking store's API");
        command.Options.Add(Port);
        command.Options.Add(Host);
        command.Options.Add(Store);
        command.Options.Add(TrackingOptionsCli.Database);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            await using var app = await KilnServer.BuildAsync(Options(parseResult), cancellationToken);
            await app.StartAsync(cancellationToken);
            output.WriteLine($"Kiln serves on {KilnServer.AddressOf(app)} (OpenAPI document at /openapi/v1.json); Ctrl+C stops it.");
            await app.WaitForShutdownAsync(cancellationToken);
            await app.StopAsync(CancellationToken.None);
            return 0;
        });
        return command;
    }

    /// <summary>The server options the command line asks for.</summary>
    internal static ServerOptions Options(ParseResult parseResult) => StoreOptions(parseResult) with { Host = parseResult.GetValue(Host)! };

    /// <summary>The port and the store the command line asks for, on 127.0.0.1.</summary>
    internal static ServerOptions StoreOptions(ParseResult parseResult)
    {
        var tracking = TrackingOptions.FromEnvironment();
        if (parseResult.GetValue(Store) is { Length: > 0 } store) tracking = tracking with { Home = store };
        if (parseResult.GetValue(TrackingOptionsCli.Database) is { Length: > 0 } database) tracking = tracking with { Database = database };
        return new ServerOptions { Port = parseResult.GetValue(Port), Tracking = tracking };
    }
}
