using System.Collections.Concurrent;
using NetworkAnalysis.Reliability.Tests.Infrastructure;
using NetworkAnalysis.Storage;
using NetworkAnalysis.Testing;
using Xunit.Abstractions;

namespace NetworkAnalysis.Reliability.Tests.Load;

/// <summary>Ten readers query the case the whole time an ingest writes to it (WAL): zero errors, every read consistent.</summary>
[Collection(ProcessCollection.Name)]
public sealed class ConcurrentReadersTests : IDisposable
{
    private const int Readers = 10;
    private readonly TempFolder _dir = new();
    private readonly ITestOutputHelper _log;

    public ConcurrentReadersTests(ITestOutputHelper log) => _log = log;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Readers_WhileIngestWrites_ZeroErrorsAndMonotonicCounts()
    {
        // Given: an analysed case, and a second corpus to ingest into it
        var path = _dir.File("busy.case");
        using (var store = CaseStore.Open(path, create: true))
        {
            new CaseIngestor(store).Ingest(TestCorpus.Write(_dir.Path, 5_000, seed: 41, "first.jsonl"));
            new CaseAnalyzer(store).Analyze();
        }

        var second = TestCorpus.Write(_dir.Path, 20_000, seed: 42, "second.jsonl");
        var errors = new ConcurrentQueue<string>();
        var operations = new long[Readers];
        using var done = new CancellationTokenSource();

        // When: ten readers loop over the queries a workbench makes while the ingest runs
        var readers = Enumerable.Range(0, Readers).Select(r => Task.Factory.StartNew(() =>
        {
            using var store = CaseStore.Open(path);
            long lastAds = 0;
            var i = 0;
            while (!done.IsCancellationRequested || i < 10)
            {
                try
                {
                    switch ((i + r) % 4)
                    {
                        case 0:
                            var counts = store.Counts();
                            if (counts.Ads < lastAds)
                            {
                                errors.Enqueue($"reader {r}: ads went from {lastAds} to {counts.Ads}");
                            }

                            lastAds = counts.Ads;
                            break;
                        case 1:
                            store.ListClusters(minSize: 2, limit: 20).Count.ShouldBeGreaterThan(0);
                            break;
                        case 2:
                            store.Lookup("555-" + (100 + (i % 100)).ToString("0000"));
                            break;
                        default:
                            store.ReadAudit(10);
                            break;
                    }
                }
                catch (Exception ex)
                {
                    errors.Enqueue($"reader {r}: {ex.GetType().Name}: {ex.Message}");
                }

                operations[r]++;
                i++;
            }
        }, TaskCreationOptions.LongRunning)).ToArray();

        IngestResult result;
        using (var writer = CaseStore.Open(path))
        {
            writer.AppendAudit("tester", "ingest", second);
            result = new CaseIngestor(writer).Ingest(second, new IngestOptions { BatchSize = 500 });
            new CaseAnalyzer(writer).Analyze();
        }

        done.Cancel();
        await Task.WhenAll(readers).WaitAsync(TimeSpan.FromMinutes(5));

        // Then
        errors.ShouldBeEmpty();
        // Rows whose (site, id) the first corpus already holds with other content are new versions of those ads (issue #18).
        (result.AdsAdded + result.Duplicates + result.Versions).ShouldBe(20_000);
        operations.ShouldAllBe(n => n >= 10);
        _log.WriteLine($"{Readers} readers made {operations.Sum():N0} queries ({string.Join(", ", operations)}) while 20,000 ads were ingested and the case analysed; 0 errors");
    }
}
