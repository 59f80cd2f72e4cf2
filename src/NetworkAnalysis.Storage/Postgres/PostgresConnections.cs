using System.Net.Sockets;
using Npgsql;

namespace NetworkAnalysis.Storage.Postgres;

/// <summary>Opens connections to a case's server, turning every connection failure into one line that names the server
/// (with any password masked) and never the password.</summary>
internal static class PostgresConnections
{
    public static NpgsqlConnection Open(PostgresCaseLocator locator)
    {
        var connection = new NpgsqlConnection(locator.ConnectionString());
        try
        {
            connection.Open();
            return connection;
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException or InvalidOperationException)
        {
            connection.Dispose();
            var reason = ex is PostgresException pg ? $"{pg.SqlState}: {pg.MessageText}" : ex.InnerException?.Message ?? ex.Message;
            throw new CaseStoreException($"cannot connect to {locator}: {reason} (is the server running? the password comes from PGPASSWORD or ~/.pgpass)", ex);
        }
    }
}
