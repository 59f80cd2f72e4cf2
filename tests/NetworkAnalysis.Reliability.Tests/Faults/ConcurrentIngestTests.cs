using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using NetworkAnalysis.Core.Ads;
using NetworkAnalysis.Reliability.Tests.Infrastructure;
using NetworkAnalysis.Storage;
using NetworkAnalysis.Testing;
using Xunit.Abstractions;

namespace NetworkAnalysis.Reliability.Tests.Faults;

/// <summary>A second <c>netan ingest</c> of the same file into the same case while the first runs, then both are killed.</summary>
[Collection(ProcessCollection.Name)]
public sealed class ConcurrentIngestTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly ITestOutputHelper _log;

    public ConcurrentIngestTests(ITestOutputHelper log) => _log = log;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task SecondIngestOfTheSameCase_IsRefusedInOneLine_AndNoAdIsLostAfterAKill()
    {
        // Given: an ingest of 48,000 ads that has committed its first batch (2,000 ads), so that it is still writing the other
        // 46,000 when the second starts: with 12,000, the sped-up ingest of #21 sometimes finished first and the second then
        // found the file ingested (exit 0) instead of meeting the running one
        var file = TestCorpus.Write(_dir.Path, 48_000, seed: 23);
        var path = _dir.File("twice.case");
        using var first = NetanProcess.Start("ingest", file, "--case", path, "--quiet");
        _ = first.StandardOutput.ReadToEndAsync();
        _ = first.StandardError.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        while (IngestProgress.CommittedRows(path) == 0 && !first.HasExited && clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            await Task.Delay(20);
        }

        // When: a second ingest of the same file starts, runs up to 30 s, and then both are killed (SIGKILL)
        using var second = NetanProcess.Start("ingest", file, "--case", path, "--quiet");
        var secondOut = second.StandardOutput.ReadToEndAsync();
        var secondErr = second.StandardError.ReadToEndAsync();
        var secondExited = second.WaitForExit(30_000);
        var firstRunning = !first.HasExited;
        foreach (var p in new[] { first, second }.Where(p => !p.HasExited))
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
        }

        var counted = IngestProgress.CommittedRows(path);
        var secondError = await secondErr;
        var resume = NetanProcess.Run(TimeSpan.FromMinutes(5), "ingest", file, "--case", path, "--quiet");
        _log.WriteLine($"first still running when killed: {firstRunning}; second exited by itself: {secondExited} " +
            $"(exit {(secondExited ? second.ExitCode : 137)}: {secondError.Trim()}); counter after the kill {counted:N0}; resume exit {resume.ExitCode}");

        // Then: after one resume every ad of the file is in the case, the case is healthy, and the second ingest had
        // refused at once with one line naming the ingest already running
        resume.ExitCode.ShouldBe(0, resume.Error);
        using (var store = CaseStore.Open(path))
        {
            store.Counts().Ads.ShouldBe(DistinctKeys(file));
        }

        CaseDoctor.Examine(path).Healthy.ShouldBeTrue();
        secondExited.ShouldBeTrue("the second ingest neither finished nor refused within 30 s");
        second.ExitCode.ShouldBe(1, firstRunning ? secondError : "the first ingest had already finished when the second started: the test's premise failed, make the corpus larger");
        (await secondOut).ShouldBeEmpty();
        var lines = secondError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1, secondError);
        lines[0].ShouldContain("another `netan ingest` is writing");
    }

    private static long DistinctKeys(string file)
    {
        using var text = File.OpenText(file);
        return new AdReader().Read(text, AdInputFormat.JsonLines, file).Where(i => i.Ad is not null).Select(i => i.Ad!.Key).Distinct().LongCount();
    }
}
