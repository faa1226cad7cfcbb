using Kiln.Cli.Commands;
using Kiln.Server;
using Kiln.Server.Accounts;
using Kiln.Testing;
using Kiln.Tracking;
using Microsoft.Extensions.DependencyInjection;

namespace Kiln.Cli.Tests;

public class UpCommandTests
{
    [Fact]
    public void Up_starts_at_127_0_0_1_port_5080_by_default()
    {
        var options = ServeCommand.StoreOptions(KilnApp.CreateRoot().Parse(["up"]));
        Assert.Equal(("127.0.0.1", 5080), (options.Host, options.Port));
    }

    [Fact]
    public async Task Up_prints_the_address_and_on_a_fresh_store_that_the_first_sign_up_becomes_the_admin()
    {
        using var store = new TemporaryFolder();
        var options = new ServerOptions { Port = 0, Tracking = new TrackingOptions { Home = store.Path } };
        var output = new StringWriter();
        await using (var app = await UpCommand.StartAsync(options, output, CancellationToken.None))
        {
            var address = KilnServer.AddressOf(app);
            Assert.Contains($"open {address} in your browser", output.ToString());
            Assert.Contains("the first account to sign up becomes the admin", output.ToString());
            using var client = new HttpClient { BaseAddress = address };
            Assert.Contains("Create an account", await client.GetStringAsync("/signup"));
            using var scope = app.Services.CreateScope();
            var (user, errors) = await scope.ServiceProvider.GetRequiredService<AccountRegistration>().SignUpAsync("ada@example.org", "Kiln-test-1");
            Assert.True(user is not null, string.Join("; ", errors));
            await app.StopAsync();
        }

        var again = new StringWriter();
        await using (var app = await UpCommand.StartAsync(options, again, CancellationToken.None))
        {
            Assert.Contains("Sign in at", again.ToString());
            Assert.DoesNotContain("first account", again.ToString());
            await app.StopAsync();
        }
    }
}
