using Kiln.Cli.Commands;
using Kiln.Server;

namespace Kiln.Cli.Tests;

public class ServeCommandTests
{
    [Fact]
    public void Serve_listens_on_127_0_0_1_port_5080_by_default()
    {
        var options = ServeCommand.Options(KilnApp.CreateRoot().Parse(["serve"]));
        Assert.Equal("127.0.0.1", options.Host);
        Assert.Equal(ServerOptions.DefaultPort, options.Port);
    }

    [Fact]
    public void Serve_takes_the_port_the_store_folder_and_the_database_from_the_command_line()
    {
        var options = ServeCommand.Options(KilnApp.CreateRoot().Parse(["serve", "--port", "6001", "--store", "/tmp/kiln-store", "--db", "postgresql://kiln@127.0.0.1/kiln"]));
        Assert.Equal(6001, options.Port);
        Assert.Equal("/tmp/kiln-store", options.Tracking.Home);
        Assert.Equal("postgresql://kiln@127.0.0.1/kiln", options.Tracking.Database);
    }

    [Fact]
    public void A_port_that_is_not_a_number_is_a_usage_error_naming_the_option()
    {
        var run = CliRun.Of("serve", "--port", "http");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--port", run.Error);
    }
}
