using NetworkAnalysis.Testing;

namespace NetworkAnalysis.Cli.Tests;

public sealed class ExportParquetCommandTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ExportParquet_AnalysedCase_WritesOneFilePerTableAndAManifest()
    {
        // Given
        var file = _dir.Write("a.jsonl", """
            {"id":"1","body":"call (702) 555-0142"}
            {"id":"2","body":"702.555.0142"}
            """);
        var casePath = _dir.File("c.case");
        (await CliRunner.RunAsync("ingest", file, "--case", casePath, "--quiet")).ExitCode.ShouldBe(0);
        (await CliRunner.RunAsync("analyze", "--case", casePath, "--quiet")).ExitCode.ShouldBe(0);
        var outDir = _dir.File("out");

        // When
        var run = await CliRunner.RunAsync("export", "--format", "parquet", "--out", outDir, "--case", casePath);
        var unknown = await CliRunner.RunAsync("export", "--format", "parquet", "--out", outDir, "--cluster", "Cnope", "--case", casePath);

        // Then: Parquet files start and end with the PAR1 magic
        run.ExitCode.ShouldBe(0, run.Error);
        foreach (var table in new[] { "ads", "entities", "mentions", "clusters", "scores", "weak_links" })
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(outDir, table + ".parquet"));
            System.Text.Encoding.ASCII.GetString(bytes, 0, 4).ShouldBe("PAR1");
            System.Text.Encoding.ASCII.GetString(bytes, bytes.Length - 4, 4).ShouldBe("PAR1");
        }

        Directory.GetFiles(outDir).ShouldContain(f => Path.GetFileName(f).StartsWith("manifest", StringComparison.Ordinal));
        run.Out.ShouldContain("ads.parquet");
        unknown.ExitCode.ShouldBe(2);
        unknown.Error.ShouldContain("no cluster");
    }
}
