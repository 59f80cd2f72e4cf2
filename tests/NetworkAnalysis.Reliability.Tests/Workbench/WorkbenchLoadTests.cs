using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using NetworkAnalysis.Reliability.Tests.Infrastructure;
using NetworkAnalysis.Storage;
using NetworkAnalysis.Testing;
using Xunit.Abstractions;

namespace NetworkAnalysis.Reliability.Tests.Workbench;

/// <summary>Ten HTTP clients use a real <c>netan serve</c> on loopback for 60 s while <c>netan ingest</c> processes write the case (WAL).</summary>
[Collection(ProcessCollection.Name)]
public sealed class WorkbenchLoadTests : IDisposable
{
    private const int Clients = 10;
    private readonly TempFolder _dir = new();
    private readonly ITestOutputHelper _log;

    public WorkbenchLoadTests(ITestOutputHelper log) => _log = log;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task TenClients_SixtySecondsWhileIngestWrites_ZeroErrors()
    {
        // Given: an analysed case served by `netan serve` (default bind: 127.0.0.1), and the inputs the clients ask for
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("NETAN_WORKBENCH_LOAD_SECONDS"), out var s) ? Math.Max(5, s) : 60;
        var path = _dir.File("served.case");
        List<string> clusters;
        List<long> ads;
        List<string> phones;
        long adsBefore;
        using (var store = CaseStore.Open(path, create: true))
        {
            new CaseIngestor(store).Ingest(TestCorpus.Write(_dir.Path, 5_000, seed: 61, "first.jsonl"));
            new CaseAnalyzer(store).Analyze();
            clusters = store.ListClusters(minSize: 2, limit: 40).Select(c => c.Id).ToList();
            var graphs = clusters.Take(10).Select(c => store.GetClusterGraph(c, 30)!).ToList();
            ads = graphs.SelectMany(g => g.Ads.Select(a => a.Id)).ToList();
            phones = graphs.SelectMany(g => g.Entities.Where(e => e.Type == "phone").Select(e => e.Value)).Distinct().ToList();
            adsBefore = store.Counts().Ads;
        }

