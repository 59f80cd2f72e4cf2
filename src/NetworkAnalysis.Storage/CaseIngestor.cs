using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NetworkAnalysis.Core.Ads;
using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Extraction.Phones;
using NetworkAnalysis.Core.Imaging;

namespace NetworkAnalysis.Storage;

/// <summary>Reads input files into a case: ads, their entities and mentions with spans, and per-row errors.</summary>
/// <remarks>
/// Batched in transactions; the source's row counter is committed with each batch, so an ingest killed at any
/// point resumes where its last transaction ended. Ads are unique by (site, id), so re-ingesting adds nothing.
/// </remarks>
public sealed partial class CaseIngestor
{
    private const int IngestCheckpointPages = 16_384;

    /// <summary>While the checkpointing thread runs (<see cref="WalCheckpointer"/>): the WAL size, in pages, beyond which the writer
    /// waits once for it to restart (1 GiB of 4 KiB pages).</summary>
    private const long IngestWalLimitPages = 262_144;

    /// <summary>Page cache while ingesting, as SQLite's negative KiB: 512 MB.</summary>
    private const int IngestCacheKib = -524_288;

    private readonly CaseStore _store;
    private readonly EntityExtractor _extractor;
    private Dictionary<(EntityType, string), long>? _entityIds;
    // The phones whose details the producer has described (the case's, then each batch's new ones), and the current batch's.
    private HashSet<string>? _describedPhones;
    private Dictionary<string, PhoneNumberDetails?>? _batchPhones;
    private IngestTimings? _timings;
    private ImagePathResolver? _imagePaths;
    private System.Collections.Concurrent.ConcurrentDictionary<string, ImageHashResult>? _imageHashes;
    private List<string>? _deferredIndexes;
    private IngestWorkers? _workers;

    /// <summary>Creates an ingestor writing into <paramref name="store"/>.</summary>
    public CaseIngestor(CaseStore store, EntityExtractor? extractor = null)
    {
        _store = store;
        _extractor = extractor ?? new EntityExtractor();
    }

    /// <summary>Ingests one file.</summary>
    /// <param name="path">An input file of any <see cref="AdInputFormat"/> (recognised by its content).</param>
    /// <param name="options">Options.</param>
    /// <param name="progress">Receives the fraction of the file's bytes read, in [0,1].</param>
    /// <param name="ct">Cancellation; work committed so far stays and is resumed next time.</param>
    /// <exception cref="CaseStoreException">The file is missing or its format unknown.</exception>
    /// <exception cref="IOException">The input cannot be read, the disk holding the case is full (committed batches are kept), or another ingest is writing the case.</exception>
    public IngestResult Ingest(string path, IngestOptions? options = null, IProgress<double>? progress = null, CancellationToken ct = default)
    {
        options ??= new IngestOptions();
        if (!File.Exists(path))
        {
            throw new CaseStoreException($"input file not found: {path}");
        }

        var format = options.Format ?? AdFormatSniffer.Detect(path)
            ?? throw new CaseStoreException($"{path}: unknown input format (expected CSV, TSV, JSON Lines, crawl records, HTML, WARC or XLSX; or pass --format)");
        // One ingest per case at a time: the row counter read below is only right while no one else advances it.
        using var ingestLock = CaseIngestLock.TakeUnlessHeld(_store.Path);
        var (sha, size) = HashFile(path);
        var source = FindSource(sha);
        if (source is { Completed: true })
        {
            return new IngestResult { Path = path, Sha256 = sha, AlreadyIngested = true };
        }

        var sourceId = source?.Id ?? AddSource(path, sha, size, format);
        // Image paths are relative to the input file and may not leave its folder; one file named by many ads is hashed once.
        _imagePaths = new ImagePathResolver(path);
        _imageHashes = new(StringComparer.Ordinal);
        var skip = source?.RowsRead ?? 0;
        var reader = new AdSourceReader(options.Reader, options.Profiles) { Sheet = options.Sheet };
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var totals = new Totals();
        var timings = new IngestTimings();
        _timings = timings;
        // The process's garbage-collection pauses during the ingest (#21): with the CLI's blocking workstation GC this is the
        // collector's own CPU time on a quiet machine, spent on the threads that allocate (the reader's and extraction's).
        var gcPauseAtStart = GC.GetTotalPauseDuration();
        var errors = new List<AdReadError>();
        var stopped = false;

        // Two stages overlap: a producer reads and extracts the next ads while this thread writes the last ones. They are handed
        // over in chunks of 500 (IngestChunkAds; #21, session 12), not a transaction's 20,000 at once: the writer still commits once per
        // transaction, but each chunk dies soon after it is written, young, instead of every batch living through the collections
        // of the next two and being promoted to gen2, where only full collections of the whole heap free it.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var queue = new System.Collections.Concurrent.BlockingCollection<IngestChunk>(boundedCapacity: QueuedChunks);
        void Hand(List<AdReadItem> chunk, double fraction, bool dropIndexes, bool endsTransaction)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var extracted = ExtractAll(chunk);
            timings.Add("extract", started);
            started = System.Diagnostics.Stopwatch.GetTimestamp();
            var phones = DescribeNewPhones(extracted);
            timings.Add("describe_phones", started);
            started = System.Diagnostics.Stopwatch.GetTimestamp();
            queue.Add(new IngestChunk(chunk, extracted, phones, fraction, dropIndexes, endsTransaction), stop.Token);
            timings.Add("reader_waited", started);
        }

