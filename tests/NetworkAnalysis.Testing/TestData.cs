namespace NetworkAnalysis.Testing;

/// <summary>Locates ../shared/testdata and the repository root for tests.</summary>
public static class TestData
{
    /// <summary>The repository root (the folder holding NetworkAnalysis.sln).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Whether tests run in CI (CI=true), where shared test data is required.</summary>
    public static bool IsCi => Prerequisite.IsCi;

    /// <summary>Path of a file or folder under ../shared/testdata.</summary>
    /// <remarks>When it is absent the calling test is skipped with the reason (it must be a <c>[SkippableFact]</c> or
    /// <c>[SkippableTheory]</c>); under CI=true it fails.</remarks>
    public static string Shared(string relative)
    {
        var root = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "testdata"));
        var path = Path.Combine(root, relative);
        Prerequisite.Require(File.Exists(path) || Directory.Exists(path), $"shared test data {path}",
            "../shared/testdata exists only beside the project's own checkout and in CI");
        return path;
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
