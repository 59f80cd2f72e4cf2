namespace NetworkAnalysis.Reporting.Neo4j;

/// <summary>What a push sent.</summary>
/// <param name="Success">Whether every statement succeeded.</param>
/// <param name="Batches">Requests that succeeded.</param>
/// <param name="Rows">Rows sent in successful batches.</param>
/// <param name="Retries">Attempts beyond the first, over all requests.</param>
/// <param name="Error">The first failure, if any (the push stops there).</param>
public sealed record Neo4jPushResult(bool Success, int Batches, int Rows, int Retries, string? Error)
{
    /// <summary>Requests the whole push needed; when it failed, <see cref="Batches"/> of them were committed, in order.</summary>
    public int PlannedBatches { get; init; }
}
