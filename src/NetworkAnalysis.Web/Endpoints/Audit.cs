using Microsoft.Data.Sqlite;
using NetworkAnalysis.Storage;

namespace NetworkAnalysis.Web.Endpoints;

/// <summary>Records views and exports in the case's audit log.</summary>
internal static class Audit
{
    public static void Record(CaseStore store, WorkbenchOptions options, string action, string target)
    {
        if (store.IsReadOnly)
        {
            // Read-only means the case file's bytes do not change: a reviewer's views are not recorded in it.
            return;
        }

        try
        {
            store.AppendAudit(options.Analyst, action, target);
        }
        catch (SqliteException) when (options.ReadOnly)
        {
            // A reviewer's case file may be read-only on disk; the view itself is still allowed.
        }
    }
}
