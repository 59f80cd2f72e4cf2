namespace NetworkAnalysis.Reporting.Chromium;

/// <summary>The outcome of one headless Chromium run.</summary>
/// <param name="Success">Whether Chromium exited with 0 and wrote the output file.</param>
/// <param name="OutputPath">The file that was to be written.</param>
/// <param name="ExitCode">Chromium's exit code, or -1 when it could not be started or timed out.</param>
/// <param name="Error">Why it failed (missing browser, timeout, stderr tail), when it did.</param>
public sealed record ChromiumResult(bool Success, string OutputPath, int ExitCode, string? Error);
