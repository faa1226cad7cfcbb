using System.CommandLine;
using Kiln.Server;
using Kiln.Server.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kiln.Cli.Commands;

/// <summary>
/// <c>kiln up</c>: the main job. Starts the platform (web UI and API) at http://127.0.0.1:5080 on the embedded store
/// under <c>$KILN_HOME</c> and says where it is; on a fresh store, that the first sign-up becomes the admin.
/// </summary>
public static class UpCommand
{
    public static Command Create()
    {
        var command = new Command("up", "Start the Kiln platform in the browser at http://127.0.0.1:5080 (Ctrl+C stops it)");
        command.Options.Add(ServeCommand.Port);
        command.Options.Add(ServeCommand.Store);
        command.Options.Add(TrackingOptionsCli.Database);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            await using var app = await StartAsync(Options(parseResult), output, cancellationToken);
            await app.WaitForShutdownAsync(cancellationToken);
            await app.StopAsync(CancellationToken.None);
            return 0;
        });
        return command;
    }

    /// <summary>The platform's options: the port and store asked for, and the model endpoints answering its users' programs, each with an API key.</summary>
    internal static ServerOptions Options(ParseResult parseResult) => ServeCommand.StoreOptions(parseResult) with { RequireApiKey = true };

    /// <summary>Starts the platform and prints its address and how to sign in.</summary>
    internal static async Task<WebApplication> StartAsync(ServerOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var app = await KilnServer.BuildAsync(options, cancellationToken);
        await app.StartAsync(cancellationToken);
        var address = KilnServer.AddressOf(app);
        bool hasAccounts;
        using (var scope = app.Services.CreateScope())
            hasAccounts = await scope.ServiceProvider.GetRequiredService<AccountRegistration>().HasAccountsAsync(cancellationToken);
        output.WriteLine($"Kiln is up: open {address} in your browser (Ctrl+C stops it).");
        output.WriteLine(hasAccounts
            ? $"Sign in at {new Uri(address, "signin")} with your account."
            : $"First run: sign up at {new Uri(address, "signup")} — the first account to sign up becomes the admin (there is no default password).");
        return app;
    }
}
