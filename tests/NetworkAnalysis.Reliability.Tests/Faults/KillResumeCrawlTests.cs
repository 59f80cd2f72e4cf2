using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using NetworkAnalysis.Reliability.Tests.Infrastructure;
using NetworkAnalysis.Testing;
using Xunit.Abstractions;

namespace NetworkAnalysis.Reliability.Tests.Faults;

/// <summary>SIGKILL the ingest of a WARC crawl (pages, photos, revisits and changed re-crawls) at seeded points and resume:
/// the final case, versions included, equals an uninterrupted one.</summary>
[Collection(ProcessCollection.Name)]
public sealed class KillResumeCrawlTests(ITestOutputHelper log) : IDisposable
{
    private const int Kills = 6;
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(10);
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void WarcIngest_KilledAndResumed_EqualsUninterruptedRun()
    {
        const int ads = 6_000;
        var data = _dir.File("data");
        Ok(NetanProcess.Run(Guard, "generate", "-n", ads.ToString(CultureInfo.InvariantCulture), "--seed", "9", "-o", data, "--format", "warc", "-q"));
        var crawl = Path.Combine(data, "crawl.warc.gz");
        var reference = _dir.File("reference.case");
        Ok(NetanProcess.Run(Guard, "-c", reference, "-q", "ingest", crawl));
        Ok(NetanProcess.Run(Guard, "-c", reference, "-q", "analyze"));

        var random = new Random(20_261_205);
        var points = Enumerable.Range(0, Kills).Select(_ => random.Next(1, ads)).Order().ToArray();
        var killed = _dir.File("killed.case");
        var landed = new List<string>();
        foreach (var point in points)
        {
            using var p = NetanProcess.Start("-c", killed, "-q", "ingest", crawl);
            var rows = IngestProgress.WaitForRows(killed, point, p, Guard);
            Thread.Sleep(random.Next(0, 400));
            if (!p.HasExited)
            {
                p.Kill();
                p.WaitForExit();
            }

            landed.Add($"{point}:{rows}:{(p.ExitCode is 137 or -1 ? "killed" : "exit " + p.ExitCode)}");
        }

        Ok(NetanProcess.Run(Guard, "-c", killed, "-q", "ingest", crawl));
        Ok(NetanProcess.Run(Guard, "-c", killed, "-q", "analyze"));

        var expected = CaseContent.Hash(reference);
        var actual = CaseContent.Hash(killed);
        log.WriteLine($"kill points: {string.Join(", ", landed)}");
        actual.ShouldBe(expected);
        expected["ads"].Rows.ShouldBe(ads);
        expected["versions"].Rows.ShouldBeGreaterThan(0);
        landed.Count(l => l.EndsWith("killed", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(Kills / 2, string.Join(", ", landed));
    }

    private static void Ok(NetanProcess.Result r) => r.ExitCode.ShouldBe(0, r.Error);
}
