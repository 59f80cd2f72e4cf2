using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using NetworkAnalysis.Reliability.Tests.Infrastructure;
using NetworkAnalysis.Storage;
using NetworkAnalysis.Testing;
using Xunit.Abstractions;

namespace NetworkAnalysis.Reliability.Tests.Workbench;

/// <summary>Read-only means the case file's bytes do not change, and a case on a read-only medium can be read by every read command.</summary>
[Collection(ProcessCollection.Name)]
public sealed class ReadOnlyCaseTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly ITestOutputHelper _log;
    private readonly string _corpus;
    private readonly string _case;
    private readonly string _cluster;
    private readonly string _phone;

    public ReadOnlyCaseTests(ITestOutputHelper log)
    {
        _log = log;
        _corpus = TestCorpus.Write(_dir.Path, 1_500, seed: 91);
        Directory.CreateDirectory(_dir.File("evidence"));
        _case = _dir.File(Path.Combine("evidence", "ro.case"));
        using var store = CaseStore.Open(_case, create: true);
        new CaseIngestor(store).Ingest(_corpus);
        new CaseAnalyzer(store).Analyze();
        // Scored while writable, as a case is before it is archived: `show` and `clusters --members` read the scores.
        new CaseRiskScorer(store).Score(Core.Risk.IndicatorSet.Default, Core.Risk.IndicatorSet.DefaultFileBytes());
        _cluster = store.ListClusters(minSize: 2, limit: 1).Single().Id;
        _phone = store.GetClusterGraph(_cluster, 30)!.Entities.First(e => e.Type == "phone").Value;
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ServeReadOnly_LeavesTheCaseFileBytesUnchanged()
    {
        // Given: a closed case (no write-ahead log) and its SHA-256
        File.Exists(_case + "-wal").ShouldBeFalse();
        var before = Sha256(_case);

        // When: a read-only workbench is used (searches, cluster, graph, ads, export, audit view) and then stopped
        using (var server = WorkbenchServer.Start(_case, "--read-only"))
        {
            await BrowseEverything(server);
            server.Terminate();
        }

        // Then: not one byte of the case changed, and no write-ahead log holds a change either
        Sha256(_case).ShouldBe(before);
        (!File.Exists(_case + "-wal") || new FileInfo(_case + "-wal").Length == 0).ShouldBeTrue("the -wal file holds changes");
    }

    [SkippableFact]
    public async Task CaseOnAReadOnlyMedium_OpensForEveryReadCommand_TheReadOnlyWorkbench_AndDoctor()
    {
        // Given: the case's folder mounted read-only (a bind mount as root, as an evidence drive would be; else file
        // mode 0444 in a 0555 folder, which binds a non-root user)
        var folder = Path.GetDirectoryName(_case)!;
        var mounted = _dir.File("mnt");
        Directory.CreateDirectory(mounted);
        if (!OperatingSystem.IsLinux())
        {
            // Skips (fails under CI=true); the early return tells the platform analyzer the Unix calls below are guarded.
            Prerequisite.Require(false, "Linux (read-only mounts and file modes)", "run on Linux");
            return;
        }

        var root = Environment.UserName == "root";
        if (root)
        {
            Run("mount", "--bind", folder, mounted).ShouldBe(0);
            Run("mount", "-o", "remount,bind,ro", mounted).ShouldBe(0);
        }
        else
        {
            File.SetUnixFileMode(_case, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
            mounted = folder;
        }

        try
        {
            var path = Path.Combine(mounted, "ro.case");
            var before = Sha256(path);
            var ad = AdIdOf(path);

            // When: every read command runs against it
            var commands = new List<string[]>
            {
                new[] { "clusters", "--top", "5" },
                new[] { "clusters", "--members", "--format", "csv" },
                new[] { "show", _cluster },
                new[] { "lookup", _phone },
                new[] { "explain", ad, ad },
                new[] { "hubs" },
                new[] { "audit", "verify" },
            };
            foreach (var args in commands)
            {
                var run = NetanProcess.Run(TimeSpan.FromMinutes(2), [.. args, "--case", path]);
                _log.WriteLine($"netan {string.Join(' ', args)}: exit {run.ExitCode} {run.Error.Trim()}");
                run.ExitCode.ShouldBe(0, $"netan {string.Join(' ', args)}: {run.Error}");
                run.Error.ShouldNotContain("   at ");
            }

            var doctor = NetanProcess.Run(TimeSpan.FromMinutes(2), "doctor", path);
            _log.WriteLine("doctor: " + doctor.Out.Trim().Replace('\n', '|'));
            doctor.ExitCode.ShouldBe(0, doctor.Out + doctor.Error);

            // ... and the read-only workbench serves it
            // (Exports read through Reporting's own connection, which does not open read-only media yet: not asked here.)
            using (var server = WorkbenchServer.Start(path, "--read-only"))
            {
                await BrowseEverything(server, export: false);
            }

            // Then: the file is as it was (nothing could write it, and nothing tried to in a way that failed a command)
            Sha256(path).ShouldBe(before);
        }
        finally
        {
            if (root)
            {
                Run("umount", "-l", mounted);
            }
            else
            {
                File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                File.SetUnixFileMode(_case, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
    }

    private async Task BrowseEverything(WorkbenchServer server, bool export = true)
    {
        using var http = new HttpClient { BaseAddress = server.Url, Timeout = TimeSpan.FromSeconds(60) };
        var search = await Get(http, "/api/search?q=" + Uri.EscapeDataString(_phone));
        using var graph = JsonDocument.Parse(await Get(http, $"/api/clusters/{_cluster}/graph"));
        var adIds = graph.RootElement.GetProperty("ads").EnumerateArray().Select(a => a.GetProperty("rowId").GetInt64()).Take(3).ToList();
        foreach (var url in new[] { "/api/info", "/api/search?q=call", "/api/clusters", $"/api/clusters/{_cluster}", $"/api/clusters/{_cluster}/annotations",
                     $"/api/clusters/{_cluster}/timeline.svg", "/api/audit" }.Concat(adIds.Select(a => $"/api/ads/{a}"))
                     .Concat(export ? new[] { $"/api/clusters/{_cluster}/export/graphml" } : Array.Empty<string>()))
        {
            await Get(http, url);
        }

        search.ShouldContain(_cluster);
    }

    private static async Task<string> Get(HttpClient http, string url)
    {
        using var response = await http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, $"{url}: {body[..Math.Min(300, body.Length)]}");
        return body;
    }

    private static string AdIdOf(string path)
    {
        var run = NetanProcess.Run(TimeSpan.FromMinutes(2), "clusters", "--members", "--format", "csv", "--case", path);
        run.ExitCode.ShouldBe(0, run.Error);
        return run.Out.Split('\n')[1].Split(',')[0];
    }

    private static string Sha256(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    private static int Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var p = Process.Start(info)!;
        p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode;
    }
}
