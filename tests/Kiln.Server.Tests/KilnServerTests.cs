using Kiln.Testing;
using Kiln.Tracking;

namespace Kiln.Server.Tests;

public class KilnServerTests
{
    [Fact]
    public async Task A_host_that_is_not_an_ip_address_is_refused_by_name()
    {
        using var folder = new TemporaryFolder();
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            KilnServer.BuildAsync(new ServerOptions { Host = "localhost:80", Tracking = new TrackingOptions { Home = folder.Path } }));
        Assert.Contains("host 'localhost:80'", error.Message);
    }

    [Fact]
    public async Task A_port_outside_the_range_is_refused_by_value()
    {
        using var folder = new TemporaryFolder();
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            KilnServer.BuildAsync(new ServerOptions { Port = 70000, Tracking = new TrackingOptions { Home = folder.Path } }));
        Assert.Contains("port 70000", error.Message);
    }

    [Fact]
    public async Task Two_servers_with_port_zero_listen_on_different_free_ports()
    {
        await using var first = await RunningServer.StartAsync();
        await using var second = await RunningServer.StartAsync();
        Assert.Equal("127.0.0.1", first.Client.BaseAddress!.Host);
        Assert.NotEqual(first.Client.BaseAddress.Port, second.Client.BaseAddress!.Port);
        Assert.NotEqual(0, first.Client.BaseAddress.Port);
    }
}
