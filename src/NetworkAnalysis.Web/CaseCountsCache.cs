using NetworkAnalysis.Storage;

namespace NetworkAnalysis.Web;

/// <summary>The case's table counts, read once: counting a large case scans whole tables, and every page load shows them.</summary>
internal sealed class CaseCountsCache(CaseStorePool pool)
{
    private readonly Lazy<CaseCounts> _counts = new(() =>
    {
        using var lease = pool.Rent();
        return lease.Store.Counts();
    });

    public CaseCounts Counts => _counts.Value;
}
