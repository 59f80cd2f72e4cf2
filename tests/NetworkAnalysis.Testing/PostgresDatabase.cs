namespace NetworkAnalysis.Testing;

/// <summary>A database on the test run's <see cref="PostgresServer"/> for one test class (use as an xunit class fixture):
/// created on first use, after the test has called <see cref="Prerequisite.RequirePostgres"/>, and dropped on dispose.
/// Tests keep apart within it by schema (<see cref="Schema"/>).</summary>
public sealed class PostgresDatabase : IDisposable
{
    private readonly Lock _gate = new();
    private string? _locator;
    private int _schemas;

    /// <summary>The database's case locator, <c>postgresql://netan@127.0.0.1:PORT/NAME</c>; creates it on first use.</summary>
    public string Locator
    {
        get
        {
            lock (_gate)
            {
                return _locator ??= Prerequisite.RequirePostgres().CreateDatabase("netan_test");
            }
        }
    }

    /// <summary>A locator naming a fresh schema in the database (<c>?schema=sN</c>), for one test.</summary>
    public string Schema() => $"{Locator}?schema=s{Interlocked.Increment(ref _schemas)}";

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_locator is not null)
        {
            try
            {
                PostgresServer.Instance.DropDatabase(_locator);
            }
            catch (InvalidOperationException)
            {
                // The server is stopped at process exit anyway, and its folder removed.
            }
        }
    }
}
