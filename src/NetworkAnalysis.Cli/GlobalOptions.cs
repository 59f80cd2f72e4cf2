using System.CommandLine;

namespace NetworkAnalysis.Cli;

/// <summary>Options every command understands: one set per built command tree, handed to the commands that read them.</summary>
/// <remarks>
/// Never shared between trees: System.CommandLine 2.0 records every command an option is added to in a list on the
/// option that is not thread-safe and never shrinks, so shared instances made concurrent builds (in-process hosts:
/// tests, notebooks, the workbench) race and a long-lived host's options grow with every tree it builds.
/// </remarks>
internal sealed class GlobalOptions
{
    public const string DefaultCasePath = "netan.case";

    public Option<string> Case { get; } = new Option<string>("--case", "-c")
    {
        Description = "Case file (SQLite), or a PostgreSQL case postgresql://user@host/db (see docs/postgresql.md). Default: $NETAN_CASE, else ./netan.case",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("NETAN_CASE") is { Length: > 0 } env ? env : DefaultCasePath,
    }.Kind(ValueKind.CaseLocator);

    public Option<bool> Quiet { get; } = new("--quiet", "-q")
    {
        Description = "Print only results and errors, no progress",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print the result as JSON for scripts",
        Recursive = true,
    };

    /// <summary>Who acts, for the case's audit log (<see cref="CliAudit"/>).</summary>
    public Option<string?> Analyst { get; } = new Option<string?>("--analyst")
    {
        Description = "Your name for the case's audit log. Default: $NETAN_ANALYST, else the operating-system user",
        Recursive = true,
    }.Kind(ValueKind.Text);

    /// <summary>Adds the options to <paramref name="root"/> (recursive: every subcommand accepts them).</summary>
    public void AddTo(Command root)
    {
        root.Options.Add(Case);
        root.Options.Add(Quiet);
        root.Options.Add(Json);
        root.Options.Add(Analyst);
    }
}
