namespace NetworkAnalysis.Cli;

/// <summary>A user error: printed as one line, no stack trace, with its exit code.</summary>
internal sealed class CliError : Exception
{
    public CliError(string message, int exitCode = ExitCodes.UsageOrInput)
        : base(message) => ExitCode = exitCode;

    public CliError()
    {
    }

    public CliError(string message, Exception inner)
        : base(message, inner) => ExitCode = ExitCodes.UsageOrInput;

    public int ExitCode { get; }
}

/// <summary>Process exit codes: 0 success, 1 the work ran but failed or found problems, 2 bad usage or input.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageOrInput = 2;
}
