using System.CommandLine;
using NetworkAnalysis.Storage;

namespace NetworkAnalysis.Cli;

/// <summary>Who is acting, for the case's audit log, and a one-line way for a command to record what it does.</summary>
internal static class CliAudit
{
    public static readonly Option<string?> Analyst = new("--analyst")
    {
        Description = "Your name for the case's audit log. Default: $NETAN_ANALYST, else the operating-system user",
        Recursive = true,
    };

    public static string Actor(ParseResult parse) =>
        parse.GetValue(Analyst) is { Length: > 0 } analyst && !string.IsNullOrWhiteSpace(analyst) ? analyst.Trim()
        : Environment.GetEnvironmentVariable("NETAN_ANALYST") is { Length: > 0 } env && !string.IsNullOrWhiteSpace(env) ? env.Trim()
        : string.IsNullOrWhiteSpace(Environment.UserName) ? "unknown" : Environment.UserName;

    /// <summary>Appends an audit entry: who (from <paramref name="parse"/>), what, to which target.</summary>
    public static AuditEntry Record(CaseStore store, ParseResult parse, string action, string target, string? details = null) =>
        store.AppendAudit(Actor(parse), action, target, details);
}
