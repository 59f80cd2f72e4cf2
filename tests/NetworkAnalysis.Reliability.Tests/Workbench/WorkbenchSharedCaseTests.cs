using System.Diagnostics;
using System.Net.Http.Json;
using NetworkAnalysis.Reliability.Tests.Infrastructure;
using NetworkAnalysis.Storage;
using NetworkAnalysis.Testing;
using Xunit.Abstractions;

namespace NetworkAnalysis.Reliability.Tests.Workbench;

/// <summary>Other SQLite clients and an ingest come and go while <c>netan serve</c> writes the same case; then everything is killed.</summary>
[Collection(ProcessCollection.Name)]
public sealed class WorkbenchSharedCaseTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly ITestOutputHelper _log;

    public WorkbenchSharedCaseTests(ITestOutputHelper log) => _log = log;

    public void Dispose() => _dir.Dispose();

    [SkippableFact]
    public async Task WorkbenchNotes_AndIngestedAds_SurviveOtherClientsOpeningAndClosingTheCase()
    {
        // Given: an analysed case served by `netan serve`, and a second SQLite client (the sqlite3 shell, else Python)
        var client = Prerequisite.Require(OtherClient.Find(), "the sqlite3 shell or python3 (the other SQLite client)", Prerequisite.Apt("sqlite3"));

        var path = _dir.File("shared.case");
        string cluster;
        long adsBefore;
        using (var store = CaseStore.Open(path, create: true))
        {
            new CaseIngestor(store).Ingest(TestCorpus.Write(_dir.Path, 1_500, seed: 161, "first.jsonl"));
            new CaseAnalyzer(store).Analyze();
            cluster = store.ListClusters(minSize: 2, limit: 1).Single().Id;
            adsBefore = store.Counts().Ads;
        }

        var more = TestCorpus.Write(_dir.Path, 4_000, seed: 162, "more.jsonl");
        using var server = WorkbenchServer.Start(path, "--analyst", "shared-test");
        using var http = new HttpClient { BaseAddress = server.Url, Timeout = TimeSpan.FromSeconds(60) };

        // When: the other client opens the case, reads and closes it, in a loop, each time a new process ...
        using var stop = new CancellationTokenSource();
        var opened = 0;
        var others = Task.Factory.StartNew(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                client.CountAds(path);
                opened++;
            }
        }, TaskCreationOptions.LongRunning);

        // ... while the workbench takes notes before, during and after a `netan ingest` of the same case
        var notes = new List<string>();
        async Task TakeNotes(string phase, int count)
        {
            for (var i = 0; i < count; i++)
            {
                var text = $"{phase} note {i}";
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/clusters/{cluster}/annotations")
                {
                    Content = JsonContent.Create(new { note = text }),
                };
                request.Headers.Add("X-Netan-Request", "1");
                using var response = await http.SendAsync(request);
                ((int)response.StatusCode).ShouldBe(200, await response.Content.ReadAsStringAsync());
                notes.Add(text);
                await Task.Delay(50);
            }
        }

        await TakeNotes("before", 10);
        var ingest = NetanProcess.Start("ingest", more, "--case", path, "--quiet", "--json");
        var ingestOut = ingest.StandardOutput.ReadToEndAsync();
        var ingestErr = ingest.StandardError.ReadToEndAsync();
        while (!ingest.HasExited)
        {
            await TakeNotes("during", 1);
        }

        await TakeNotes("after", 10);
        ingest.ExitCode.ShouldBe(0, await ingestErr);
        using var json = System.Text.Json.JsonDocument.Parse((await ingestOut).Split('\n').Last(l => l.StartsWith('[')));
        var added = json.RootElement[0].GetProperty("ads_added").GetInt32();
        while (opened < 20)
        {
            await Task.Delay(100);
        }

        // Then: after SIGKILL of the server (the other client stopped), every note answered 200 is in the case, with every ad
        server.Kill();
        await stop.CancelAsync();
        await others;
        _log.WriteLine($"{client.Name}: {opened} opens and closes; {notes.Count} notes; ingest added {added} ads");
        var report = CaseDoctor.Examine(path);
        report.Findings.Where(f => f.Severity == DoctorSeverity.Error).ShouldBeEmpty();
        using var after = CaseStore.Open(path);
        after.GetClusterAnnotations(cluster).Notes.Select(n => n.Text).ShouldBe(notes);
        after.Counts().Ads.ShouldBe(adsBefore + added);
        added.ShouldBeGreaterThan(0);
        var doctor = NetanProcess.Run(TimeSpan.FromMinutes(2), "doctor", path);
        doctor.ExitCode.ShouldBe(0, doctor.Out + doctor.Error);
    }

    /// <summary>A SQLite client other than netan, run as its own process per open.</summary>
    private sealed class OtherClient(string name, string file, Func<string, string[]> args)
    {
        public string Name => name;

        public static OtherClient? Find()
        {
            foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
            {
                if (File.Exists(Path.Combine(dir, "sqlite3")))
                {
                    return new("sqlite3", Path.Combine(dir, "sqlite3"), p => ["-cmd", ".timeout 10000", p, "SELECT count(*) FROM ads;"]);
                }
            }

            foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
            {
                if (File.Exists(Path.Combine(dir, "python3")))
                {
                    return new("python3", Path.Combine(dir, "python3"),
                        p => ["-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1], timeout=10); print(c.execute('SELECT count(*) FROM ads').fetchone()[0]); c.close()", p]);
                }
            }

            return null;
        }

        public void CountAds(string path)
        {
            var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in args(path))
            {
                info.ArgumentList.Add(a);
            }

            using var p = Process.Start(info)!;
            var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
            p.WaitForExit();
            p.ExitCode.ShouldBe(0, output);
        }
    }
}
