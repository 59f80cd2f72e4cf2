using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetworkAnalysis.Storage;

namespace NetworkAnalysis.Web;

/// <summary>At start-up, opens the first pooled connection and brings the search indexes up to date.</summary>
internal sealed class SearchIndexWarmup(CaseStorePool pool, AnalysisModel model, CaseCountsCache counts, WorkbenchOptions options, ILogger<SearchIndexWarmup> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        using var lease = pool.Rent();
        model.Start();
        _ = counts.Counts;
        // A PostgreSQL case has no FTS5 index: its text search is a case-insensitive substring scan (CaseStore.Search).
        if (!options.BuildSearchIndexes || lease.Store.IsReadOnly || lease.Store.IsPostgres)
        {
            return Task.CompletedTask;
        }

        try
        {
            lease.Store.EnsureSearchIndexes(cancellationToken);
        }
        catch (SqliteException ex)
        {
            // A read-only case file cannot take indexes; search falls back to scans.
            log.LogWarning("search indexes not built ({Message}); free-text search will scan", ex.Message);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