        clusters.ShouldNotBeEmpty();
        phones.ShouldNotBeEmpty();
        using var server = WorkbenchServer.Start(path, "--analyst", "load-test");
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));

        // When: a writer runs one `netan ingest` child process after another for the whole window ...
        var ingested = new List<(int Ads, double Seconds)>();
        var writer = Task.Factory.StartNew(() =>
        {
            for (var i = 0; !deadline.IsCancellationRequested; i++)
            {
                var corpus = TestCorpus.Write(_dir.Path, 6_000, seed: 700 + i, $"more{i}.jsonl");
                var clock = Stopwatch.StartNew();
                var run = NetanProcess.Run(TimeSpan.FromMinutes(5), "ingest", corpus, "--case", path, "--quiet", "--json");
                run.ExitCode.ShouldBe(0, run.Error);
                // Seeds share ad keys, so part of each file is duplicates or, where the content differs, new versions of
                // ads already held (issue #18); count what the ingest says it added.
                using var json = System.Text.Json.JsonDocument.Parse(run.Out.Split('\n').Last(l => l.StartsWith('[')));
                var result = json.RootElement[0];
                (result.GetProperty("ads_added").GetInt32() + result.GetProperty("duplicates").GetInt32() + result.GetProperty("versions").GetInt32()).ShouldBe(6_000);
                ingested.Add((result.GetProperty("ads_added").GetInt32(), clock.Elapsed.TotalSeconds));
            }
        }, TaskCreationOptions.LongRunning);

        // ... and ten clients loop over what an analyst's page requests (searches, list, cluster, graph, ad, chart, notes)
        var latencies = new ConcurrentBag<(string Kind, double Ms)>();
        var errors = new ConcurrentQueue<string>();
        var perClient = new int[Clients];
        var clients = Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            using var http = new HttpClient { BaseAddress = server.Url, Timeout = TimeSpan.FromSeconds(60) };
            for (var i = 0; !deadline.IsCancellationRequested; i++)
            {
                var (kind, request) = Request(c, i, clusters, ads, phones);
                var clock = Stopwatch.StartNew();
                try
                {
                    using var response = await http.SendAsync(request);
                    var body = await response.Content.ReadAsStringAsync();
                    if (!response.IsSuccessStatusCode)
                    {
                        errors.Enqueue($"client {c} {kind} {request.RequestUri}: {(int)response.StatusCode} {body[..Math.Min(200, body.Length)]}");
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    errors.Enqueue($"client {c} {kind} {request.RequestUri}: {ex.GetType().Name}: {ex.Message}");
                }
                finally
                {
                    request.Dispose();
                }

                latencies.Add((kind, clock.Elapsed.TotalMilliseconds));
                perClient[c]++;
            }
        })).ToArray();
        await Task.WhenAll(clients);
        await writer;

        // Then: not one failed request, every client was served throughout, and every ingest landed whole
        var all = latencies.Select(l => l.Ms).Order().ToArray();
        _log.WriteLine($"{Clients} clients, {seconds} s: {all.Length:N0} requests ({all.Length / (double)seconds:F1}/s), " +
            $"p50 {Pct(all, 50):F1} ms, p95 {Pct(all, 95):F1} ms, p99 {Pct(all, 99):F1} ms, max {all[^1]:F0} ms, errors {errors.Count}; " +
            $"per client {perClient.Min()}–{perClient.Max()}");
        foreach (var group in latencies.GroupBy(l => l.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var v = group.Select(l => l.Ms).Order().ToArray();
            _log.WriteLine($"  {group.Key,-10} n={v.Length,6} p50={Pct(v, 50),7:F1} ms p95={Pct(v, 95),7:F1} ms");
        }

        _log.WriteLine($"ingests during the window: {ingested.Count} of 6,000 ads ({ingested.Sum(x => x.Ads):N0} new, the rest duplicates), {string.Join(", ", ingested.Select(x => x.Seconds.ToString("F1", CultureInfo.InvariantCulture) + " s"))}");
        errors.ShouldBeEmpty(string.Join("\n", errors.Take(20)));
        perClient.ShouldAllBe(n => n >= 20);
        ingested.Count.ShouldBeGreaterThan(0);
        using var after = CaseStore.Open(path);
        after.Counts().Ads.ShouldBe(adsBefore + ingested.Sum(x => x.Ads));
        after.ReadAudit(100_000).Count(e => e.Actor == "load-test").ShouldBeGreaterThan(0);
    }

    private static (string Kind, HttpRequestMessage Request) Request(int client, int i, List<string> clusters, List<long> ads, List<string> phones)
    {
        var cluster = Uri.EscapeDataString(clusters[(client * 7 + i) % clusters.Count]);
        var phone = phones[(client * 13 + i) % phones.Count];
        // Phones typed as an analyst would: national format with punctuation, not the stored E.164.
        var typed = phone.Length >= 10 ? $"({phone[^10..^7]}) {phone[^7..^4]}-{phone[^4..]}" : phone;
        return ((i + client) % 9) switch
        {
            0 => ("search", Get("/api/search?q=" + Uri.EscapeDataString(typed))),
            1 => ("list", Get("/api/clusters?sort=" + ((i % 2 == 0) ? "size" : "recency") + "&limit=50")),
            2 => ("cluster", Get("/api/clusters/" + cluster)),
            3 => ("graph", Get("/api/clusters/" + cluster + "/graph?maxAds=300")),
            4 => ("ad", Get("/api/ads/" + ads[(client * 31 + i) % ads.Count].ToString(CultureInfo.InvariantCulture))),
            5 => ("words", Get("/api/search?q=" + Uri.EscapeDataString(i % 2 == 0 ? "available" : "new in town"))),
            6 => ("timeline", Get("/api/clusters/" + cluster + "/timeline.svg")),
            7 => ("info", Get("/api/info")),
            _ => ("note", Note(cluster, client, i)),
        };
    }

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    private static HttpRequestMessage Note(string cluster, int client, int i)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/clusters/" + cluster + "/annotations")
        {
            Content = JsonContent.Create(new { note = $"load note {client}/{i}" }),
        };
        request.Headers.Add("X-Netan-Request", "1");
        return request;
    }

    private static double Pct(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
