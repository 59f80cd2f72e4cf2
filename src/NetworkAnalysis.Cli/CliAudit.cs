using System.CommandLine;
using NetworkAnalysis.Storage;

namespace NetworkAnalysis.Cli;

/// <summary>Who is acting, for the case's audit log, and a one-line way for a command to record what it does.</summary>
internal static class CliAudit
{
    /// <summary>The global <c>--analyst</c>, else $NETAN_ANALYST, else the operating-system user.</summary>
    public static string Actor(ParseResult parse, GlobalOptions global) =>
        parse.GetValue(global.Analyst) is { Length: > 0 } analyst && !string.IsNullOrWhiteSpace(analyst) ? analyst.Trim()
        : Environment.GetEnvironmentVariable("NETAN_ANALYST") is { Length: > 0 } env && !string.IsNullOrWhiteSpace(env) ? env.Trim()
        : string.IsNullOrWhiteSpace(Environment.UserName) ? "unknown" : Environment.UserName;

    /// <summary>Appends an audit entry: who (from <paramref name="parse"/>), what, to which target.</summary>
    /// <remarks>A case opened read-only (a read-only medium) cannot take the entry: standard error says so instead.</remarks>
    public static void Record(CaseStore store, ParseResult parse, GlobalOptions global, string action, string target, string? details = null)
    {
        if (store.IsReadOnly)
        {
            parse.InvocationConfiguration.Error.WriteLine($"netan: note: {LogText.Safe(store.Path, 300)} is read-only, so this {LogText.Safe(action, 40)} is not recorded in its audit log");
            return;
        }

        store.AppendAudit(Actor(parse, global), action, target, details);
    }
}
