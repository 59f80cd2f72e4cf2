using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using NetworkAnalysis.Storage;
using NetworkAnalysis.Web.Security;

namespace NetworkAnalysis.Web.Endpoints;

/// <summary>Records views and exports in the case's audit log, in the name of the request's user (the server's analyst when single-user).</summary>
internal static class Audit
{
    public static void Record(CaseStore store, WorkbenchOptions options, HttpContext http, string action, string target)
    {
        if (store.IsReadOnly)
        {
            // Read-only means the case file's bytes do not change: a reviewer's views are not recorded in it.
            return;
        }

        try
        {
            store.AppendAudit(TeamAccounts.Actor(http, options), action, target);
        }
        catch (SqliteException) when (options.ReadOnly)
        {
            // A reviewer's case file may be read-only on disk; the view itself is still allowed.
        }
    }
}
