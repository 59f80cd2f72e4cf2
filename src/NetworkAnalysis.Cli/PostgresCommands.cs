using System.CommandLine;
using NetworkAnalysis.Storage.Postgres;

namespace NetworkAnalysis.Cli;

/// <summary>Which commands run on a PostgreSQL case (<c>--case postgresql://...</c>, issue #22) so far; every other one is
/// refused before it starts, with one line that names it.</summary>
/// <remarks>
/// The commands themselves do not know which store they have (<see cref="Storage.CaseStore"/> does); this list only
/// records which ones have been shown to print the same on both stores (Cli.Tests/PostgresCaseCommandTests).
/// </remarks>
internal static class PostgresCommands
{
    /// <summary>The command paths (as typed: <c>audit verify</c>) that run on a PostgreSQL case.</summary>
    public static IReadOnlySet<string> Supported { get; } = new SortedSet<string>(StringComparer.Ordinal)
    {
        "clusters", "show", "explain", "hubs", "lookup", "report", "export", "audit verify", "audit show", "decisions", "decisions export", "serve",
        "ingest", "score", "chart", "evaluate", "decide hub", "decide never-hub", "decide merge", "decide split", "decide not-same", "decide undo", "decisions import",
        "users", "users list", "users add", "users invite", "users remove", "push neo4j",
        "doctor", "analyze",
    };

    /// <summary>Commands that never open the <c>--case</c> (a <c>$NETAN_CASE</c> naming a PostgreSQL case leaves them be).</summary>
    internal static readonly string[] NoCase = ["generate", "extract", "image-hash", "profile", "demo", "bench"];

    /// <summary>The line refusing <paramref name="command"/> on the PostgreSQL case the parse names, or null when it may run.</summary>
    public static string? Refusal(ParseResult parse, string command)
    {
        if (command.Length == 0 || command.StartsWith("case", StringComparison.Ordinal) || Supported.Contains(command)
            || NoCase.Contains(command.Split(' ')[0], StringComparer.Ordinal)
            || parse.GetValue<string>("--case") is not { } value || !PostgresCaseLocator.IsLocator(value))
        {
            return null;
        }

        return $"`netan {command}` does not run on a PostgreSQL case yet (issue #22; so far {string.Join(", ", Supported)} do): "
            + $"copy it to a case file first, e.g. `netan case copy {PostgresCaseLocator.Mask(value)} my.case`";
    }
}
