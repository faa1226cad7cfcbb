namespace Kiln.Tracking.Tests;

public class TrackingConnectionTests
{
    [Theory]
    [InlineData("postgresql://ana:s3cret@db.local:5433/kiln", TrackingProvider.PostgreSql, "Host=db.local;Port=5433;Username=ana;Password=s3cret;Database=kiln")]
    [InlineData("Host=127.0.0.1;Port=5432;Database=kiln;Username=kiln", TrackingProvider.PostgreSql, "Host=127.0.0.1;Port=5432;Database=kiln;Username=kiln")]
    [InlineData("Data Source=/tmp/t.db", TrackingProvider.Sqlite, "Data Source=/tmp/t.db")]
    [InlineData("sqlite:////tmp/t.db", TrackingProvider.Sqlite, "Data Source=/tmp/t.db")]
    [InlineData("/tmp/t.db", TrackingProvider.Sqlite, "Data Source=/tmp/t.db")]
    public void The_provider_follows_from_the_connection_string(string text, TrackingProvider provider, string connectionString)
    {
        var connection = TrackingConnection.Parse(text);
        Assert.Equal(provider, connection.Provider);
        Assert.Equal(connectionString, connection.ConnectionString);
    }

    [Fact]
    public void Passwords_are_hidden_when_a_connection_is_shown()
    {
        var shown = TrackingConnection.Parse("postgresql://ana:s3cret@db.local/kiln").ToString();
        Assert.DoesNotContain("s3cret", shown);
        var error = Assert.Throws<TrackingException>(() => TrackingConnection.Parse("User=ana;Password=s3cret"));
        Assert.DoesNotContain("s3cret", error.Message);
        Assert.Contains("neither PostgreSQL", error.Message);
    }

    [Fact]
    public async Task An_unreachable_server_is_reported_as_unavailable()
    {
        var options = new TrackingOptions { Database = "Host=127.0.0.1;Port=1;Database=kiln;Username=kiln;Timeout=2" };
        var error = await Assert.ThrowsAsync<TrackingUnavailableException>(() => TrackingStore.OpenAsync(options));
        Assert.Contains("127.0.0.1", error.Message);
    }
}
