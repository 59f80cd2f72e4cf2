namespace NetworkAnalysis.Testing;

/// <summary>Locates ../shared/testdata and the repository root for tests.</summary>
public static class TestData
{
    /// <summary>The repository root (the folder holding NetworkAnalysis.sln).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Whether tests run in CI (CI=true), where shared test data is required.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Path of a file or folder under ../shared/testdata, or null when the folder is absent outside CI.</summary>
    /// <exception cref="InvalidOperationException">In CI, when the shared test data is missing.</exception>
    public static string? Shared(string relative)
    {
        var root = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "testdata"));
        var path = Path.Combine(root, relative);
        if (File.Exists(path) || Directory.Exists(path))
        {
            return path;
        }

        if (IsCi)
        {
            throw new InvalidOperationException($"CI=true but shared test data is missing: {path}");
        }

        Console.WriteLine($"SKIPPED (reason): {path} not found; ../shared/testdata exists only beside the project's own checkout and in CI.");
        return null;
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NetworkAnalysis.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("NetworkAnalysis.sln not found above " + AppContext.BaseDirectory);
    }
}
