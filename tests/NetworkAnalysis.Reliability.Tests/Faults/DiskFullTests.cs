using System.Diagnostics;
using NetworkAnalysis.Reliability.Tests.Infrastructure;
using NetworkAnalysis.Storage;
using NetworkAnalysis.Testing;
using Xunit.Abstractions;

namespace NetworkAnalysis.Reliability.Tests.Faults;

/// <summary>The disk fills during an ingest: a clear error, the case still opens, only whole batches are in it, and a rerun resumes.</summary>
[Collection(ProcessCollection.Name)]
public sealed class DiskFullTests : IDisposable
{
    private const int Ads = 6_000;
    private readonly TempFolder _dir = new();
    private readonly ITestOutputHelper _log;
    private readonly string _corpus;
    private readonly string _reference;

    public DiskFullTests(ITestOutputHelper log)
    {
        _log = log;
        _corpus = TestCorpus.Write(_dir.Path, Ads, seed: 31);
        _reference = _dir.File("reference.case");
        using var store = CaseStore.Open(_reference, create: true);
        new CaseIngestor(store).Ingest(_corpus);
    }

    public void Dispose() => _dir.Dispose();

    private void AssertOnlyWholeBatches(string casePath)
    {
        CaseChecks.QuickCheck(casePath).ShouldBe("ok");
        var (ads, read, added, failed, errors) = CaseChecks.Counters(casePath);
        added.ShouldBe(ads);
        failed.ShouldBe(errors);
        read.ShouldBe(ads + errors);
        var expected = CaseChecks.MentionsByAd(_reference);
        var actual = CaseChecks.MentionsByAd(casePath);
        foreach (var (key, mentions) in actual)
        {
            mentions.ShouldBe(expected[key], $"ad {key} is half-written");
        }

        _log.WriteLine($"after the failure the case holds {ads:N0} whole ads of {Ads:N0}");
    }

    [Fact]
    public void Ingest_DatabaseCannotGrow_ClearErrorWholeBatchesAndResume()
    {
        // Given: a case whose connection may grow by only 300 pages (SQLite then fails with SQLITE_FULL, error 13)
        var path = _dir.File("simulated.case");
        IOException? error;
        using (var store = CaseStore.Open(path, create: true))
        {
            using (var cmd = store.Connection.CreateCommand())
            {
                cmd.CommandText = "PRAGMA page_count;";
                var pages = (long)cmd.ExecuteScalar()!;
                cmd.CommandText = $"PRAGMA max_page_count = {pages + 300};";
                cmd.ExecuteNonQuery();
            }

            // When
            error = Should.Throw<IOException>(() => new CaseIngestor(store).Ingest(_corpus, new IngestOptions { BatchSize = 250 }));
        }

        // Then: a clear error, a case that opens, only whole batches; a rerun without the limit completes it
        error.Message.ShouldContain("is full");
        error.Message.ShouldContain("resume");
        using (var reopened = CaseStore.Open(path))
        {
            reopened.Counts().Ads.ShouldBeInRange(250, Ads - 250);
        }

        AssertOnlyWholeBatches(path);
        using (var resumed = CaseStore.Open(path))
        {
            new CaseIngestor(resumed).Ingest(_corpus).Resumed.ShouldBeTrue();
        }

        CaseContent.Hash(path).ShouldBe(CaseContent.Hash(_reference));
    }

    [SkippableFact]
    public void Ingest_RealFilesystemFills_CliErrorWholeBatchesAndResume()
    {
        // Given: a 24 MiB tmpfs, mostly taken by a filler file, holding the case (needs root: CI runs as root)
        var mount = Directory.CreateDirectory(_dir.File("small-disk")).FullName;
        Prerequisite.RequireRoot("mounting a size-limited tmpfs");
        Prerequisite.Require(TryMountTmpfs(mount, "24m", out var why), $"a size-limited tmpfs ({why})",
            "run the tests as root where mount is permitted, as CI does; the simulated SQLITE_FULL test runs anywhere");

        try
        {
            var filler = Path.Combine(mount, "filler.bin");
            using (var f = new FileStream(filler, FileMode.CreateNew))
            {
                f.Write(new byte[17 * 1024 * 1024]);
            }

            var path = Path.Combine(mount, "full.case");

            // When
            var failed = NetanProcess.Run(TimeSpan.FromMinutes(5), "-c", path, "-q", "ingest", _corpus);

            // Then: one clear line, no stack trace; the case opens and holds whole batches
            _log.WriteLine($"exit {failed.ExitCode}: {failed.Error.Trim()}");
            failed.ExitCode.ShouldBe(1);
            failed.Error.ShouldContain("full");
            failed.Error.ShouldNotContain("   at ");
            failed.Error.ShouldNotContain("Unhandled");
            using (var reopened = CaseStore.Open(path))
            {
                reopened.Counts().Ads.ShouldBeLessThan(Ads);
            }

            AssertOnlyWholeBatches(path);

            // And when space is freed, the same command resumes and completes the case
            File.Delete(filler);
            var resumed = NetanProcess.Run(TimeSpan.FromMinutes(5), "-c", path, "ingest", _corpus);
            resumed.ExitCode.ShouldBe(0, resumed.Error);
            resumed.Out.ShouldContain("(resumed)");
            CaseContent.Hash(path).ShouldBe(CaseContent.Hash(_reference));
        }
        finally
        {
            Run("umount", "-l", mount);
        }
    }

    private static bool TryMountTmpfs(string dir, string size, out string why)
    {
        var (code, output) = Run("mount", "-t", "tmpfs", "-o", $"size={size}", "tmpfs", dir);
        why = $"mount exited {code}: {output.Trim()}";
        return code == 0;
    }

    private static (int Code, string Output) Run(string file, params string[] args)
    {
        try
        {
            var info = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var a in args)
            {
                info.ArgumentList.Add(a);
            }

            using var p = Process.Start(info)!;
            var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, ex.Message);
        }
    }
}