        long readTicks = 0;
        long handed = 0;
        long adsAtStart;
        using (var count = _store.Command("SELECT ifnull(max(id), 0) FROM ads;"))
        {
            // The largest row ID: as good as a count for choosing the transaction size, and read from the index's end.
            adsAtStart = Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        // Reloaded under the lock: another ingest may have added identifiers since this ingestor last ran. A small ingest
        // into a large case looks them up instead (#21).
        using var entityLookup = PrepareEntityIds(size, adsAtStart, options);

        // Reading and extraction run below the writer's priority (#21): the writer, the ingest's bottleneck, gets a core whenever it
        // can run, and they use the rest. The reading thread is a dedicated one (LongRunning), so its priority dies with it.
        const int nice = IngestWorkers.Nice;
        using var workers = new IngestWorkers(Environment.ProcessorCount, nice);
        _workers = workers;
        var producer = Task.Factory.StartNew(() =>
        {
            ThreadNice.Lower(nice);
            var producerCpu = IngestTimings.ThreadCpuTicks();
            try
            {
                var batchSize = options.AdsPerTransaction(adsAtStart);
                var chunkAds = options.AdsPerChunk ?? IngestChunkAds;
                bool? deferIndexes = null;
                // The rows of the transaction being read (its chunks handed so far included), and those of its current chunk.
                var inTransaction = 0;
                var chunk = new List<AdReadItem>(Math.Min(batchSize, chunkAds));
                using var items = reader.Read(stream, path, format, skip).GetEnumerator();
                while (true)
                {
                    var started = System.Diagnostics.Stopwatch.GetTimestamp();
                    var more = items.MoveNext();
                    readTicks += System.Diagnostics.Stopwatch.GetTimestamp() - started;
                    if (!more)
                    {
                        break;
                    }

                    var item = items.Current;
                    chunk.Add(item);
                    inTransaction++;
                    if (item.Error is { } error)
                    {
                        if (errors.Count < 1000)
                        {
                            errors.Add(error);
                        }

                        if (options.Strict)
                        {
                            // The bad row is recorded but the file stays incomplete, so a later run resumes at it.
                            stopped = true;
                            break;
                        }
                    }

                    if (inTransaction >= batchSize)
                    {
                        var fraction = size == 0 ? 1 : (double)stream.Position / size;
                        // The first batch tells how far into the file its rows reached: a bulk ingest (#21) drops the
                        // random-order indexes with it. Until that is decided, the first transaction is handed whole.
                        var drop = false;
                        if (deferIndexes is null)
                        {
                            deferIndexes = ShouldDeferIndexes(options, adsAtStart, skip, inTransaction, fraction);
                            drop = deferIndexes.Value;
                        }

                        Hand(chunk, fraction, drop, endsTransaction: true);
                        handed += inTransaction;
                        inTransaction = 0;
                        batchSize = options.AdsPerTransaction(adsAtStart + handed);
                        chunk = new List<AdReadItem>(Math.Min(batchSize, chunkAds));
                    }
                    else if (deferIndexes is not null && chunk.Count >= chunkAds)
                    {
                        Hand(chunk, size == 0 ? 1 : (double)stream.Position / size, dropIndexes: false, endsTransaction: false);
                        chunk = new List<AdReadItem>(chunkAds);
                    }
                }

                if (inTransaction > 0)
                {
                    // The last transaction's last chunk (empty when its rows filled the chunks before it).
                    Hand(chunk, 1.0, deferIndexes is null && ShouldDeferIndexes(options, adsAtStart, skip, inTransaction, 1.0), endsTransaction: true);
                }
            }
            finally
            {
                timings.AddTicks("read", readTicks);
                // The reading thread's own CPU (with its share of extraction; the other cores' is not in it).
                timings.AddTicks("producer_thread_cpu", IngestTimings.ThreadCpuTicks() - producerCpu);
                queue.CompleteAdding();
            }
        }, stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        // The writer does not checkpoint while it writes the batches (#21, session 11): a second connection on a thread of its own
        // does, every 64 MB of commits (WalCheckpointer), so the writer's commits only append to the WAL and never wait for the
        // copy back nor its fsyncs. Commits stay as durable as before (WAL, synchronous=NORMAL).
        CaseStore.Execute(_store.Connection, "PRAGMA wal_autocheckpoint = 0;");
        // A page cache that holds a large case's indexes while ingesting (#21): a batch's dirty pages stay in memory until its
        // commit instead of spilling, and index pages are not read back again. Allocated as used; the case's own size after.
        long cacheSizeOutsideIngest;
        using (var cacheSize = _store.Command("PRAGMA cache_size;"))
        {
            cacheSizeOutsideIngest = Convert.ToInt64(cacheSize.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        CaseStore.Execute(_store.Connection, $"PRAGMA cache_size = {IngestCacheKib};");
        // No foreign-key checks while the writer writes (#21, change 11): every ID it puts in a mention, attribute, image or
        // version row is one it has just inserted or read in the same transaction, so the checks cannot fail, and they cost two
        // B-tree lookups per mention row (sqlite3, 4.3M mention rows of a 1M case: 12.5 s with them, 4.0 s without). The
        // schema does not change; the case's other connections keep their checks, and this one gets them back below.
        CaseStore.Execute(_store.Connection, "PRAGMA foreign_keys = OFF;");
        CaseRowWriter? rows = null;
        WalCheckpointer? checkpointer = null;
        try
        {
            // Inside the try: a failure here, too, stops the producer instead of leaving it blocked on a full queue.
            rows = new CaseRowWriter(_store.Connection);
            checkpointer = new WalCheckpointer(_store.Path, IngestCheckpointPages, IngestWalLimitPages, nice);
            WalCheckpointer.PagesWritten(_store.Connection);

            var writerCpu = IngestTimings.ThreadCpuTicks();
            var writerRunqueue = IngestTimings.ThreadRunqueueWaitTicks();
            _deferredIndexes = null;
            using var chunks = queue.GetConsumingEnumerable(stop.Token).GetEnumerator();
            long waitedInTransaction = 0;
            IngestChunk last;

            // One transaction's chunks, as the writer reaches them: the first is already taken; the rest are waited for.
            IEnumerable<(List<AdReadItem> Items, Extracted?[] Extracted)> Transaction(IngestChunk first)
            {
                var chunk = first;
                while (true)
                {
                    yield return (chunk.Items, chunk.Extracted);
                    if (chunk.EndsTransaction)
                    {
                        last = chunk;
                        yield break;
                    }

                    var waiting = System.Diagnostics.Stopwatch.GetTimestamp();
                    if (!chunks.MoveNext())
                    {
                        // The reader failed inside the transaction (it always ends one otherwise): its error, not a commit.
                        ThrowProducerFailure(producer);
                    }

                    waitedInTransaction += System.Diagnostics.Stopwatch.GetTimestamp() - waiting;
                    chunk = chunks.Current;
                    foreach (var (phone, details) in chunk.Phones)
                    {
                        _batchPhones![phone] = details;
                    }
                }
            }

            while (true)
            {
                var waited = System.Diagnostics.Stopwatch.GetTimestamp();
                if (!chunks.MoveNext())
                {
                    timings.Add("writer_waited", waited);
                    break;
                }

                timings.Add("writer_waited", waited);
                var first = chunks.Current;
                // The transaction's new phones: the chunks' maps, merged as they arrive (as one batch's map before).
                _batchPhones = first.Phones;
                ct.ThrowIfCancellationRequested();
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                if (checkpointer.BeforeTransaction())
                {
                    timings.Add("write_wal_restart_wait", started);
                }

                // A bulk ingest drops its random-order secondary indexes with its first batch and builds them once at the end (#21).
                waitedInTransaction = 0;
                last = first;
                WriteBatch(rows, sourceId, Transaction(first), totals, first.DropIndexes);
                checkpointer.Committed(WalCheckpointer.PagesWritten(_store.Connection), writerIdle: queue.Count == 0);
                timings.AddTicks("write", System.Diagnostics.Stopwatch.GetTimestamp() - started - waitedInTransaction);
                timings.AddTicks("writer_waited", waitedInTransaction);
                progress?.Report(last.Fraction);
            }

            timings.AddTicks("writer_thread_cpu", IngestTimings.ThreadCpuTicks() - writerCpu);
            timings.AddTicks("writer_thread_runqueue_wait", IngestTimings.ThreadRunqueueWaitTicks() - writerRunqueue);
            rows.Dispose();
            rows = null;
            var ending = System.Diagnostics.Stopwatch.GetTimestamp();
            checkpointer.Dispose();
            checkpointer = null;
            timings.Add("checkpoint_end_wait", ending);
            // The deferred indexes' one large transaction checkpoints on the writer, as before.
            CaseStore.Execute(_store.Connection, $"PRAGMA wal_autocheckpoint = {IngestCheckpointPages};");

            RebuildDeferredIndexes();
        }
        catch
        {
            stop.Cancel();
            checkpointer?.Dispose();
            checkpointer = null;
            RebuildDeferredIndexesAfterFailure();
            throw;
        }
        finally
        {
            _batchPhones = null;
            rows?.Dispose();
            checkpointer?.Dispose();
            CaseStore.Execute(_store.Connection, "PRAGMA wal_autocheckpoint = 1000;");
            CaseStore.Execute(_store.Connection, "PRAGMA foreign_keys = ON;");
            CaseStore.Execute(_store.Connection, $"PRAGMA cache_size = {cacheSizeOutsideIngest.ToString(CultureInfo.InvariantCulture)};");
            try
            {
                producer.Wait(CancellationToken.None);
            }
            catch (AggregateException) when (stop.IsCancellationRequested)
            {
                // The producer stopped because the writer failed or the run was cancelled; that error wins.
            }
            catch (AggregateException ex) when (ex.InnerExceptions.Count == 1)
            {
                // The reader failed (an I/O error on the input, say): surface its own exception, not the wrapper.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerExceptions[0]);
            }
            finally
            {
                // The extraction threads end with this ingest; an extract-only use of this ingestor runs on PLINQ again.
                _workers = null;
            }
        }

        long photosLinked = 0;
        var linking = System.Diagnostics.Stopwatch.GetTimestamp();
        if (!stopped)
        {
            // With the completion mark, in one transaction: the crawl's photos by URL, and their hashes for every ad (of this
            // file or an earlier one) that knew a photo only by URL. A run killed before it resumes past every row and redoes this.
            try
            {
                using var tx = _store.Connection.BeginTransaction();
                photosLinked = LinkPhotoUrls(tx, sourceId, reader.Photos);
                using (var done = _store.Command("UPDATE sources SET completed_at = $t WHERE id = $id;", tx))
                {
                    done.Parameters.AddWithValue("$t", _store.Now());
                    done.Parameters.AddWithValue("$id", sourceId);
                    done.ExecuteNonQuery();
                }

                tx.Commit();
            }
            catch
            {
                _entityIds = null;
                throw;
            }
        }

        timings.Add("complete", linking);
        timings.AddTicks("gc_pause", (long)((GC.GetTotalPauseDuration() - gcPauseAtStart).TotalSeconds * System.Diagnostics.Stopwatch.Frequency));
        progress?.Report(1);
        return new IngestResult
        {
            Path = path,
            Sha256 = sha,
            Resumed = skip > 0,
            RowsRead = totals.Rows,
            AdsAdded = totals.Added,
            Duplicates = totals.Duplicates,
            RowsFailed = totals.Failed,
            MentionsAdded = totals.Mentions,
            ImagesHashed = totals.Images,
            ImageErrors = totals.ImageErrors,
            Versions = totals.Versions,
            PhotosLinkedByUrl = photosLinked,
            RecordsSkipped = reader.Skipped,
            Errors = errors,
            StoppedAtError = stopped,
            TimingsMs = timings.ToMilliseconds(),
        };
    }

    /// <summary>Ads handed from the reading thread to the writer at a time (#21, session 12); a transaction is several of them.</summary>
    /// <remarks>Chunks of 250 to 1,000 ads cost the same CPU side by side (docs/ingest.md, change 8); 500 keeps the ads in flight
    /// few, so they die young.</remarks>
    private const int IngestChunkAds = 500;

    /// <summary>Chunks read and extracted ahead of the writer, at most: 4,000 ads (~0.3 s of the writer's work on a quiet machine).
    /// With 2,000 (four chunks) a loaded machine's run waited longer on both sides of the queue (change 8).</summary>
    private const int QueuedChunks = 8;

    /// <summary>Part of a transaction's ads, read and extracted, on its way to the writer.</summary>
    private sealed record IngestChunk(List<AdReadItem> Items, Extracted?[] Extracted, Dictionary<string, PhoneNumberDetails?> Phones,
        double Fraction, bool DropIndexes, bool EndsTransaction);

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowProducerFailure(Task producer)
    {
        try
        {
            producer.Wait(CancellationToken.None);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerExceptions[0]);
        }

        throw new InvalidOperationException("the reading thread ended inside a transaction");
    }

    private sealed class Totals
    {
        public long Rows;
        public long Added;
        public long Duplicates;
        public long Failed;
        public long Mentions;
        public long Images;
        public long ImageErrors;
        public long Versions;
    }

    private static (string Sha, long Size) HashFile(string path)
    {
        using var stream = File.OpenRead(path);
        var hash = SHA256.HashData(stream);
        return (Convert.ToHexStringLower(hash), stream.Length);
    }

    private (long Id, bool Completed, long RowsRead)? FindSource(string sha)
    {
        using var cmd = _store.Command("SELECT id, completed_at IS NOT NULL, rows_read FROM sources WHERE sha256 = $s;");
        cmd.Parameters.AddWithValue("$s", sha);
        using var r = cmd.ExecuteReader();
        return r.Read() ? (r.GetInt64(0), r.GetBoolean(1), r.GetInt64(2)) : null;
    }

    private long AddSource(string path, string sha, long size, AdInputFormat format) => AddSource(path, sha, size, format.ToString().ToLowerInvariant());

    private long AddSource(string path, string sha, long size, string format)
    {
        using var cmd = _store.Command("INSERT INTO sources(path, sha256, size, format, ingested_at) VALUES ($p, $s, $z, $f, $t) RETURNING id;");
        cmd.Parameters.AddWithValue("$p", Path.GetFullPath(path));
        cmd.Parameters.AddWithValue("$s", sha);
        cmd.Parameters.AddWithValue("$z", size);
        cmd.Parameters.AddWithValue("$f", format);
        cmd.Parameters.AddWithValue("$t", _store.Now());
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private Dictionary<(EntityType, string), long> LoadEntityIds()
    {
        var ids = new Dictionary<(EntityType, string), long>();
        using var cmd = _store.Command("SELECT id, type, value FROM entities;");
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            if (EntityTypeNames.TryParse(r.GetString(1), out var type))
            {
                ids[(type, r.GetString(2))] = r.GetInt64(0);
            }
        }

        return ids;
    }

    internal static string? AttributesJson(IReadOnlyDictionary<string, string> attributes) =>
        attributes.Count == 0 ? null : JsonSerializer.Serialize(attributes);

    internal static object Db(string? value) => value is null ? DBNull.Value : value;

    internal static void Bind(System.Data.Common.DbCommand cmd, params string[] names)
    {
        foreach (var name in names)
        {
            CaseDialect.Add(cmd, name, null);
        }
    }
}
