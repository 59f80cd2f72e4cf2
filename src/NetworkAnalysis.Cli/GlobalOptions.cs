using System.CommandLine;

namespace NetworkAnalysis.Cli;

/// <summary>Options every command understands.</summary>
internal static class GlobalOptions
{
    public const string DefaultCasePath = "netan.case";

    public static readonly Option<string> Case = new("--case", "-c")
    {
        Description = "Case file (SQLite). Default: $NETAN_CASE, else ./netan.case",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("NETAN_CASE") is { Length: > 0 } env ? env : DefaultCasePath,
    };

    public static readonly Option<bool> Quiet = new("--quiet", "-q")
    {
        Description = "Print only results and errors, no progress",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print the result as JSON for scripts",
        Recursive = true,
    };
}
