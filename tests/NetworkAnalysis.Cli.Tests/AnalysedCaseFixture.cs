using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Cli.Tests;

/// <summary>One small generated, ingested and analysed case shared by a test class (400 ads, seed 3), plus a plain file and folder.</summary>
public sealed class AnalysedCaseFixture : IDisposable
{
    private readonly TempFolder _dir = new();

    public AnalysedCaseFixture()
    {
        CasePath = _dir.File("fixture.case");
        Run("generate", "--ads", "400", "--seed", "3", "--out", _dir.Path, "-q");
        Run("ingest", _dir.File("ads.jsonl"), "--case", CasePath, "-q");
        Run("analyze", "--case", CasePath, "-q");
        AdsPath = _dir.File("ads.jsonl");
        TruthPath = _dir.File("truth.csv");
        PlainFile = _dir.Write("plain.txt", "not a folder\n");
        Folder = Directory.CreateDirectory(_dir.File("a-folder")).FullName;
    }

    public string CasePath { get; }

    public string AdsPath { get; }

    public string TruthPath { get; }

    /// <summary>An existing regular file (where a folder is expected, or as the parent of a path).</summary>
    public string PlainFile { get; }

    /// <summary>An existing empty folder (where a file is expected).</summary>
    public string Folder { get; }

    public string Root => _dir.Path;

    public void Dispose() => _dir.Dispose();

    private static void Run(params string[] args)
    {
        var run = CliRunner.RunAsync(args).GetAwaiter().GetResult();
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"netan {string.Join(' ', args)} failed: {run.All}");
        }
    }
}
