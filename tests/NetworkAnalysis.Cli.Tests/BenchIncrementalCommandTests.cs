using System.Text.Json;

namespace NetworkAnalysis.Cli.Tests;

public sealed class BenchIncrementalCommandTests
{
    [Fact]
    public async Task Bench_Incremental_TimesTheHeldBackAdsOutsideThePipeline()
    {
        // Given a small benchmark that holds 60 of 460 generated ads back for an incremental run
        var run = await CliRunner.RunAsync("bench", "--ads", "400", "--incremental", "60", "--seed", "3", "--json");

        // Then it succeeds and reports the incremental ingest, the incremental analysis with its stages, and their sum
        run.ExitCode.ShouldBe(0, run.All);
        using var doc = JsonDocument.Parse(run.Out);
        var stages = doc.RootElement.GetProperty("stages").EnumerateArray()
            .ToDictionary(s => s.GetProperty("stage").GetString()!, s => s.GetProperty("seconds").GetDouble());
        var ingestMore = stages["incremental: ingest 60 more"];
        var analyzeMore = stages["incremental: analyze"];
        ingestMore.ShouldBeGreaterThan(0);
        analyzeMore.ShouldBeGreaterThan(0);
        stages["incremental: ingest + analyze"].ShouldBe(ingestMore + analyzeMore, 1e-9);
        stages.Keys.ShouldContain("incremental: load");
        stages.Keys.ShouldContain("incremental: save");

        // and the main pipeline still counts only the first ingest and analysis of the 400 ads
        var pipeline = doc.RootElement.GetProperty("pipeline_seconds").GetDouble();
        pipeline.ShouldBe(stages["ingest (read, extract, store)"] + stages["analyze (load, cluster, save)"], 1e-9);
        doc.RootElement.GetProperty("ads").GetInt32().ShouldBe(400);
    }

    [Fact]
    public async Task Bench_IncrementalZero_ExitsTwoWithOneLine()
    {
        var run = await CliRunner.RunAsync("bench", "--ads", "10", "--incremental", "0");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("--incremental");
        run.Error.ShouldNotContain("   at ");
    }
}
