namespace NetworkAnalysis.Reporting.Neo4j;

/// <summary>How the Query API client retries transient failures.</summary>
public sealed record Neo4jRetryOptions
{
    /// <summary>Attempts per request, including the first.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Delay before the first retry; doubles with each further retry.</summary>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Waits between attempts; replaced in tests to avoid real sleeps.</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = Task.Delay;
}
