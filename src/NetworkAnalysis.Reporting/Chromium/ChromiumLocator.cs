namespace NetworkAnalysis.Reporting.Chromium;

/// <summary>Finds the Chromium (or Chrome) executable instead of assuming where a distribution installs it.</summary>
/// <remarks>
/// Order: <c>NETAN_CHROMIUM</c>, then <c>CHROME_PATH</c> (a set variable is taken as the user's choice even when the file is
/// missing, so the error names it), then <c>chromium</c>, <c>chromium-browser</c>, <c>google-chrome</c> and
/// <c>google-chrome-stable</c> on <c>PATH</c>.
/// </remarks>
public static class ChromiumLocator
{
    /// <summary>Environment variables naming the executable, most specific first.</summary>
    public static IReadOnlyList<string> Variables { get; } = ["NETAN_CHROMIUM", "CHROME_PATH"];

    /// <summary>Executable names looked up on <c>PATH</c>, in order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary>What the locator tried, for error messages.</summary>
    public static string Searched { get; } =
        $"looked at {string.Join(" and ", Variables)}, then {string.Join(", ", Names)} on PATH; install it with `apt-get install -y chromium`";

    /// <summary>The executable found from this process's environment, or null.</summary>
    public static string? Find() => Find(Environment.GetEnvironmentVariable);

    /// <summary>The executable found from the given environment, or null.</summary>
    /// <param name="environment">Reads an environment variable (null when unset).</param>
    public static string? Find(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        foreach (var variable in Variables)
        {
            var value = environment(variable);
            if (!string.IsNullOrWhiteSpace(value))
            {
                return value.Trim();
            }
        }

        var path = environment("PATH") ?? "";
        var dirs = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var name in Names)
        {
            foreach (var dir in dirs)
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
