using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using NetworkAnalysis.Core.Ads;
using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Storage.Copy;

namespace NetworkAnalysis.Storage.Postgres;

/// <summary>Ingests input files into a case on PostgreSQL, one of any number of workers writing the same case at once (issue #22):
/// each worker on its own files, or on its own shard of a file (<see cref="IngestShard"/>).</summary>
/// <remarks>
/// <para>Reading and extraction are <see cref="CaseIngestor"/>'s own stage (the same reader, extraction on all cores, the same rows);
/// only the store half differs. A batch goes to the server by binary COPY into temporary staging tables, then moves into the case
/// in one transaction: entities inserted by their unique (type, value) with <c>ON CONFLICT DO NOTHING</c> (in key order, so
/// concurrent workers wait on each other instead of deadlocking) and their IDs read back by that key, so all workers agree on them;
/// ads inserted unless their key is in the case; then the new ads' mentions, attributes, images and the batch's row errors.</para>
/// <para>Resumable per worker: the row <c>ingest_shards</c> (source, shard) records how far into the file the shard's committed
/// batches reach, in the batch's own transaction, so a killed worker restarts exactly after its last committed batch. When the
/// last shard of a file completes, the file's <c>sources</c> row gets its totals and <c>completed_at</c>. One worker per shard at a
/// time (a session advisory lock, released by the server when a killed worker's connection drops).</para>
/// <para>A new PostgreSQL case gets the case schema the way <c>netan case copy</c> makes it (<see cref="PostgresCaseTarget"/> over the
/// schema of a new case file) plus <c>ingest_shards</c>, recorded in <c>netan_copy_schema</c> so a copy back to a file keeps it.
/// Row IDs come from the tables' identity sequences (the store's own numbering), so they depend on which worker committed first: ads and entities are
/// identified by their keys (<c>ads.ad_key</c>, <c>entities(type, value)</c>), which do not.</para>
/// <para>Re-crawls and photos by URL as in a case file: a capture of an ad already in the case whose content changed is stored as
/// the ad's next version (<c>ad_versions</c>, see <c>AddVersions</c>), and when a file completes its photos by URL are recorded and
/// linked to every ad that knows one only by URL (<c>LinkPhotoUrls</c>); a mirrored folder is linked by <see cref="LinkPhotoFolder"/>.</para>
/// </remarks>
public sealed partial class PostgresIngestWriter : IDisposable
{
    /// <summary>The table of per-shard progress.</summary>
    internal const string ShardTable = "ingest_shards";

    /// <summary>Its SQLite definition: the case's schema is SQLite's, and PostgreSQL's is derived from it.</summary>
    internal const string ShardTableSql = """
        CREATE TABLE ingest_shards (
            source_id INTEGER NOT NULL REFERENCES sources(id),
            shard INTEGER NOT NULL,
            shards INTEGER NOT NULL,
            next_item INTEGER NOT NULL DEFAULT 0,
            rows_read INTEGER NOT NULL DEFAULT 0,
            rows_added INTEGER NOT NULL DEFAULT 0,
            rows_failed INTEGER NOT NULL DEFAULT 0,
            started_at TEXT NOT NULL,
            completed_at TEXT,
            PRIMARY KEY (source_id, shard))
        """;

    private static readonly string[] IdTables = ["sources", "ads", "entities", "mentions", "ad_attributes", "ingest_errors", "runs"];

    private readonly PostgresCaseLocator _locator;
    private readonly NpgsqlConnection _connection;
    private readonly CaseIngestor _extraction;
    private readonly TimeProvider _time;
    private readonly string _s;

    /// <summary>Connects to the case at <paramref name="locator"/>, giving an empty schema the case schema.</summary>
    /// <exception cref="CaseStoreException">The server cannot be reached, or the schema holds tables that are not a case.</exception>
    public PostgresIngestWriter(PostgresCaseLocator locator, EntityExtractor? extractor = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(locator);
        _locator = locator;
        _s = CopyRules.Quote(locator.Schema);
        _time = time ?? TimeProvider.System;
        _extraction = new CaseIngestor(extractor, extractOnly: true);
        _connection = PostgresConnections.Open(locator);
        try
        {
            EnsureCase();
            CreateStaging();
        }
        catch
        {
            _connection.Dispose();
            throw;
        }
    }

    /// <summary>Records the start of a run (as <see cref="CaseStore.BeginRun"/>); returns its ID.</summary>
    public long BeginRun(string kind, object parameters)
    {
        using var cmd = Command($"INSERT INTO {_s}.runs(id, kind, started_at, version, parameters) VALUES (nextval('{Seq("runs")}'), @k, @t, @v, @p) RETURNING id;");
        cmd.Parameters.AddWithValue("k", kind);
        cmd.Parameters.AddWithValue("t", Now());
        cmd.Parameters.AddWithValue("v", CaseStore.ToolVersion);
        cmd.Parameters.AddWithValue("p", JsonSerializer.Serialize(parameters));
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Records the end of a run.</summary>
    public void FinishRun(long runId)
    {
        using var cmd = Command($"UPDATE {_s}.runs SET finished_at = @t, timings = '{{}}' WHERE id = @id;");
        cmd.Parameters.AddWithValue("t", Now());
        cmd.Parameters.AddWithValue("id", runId);
        cmd.ExecuteNonQuery();
    }

    /// <summary>Ingests the part of one file that is <paramref name="shard"/>, resuming after this shard's last committed batch.</summary>
    /// <param name="path">An input file of any <see cref="AdInputFormat"/>.</param>
    /// <param name="options">Options (format, reader, strictness, batch size).</param>
    /// <param name="shard">The shard of the file this worker stores; every worker of one file must give the same count.</param>
    /// <param name="progress">Receives the fraction of the file's bytes read.</param>
    /// <param name="ct">Cancellation; committed batches stay and are resumed next time.</param>
    /// <exception cref="CaseStoreException">The file is missing or of unknown format, another worker holds this shard, the file was
    /// started with another shard count, or a value cannot be stored (a NUL character).</exception>
    public IngestResult Ingest(string path, IngestOptions? options, IngestShard shard, IProgress<double>? progress = null, CancellationToken ct = default)
    {
        options ??= new IngestOptions();
        if (!File.Exists(path))
        {
            throw new CaseStoreException($"input file not found: {path}");
        }

        var format = options.Format ?? AdFormatSniffer.Detect(path)
            ?? throw new CaseStoreException($"{path}: unknown input format (expected CSV, TSV, JSON Lines, crawl records, HTML, WARC or XLSX; or pass --format)");
        var (sha, size) = HashFile(path);
        var (sourceId, sourceDone) = FindOrAddSource(path, sha, size, format.ToString().ToLowerInvariant());
        if (sourceDone)
        {
            return new IngestResult { Path = path, Sha256 = sha, AlreadyIngested = true };
        }

        var lockKey = $"netan-ingest:{_locator.Schema}:{sourceId.ToString(CultureInfo.InvariantCulture)}:{shard.Index.ToString(CultureInfo.InvariantCulture)}";
        if (!Scalar<bool>("SELECT pg_try_advisory_lock(hashtextextended(@k, 0));", ("k", lockKey)))
        {
            throw new CaseStoreException($"{path}: another ingest worker is writing shard {shard} of it into {_locator}; one worker per shard at a time");
        }

        try
        {
            return IngestShard(path, options, shard, format, sha, size, sourceId, progress, ct);
        }
        finally
        {
            if (_connection.State == System.Data.ConnectionState.Open)
            {
                Scalar<bool>("SELECT pg_advisory_unlock(hashtextextended(@k, 0));", ("k", lockKey));
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _connection.Dispose();

    private IngestResult IngestShard(string path, IngestOptions options, IngestShard shard, AdInputFormat format, string sha, long size, long sourceId,
        IProgress<double>? progress, CancellationToken ct)
    {
        var counts = new List<long>();
        using (var cmd = Command($"SELECT DISTINCT shards FROM {_s}.{ShardTable} WHERE source_id = @src ORDER BY shards;"))
        {
            cmd.Parameters.AddWithValue("src", sourceId);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                counts.Add(r.GetInt64(0));
            }
        }

        if (counts.Count > 0 && counts.Any(c => c != shard.Count))
        {
            throw new CaseStoreException(
                $"{path} is being ingested in {counts[0]} shards (--shard i/{counts[0]}); give every worker of this file the same count, not {shard.Count}");
        }

        using (var cmd = Command($"INSERT INTO {_s}.{ShardTable}(source_id, shard, shards, next_item, rows_read, rows_added, rows_failed, started_at) VALUES (@src, @i, @n, 0, 0, 0, 0, @t) ON CONFLICT DO NOTHING;"))
        {
            cmd.Parameters.AddWithValue("src", sourceId);
            cmd.Parameters.AddWithValue("i", (long)shard.Index);
            cmd.Parameters.AddWithValue("n", (long)shard.Count);
            cmd.Parameters.AddWithValue("t", Now());
            cmd.ExecuteNonQuery();
        }

        long skip;
        bool shardDone;
        using (var cmd = Command($"SELECT next_item, completed_at IS NOT NULL FROM {_s}.{ShardTable} WHERE source_id = @src AND shard = @i;"))
        {
            cmd.Parameters.AddWithValue("src", sourceId);
            cmd.Parameters.AddWithValue("i", (long)shard.Index);
            using var r = cmd.ExecuteReader();
            r.Read();
            skip = r.GetInt64(0);
            shardDone = r.GetBoolean(1);
        }

        if (shardDone)
        {
            return new IngestResult { Path = path, Sha256 = sha, AlreadyIngested = true };
        }

        _path = path;
        _extraction.BeginFile(path);
        var reader = new AdSourceReader(options.Reader, options.Profiles) { Sheet = options.Sheet };
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var timings = new IngestTimings();
        var errors = new List<AdReadError>();
        var totals = new Totals();
        var stopped = false;
        long endItem = skip;
        var batchSize = options.BatchSize ?? 2_000;

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var queue = new BlockingCollection<(List<(AdReadItem Item, long Index)> Batch, CaseIngestor.Extracted?[] Extracted, long Next, double Fraction)>(boundedCapacity: 2);
        var producer = Task.Run(() =>
        {
            try
            {
                var batch = new List<(AdReadItem, long)>(batchSize);
                var index = skip;
                var readStarted = Stopwatch.GetTimestamp();
                foreach (var item in reader.Read(stream, path, format, skip))
                {
                    var at = index++;
                    if (!shard.Takes(item, at))
                    {
                        continue;
                    }

                    batch.Add((item, at));
                    if (item.Error is { } error)
                    {
                        if (errors.Count < 1000)
                        {
                            errors.Add(error);
                        }

                        if (options.Strict)
                        {
                            stopped = true;
                            break;
                        }
                    }

                    if (batch.Count >= batchSize)
                    {
                        timings.Add("read", readStarted);
                        Hand(batch, at + 1, size == 0 ? 1 : (double)stream.Position / size);
                        batch = new List<(AdReadItem, long)>(batchSize);
                        readStarted = Stopwatch.GetTimestamp();
                    }
                }

                timings.Add("read", readStarted);
                endItem = stopped ? batch[^1].Item2 + 1 : index;
                Hand(batch, endItem, 1.0);
            }
            finally
            {
                queue.CompleteAdding();
            }

            void Hand(List<(AdReadItem Item, long Index)> batch, long next, double fraction)
            {
                var started = Stopwatch.GetTimestamp();
                var extracted = _extraction.ExtractBatch(batch.ConvertAll(b => b.Item));
                timings.Add("extract", started);
                queue.Add((batch, extracted, next, fraction), stop.Token);
            }
        }, stop.Token);

        try
        {
            foreach (var (batch, extracted, next, fraction) in queue.GetConsumingEnumerable(stop.Token))
            {
                ct.ThrowIfCancellationRequested();
                var started = Stopwatch.GetTimestamp();
                WriteTransaction(path, sourceId, shard, batch, extracted, next, totals);
                timings.Add("write", started);
                progress?.Report(fraction);
            }
        }
        catch
        {
            stop.Cancel();
            throw;
        }
        finally
        {
            try
            {
                producer.Wait(CancellationToken.None);
            }
            catch (AggregateException) when (stop.IsCancellationRequested)
            {
                // The writer failed or the run was cancelled: that error wins.
            }
            catch (AggregateException ex) when (ex.InnerExceptions.Count == 1)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerExceptions[0]);
            }
        }

        if (!stopped)
        {
            var started = Stopwatch.GetTimestamp();
            totals.PhotosLinked = Retried(() => Complete(sourceId, shard, endItem, reader.Photos));
            timings.Add("complete", started);
        }

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
            PhotosLinkedByUrl = totals.PhotosLinked,
            RecordsSkipped = reader.Skipped,
            Errors = errors,
            StoppedAtError = stopped,
            TimingsMs = timings.ToMilliseconds(),
        };
    }

    /// <summary>Stages one batch (binary COPY, outside any transaction: the staging tables are this session's own), then moves it
    /// into the case with the shard's progress in one short transaction, retried when the server chose it as a deadlock's victim.</summary>
    private void WriteTransaction(string path, long sourceId, IngestShard shard, List<(AdReadItem Item, long Index)> batch, CaseIngestor.Extracted?[] extracted,
        long next, Totals totals)
    {
        Execute("TRUNCATE netan_stage_ads, netan_stage_mentions, netan_stage_attributes, netan_stage_images, netan_stage_errors;");
        long failed = 0, staged = 0;
        using (var ads = _connection.BeginBinaryImport(
            "COPY netan_stage_ads (ord, site, ad_id, ad_key, line, posted_at, city, region, country, title, body, text, poster, images, image_hashes, price, age, attributes, raw) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < batch.Count; i++)
            {
                if (extracted[i] is not { } x)
                {
                    failed++;
                    continue;
                }

                staged++;
                var row = x.Row;
                var line = row.Line;
                ads.StartRow();
                ads.Write(i, NpgsqlDbType.Integer);
                Text(ads, row.Site, path, line);
                Text(ads, row.AdId, path, line);
                Text(ads, row.Key, path, line);
                ads.Write(line, NpgsqlDbType.Bigint);
                Text(ads, row.PostedAt, path, line);
                Text(ads, row.City, path, line);
                Text(ads, row.Region, path, line);
                Text(ads, row.Country, path, line);
                Text(ads, row.Title, path, line);
                Text(ads, row.Body, path, line);
                Text(ads, row.Text, path, line);
                Text(ads, row.Poster, path, line);
                Text(ads, row.Images, path, line);
                Text(ads, row.ImageHashes, path, line);
                Nullable(ads, row.Price, NpgsqlDbType.Double);
                Nullable(ads, row.Age, NpgsqlDbType.Bigint);
                Text(ads, row.Attributes, path, line);
                Text(ads, row.Raw, path, line);
            }

            ads.Complete();
        }

        using (var mentions = _connection.BeginBinaryImport(
            "COPY netan_stage_mentions (ord, k, type, value, start, \"end\", raw, extractor, confidence) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < batch.Count; i++)
            {
                if (extracted[i] is not { } x)
                {
                    continue;
                }

                for (var k = 0; k < x.Entities.Count; k++)
                {
                    var m = x.Entities[k];
                    mentions.StartRow();
                    mentions.Write(i, NpgsqlDbType.Integer);
                    mentions.Write(k, NpgsqlDbType.Integer);
                    mentions.Write(m.Type.ToName(), NpgsqlDbType.Text);
                    Text(mentions, m.Value, path, x.Row.Line);
                    Nullable(mentions, m.Start < 0 ? null : (long?)m.Start, NpgsqlDbType.Bigint);
                    Nullable(mentions, m.End < 0 ? null : (long?)m.End, NpgsqlDbType.Bigint);
                    Text(mentions, MentionRaw.Stored(m.Extractor, m.Raw, m.Value), path, x.Row.Line);
                    mentions.Write(m.Extractor, NpgsqlDbType.Text);
                    mentions.Write(m.Confidence, NpgsqlDbType.Double);
                }
            }

            mentions.Complete();
        }

        using (var attributes = _connection.BeginBinaryImport(
            "COPY netan_stage_attributes (ord, k, kind, value, start, \"end\", raw) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < batch.Count; i++)
            {
                if (extracted[i] is not { } x)
                {
                    continue;
                }

                var k = 0;
                foreach (var a in x.Attributes)
                {
                    attributes.StartRow();
                    attributes.Write(i, NpgsqlDbType.Integer);
                    attributes.Write(k++, NpgsqlDbType.Integer);
                    attributes.Write(CaseIngestor.AttributeKindName(a.Kind), NpgsqlDbType.Text);
                    Text(attributes, a.Value, path, x.Row.Line);
                    attributes.Write((long)a.Start, NpgsqlDbType.Bigint);
                    attributes.Write((long)a.End, NpgsqlDbType.Bigint);
                    Text(attributes, a.Raw, path, x.Row.Line);
                }
            }

            attributes.Complete();
        }

        var imageProblems = new Dictionary<int, string>();
        using (var images = _connection.BeginBinaryImport(
            "COPY netan_stage_images (ord, position, path, sha256, phash, dhash, error) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < batch.Count; i++)
            {
                if (extracted[i] is not { } x || x.Images.Count == 0)
                {
                    continue;
                }

                var problems = new List<string>();
                for (var k = 0; k < x.Images.Count; k++)
                {
                    var img = x.Images[k];
                    images.StartRow();
                    images.Write(i, NpgsqlDbType.Integer);
                    images.Write((long)k, NpgsqlDbType.Bigint);
                    Text(images, img.Path, path, x.Row.Line);
                    Text(images, img.Sha256, path, x.Row.Line);
                    Nullable(images, img.PHash is { } ph ? unchecked((long?)(long)ph) : null, NpgsqlDbType.Bigint);
                    Nullable(images, img.DHash is { } dh ? unchecked((long?)(long)dh) : null, NpgsqlDbType.Bigint);
                    Text(images, img.Error?.ToString(), path, x.Row.Line);
                    if (img.Error is { } e)
                    {
                        problems.Add($"{img.Path}: {e}");
                    }
                }

                if (problems.Count > 0)
                {
                    imageProblems[i] = string.Join("; ", problems);
                }
            }

            images.Complete();
        }

        using (var errorRows = _connection.BeginBinaryImport("COPY netan_stage_errors (ord, line, field, message) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < batch.Count; i++)
            {
                if (batch[i].Item.Error is { } error)
                {
                    errorRows.StartRow();
                    errorRows.WriteNull();
                    errorRows.Write((long)error.Line, NpgsqlDbType.Bigint);
                    Text(errorRows, error.Field, path, error.Line);
                    Text(errorRows, error.Message, path, error.Line);
                }
                else if (imageProblems.TryGetValue(i, out var problems))
                {
                    // The ad is kept; its line records why some of its images were not used (only when the ad is new).
                    errorRows.StartRow();
                    errorRows.Write(i, NpgsqlDbType.Integer);
                    errorRows.Write(extracted[i]!.Row.Line, NpgsqlDbType.Bigint);
                    errorRows.Write("images", NpgsqlDbType.Text);
                    Text(errorRows, problems, path, extracted[i]!.Row.Line);
                }
            }

            errorRows.Complete();
        }

        var (added, versions) = Retried(() => Move(sourceId, shard, batch, extracted, failed, next));

        totals.Rows += batch.Count;
        totals.Added += added.Count;
        totals.Duplicates += staged - added.Count - versions.Versions;
        totals.Versions += versions.Versions;
        totals.Mentions += versions.Mentions;
        totals.Failed += failed;
        foreach (var i in added)
        {
            var x = extracted[i]!;
            totals.Mentions += x.Entities.Count;
            foreach (var img in x.Images)
            {
                if (img.Error is not null)
                {
                    totals.ImageErrors++;
                }
                else if (img.Path is not null)
                {
                    totals.Images++;
                }
            }
        }
    }

    /// <summary>Holds, for the rest of the current transaction, the lock an analysis takes exclusively while it takes its
    /// snapshot (<see cref="CaseStore.IngestBatchLockPrefix"/>): so no batch is in flight when a snapshot is taken, and every
    /// row ID a later batch writes is above what that analysis saw. Batches never wait for each other on it (shared).</summary>
    private void HoldBackAnalysisSnapshots() =>
        Scalar<object>("SELECT pg_advisory_xact_lock_shared(hashtextextended(@k, 0));", ("k", CaseStore.IngestBatchLockPrefix + _locator.Schema));

    /// <summary>Moves the staged batch into the case with the shard's progress, in one transaction; returns the batch positions of
    /// the ads that were new, and what the batch's re-crawls of ads already in the case added as versions.</summary>
    private (HashSet<int> Added, VersionCounts Versions) Move(long sourceId, IngestShard shard, List<(AdReadItem Item, long Index)> batch,
        CaseIngestor.Extracted?[] extracted, long failed, long next)
    {
        var rows = batch.Count;
        using var tx = _connection.BeginTransaction();
        HoldBackAnalysisSnapshots();
        var added = new HashSet<int>();
        using (var cmd = Command($"""
            WITH ins AS (
                INSERT INTO {_s}.ads(id, site, ad_id, ad_key, source_id, line, posted_at, city, region, country, title, body, text, poster, images,
                                     image_hashes, price, age, attributes, raw)
                SELECT nextval('{Seq("ads")}'), site, ad_id, ad_key, @src, line, posted_at, city, region, country, title, body, text, poster, images,
                       image_hashes, price, age, attributes, raw
                FROM (SELECT * FROM netan_stage_ads ORDER BY ord) s
                ON CONFLICT DO NOTHING
                RETURNING id, ad_key)
            INSERT INTO netan_stage_new(id, ord)
            SELECT ins.id, min(s.ord) FROM ins JOIN netan_stage_ads s ON s.ad_key = ins.ad_key GROUP BY ins.id
            RETURNING ord;
            """))
        {
            cmd.Parameters.AddWithValue("src", sourceId);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                added.Add(r.GetInt32(0));
            }
        }

        // The new ads' attributes, images and errors; then their new identifiers, in key order and as late as possible: a worker
        // adding an identifier another worker is adding waits for that one's commit, so these locks are held only to the commit.
        Execute($"""
            INSERT INTO {_s}.ad_attributes(id, ad, kind, value, start, "end", raw)
            SELECT nextval('{Seq("ad_attributes")}'), ad, kind, value, start, "end", raw FROM (
                SELECT n.id AS ad, a.kind, a.value, a.start, a."end", a.raw
                FROM netan_stage_attributes a JOIN netan_stage_new n ON n.ord = a.ord
                ORDER BY a.ord, a.k) x;
            INSERT INTO {_s}.ad_images(ad, position, path, sha256, phash, dhash, error)
            SELECT n.id, i.position, i.path, i.sha256, i.phash, i.dhash, i.error
            FROM netan_stage_images i JOIN netan_stage_new n ON n.ord = i.ord
            ON CONFLICT DO NOTHING;
            INSERT INTO {_s}.ingest_errors(id, source_id, line, field, message)
            SELECT nextval('{Seq("ingest_errors")}'), @src, line, field, message FROM (
                SELECT e.line, e.field, e.message FROM netan_stage_errors e
                WHERE e.ord IS NULL OR EXISTS (SELECT 1 FROM netan_stage_new n WHERE n.ord = e.ord)
                ORDER BY e.line) x
            ON CONFLICT DO NOTHING;
            INSERT INTO {_s}.entities(id, type, value)
            SELECT nextval('{Seq("entities")}'), type, value FROM (
                SELECT DISTINCT m.type, m.value FROM netan_stage_mentions m JOIN netan_stage_new n ON n.ord = m.ord
                WHERE NOT EXISTS (SELECT 1 FROM {_s}.entities e WHERE e.type = m.type AND e.value = m.value)
                ORDER BY m.type, m.value) d
            ON CONFLICT DO NOTHING;
            """,
            ("src", sourceId));
        Execute($"""
            INSERT INTO {_s}.mentions(id, ad, entity, start, "end", raw, extractor, confidence)
            SELECT nextval('{Seq("mentions")}'), ad, entity, start, "end", raw, extractor, confidence FROM (
                SELECT n.id AS ad, e.id AS entity, m.start, m."end", m.raw, m.extractor, m.confidence
                FROM netan_stage_mentions m
                JOIN netan_stage_new n ON n.ord = m.ord
                JOIN {_s}.entities e ON e.type = m.type AND e.value = m.value
                ORDER BY m.ord, m.k) x;
            UPDATE {_s}.{ShardTable} SET next_item = @next, rows_read = rows_read + @n, rows_added = rows_added + @a, rows_failed = rows_failed + @f
            WHERE source_id = @src AND shard = @i;
            """,
            ("src", sourceId), ("next", next), ("n", (long)rows), ("a", (long)added.Count), ("f", failed), ("i", (long)shard.Index));
        StorePhoneDetails(null);
        // Captures of ads already in the case (or twice in this batch): changed content becomes the ad's next version.
        var recrawls = new List<int>();
        for (var i = 0; i < batch.Count; i++)
        {
            if (extracted[i] is not null && !added.Contains(i))
            {
                recrawls.Add(i);
            }
        }

        var versions = recrawls.Count == 0 ? default : AddVersions(sourceId, recrawls, batch, extracted);
        tx.Commit();
        return (added, versions);
    }

    /// <summary>Stores, in the batch's transaction, the region, place, type and metadata version of every phone entity the batch
    /// linked that has none yet (issue #19), as a case file's ingest does for each new phone.</summary>
    /// <param name="values">The phone values to describe; null for those the batch's new ads mention.</param>
    private void StorePhoneDetails(string[]? values)
    {
        if (!_hasPhoneDetails || values is { Length: 0 })
        {
            return;
        }

        var phone = EntityType.Phone.ToName();
        var ids = new List<long>();
        var details = new List<NetworkAnalysis.Core.Extraction.Phones.PhoneNumberDetails>();
        using (var cmd = Command($"""
            SELECT e.id, e.value FROM {_s}.entities e
            WHERE e.type = @t
              AND {(values is null ? "e.value IN (SELECT m.value FROM netan_stage_mentions m JOIN netan_stage_new n ON n.ord = m.ord WHERE m.type = @t)" : "e.value = ANY(@v)")}
              AND NOT EXISTS (SELECT 1 FROM {_s}.phone_details d WHERE d.entity = e.id)
            ORDER BY e.id;
            """))
        {
            cmd.Parameters.AddWithValue("t", phone);
            if (values is not null)
            {
                cmd.Parameters.AddWithValue("v", values);
            }

            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                if (NetworkAnalysis.Core.Extraction.Phones.PhoneNumberDetails.Describe(r.GetString(1)) is { } d)
                {
                    ids.Add(r.GetInt64(0));
                    details.Add(d);
                }
            }
        }

        if (ids.Count == 0)
        {
            return;
        }

        using var insert = Command($"""
            INSERT INTO {_s}.phone_details(entity, region, location, number_type, metadata)
            SELECT * FROM unnest(@e, @r, @l, @n, @m) ON CONFLICT DO NOTHING;
            """);
        insert.Parameters.AddWithValue("e", ids.ToArray());
        insert.Parameters.AddWithValue("r", details.Select(d => d.Region).ToArray());
        insert.Parameters.AddWithValue("l", details.Select(d => d.Location).ToArray());
        insert.Parameters.AddWithValue("n", details.Select(d => d.Type).ToArray());
        insert.Parameters.AddWithValue("m", details.Select(d => d.Metadata).ToArray());
        insert.ExecuteNonQuery();
    }

    private bool _hasPhoneDetails;

    /// <summary>The file being ingested, for error messages.</summary>
    private string _path = "";

    /// <summary>Marks the shard complete; the last shard of the file to complete writes the file's totals and completion and, as a
    /// case file's ingest does at the end of a file, records the file's photos by URL and links every ad of the case that knows one
    /// only by URL (all of the file's ads and versions are in by then, whichever worker wrote them). Returns how many links it added.</summary>
    private long Complete(long sourceId, IngestShard shard, long endItem, IReadOnlyDictionary<string, NetworkAnalysis.Core.Imaging.ImageHashResult> photos)
    {
        using var tx = _connection.BeginTransaction();
        HoldBackAnalysisSnapshots();
        // The source's row lock orders the shards' completions: the last one sees every other shard complete.
        Execute($"SELECT 1 FROM {_s}.sources WHERE id = @src FOR UPDATE;", ("src", sourceId));
        var now = Now();
        Execute($"UPDATE {_s}.{ShardTable} SET next_item = @next, completed_at = @t WHERE source_id = @src AND shard = @i;",
            ("next", endItem), ("t", now), ("src", sourceId), ("i", (long)shard.Index));
        Execute($"""
            UPDATE {_s}.sources s SET rows_read = t.r, rows_added = t.a, rows_failed = t.f, completed_at = @t
            FROM (SELECT sum(rows_read) AS r, sum(rows_added) AS a, sum(rows_failed) AS f, count(completed_at) AS done, min(shards) AS shards
                  FROM {_s}.{ShardTable} WHERE source_id = @src) t
            WHERE s.id = @src AND t.done = t.shards;
            """,
            ("t", now), ("src", sourceId));
        var linked = Scalar<bool>($"SELECT completed_at IS NOT NULL FROM {_s}.sources WHERE id = @src;", ("src", sourceId))
            ? LinkPhotoUrls(sourceId, photos)
            : 0;
        tx.Commit();
        return linked;
    }

    /// <summary>Runs <paramref name="transaction"/> (which opens and commits its own transaction), again when the server chose it as
    /// a deadlock's victim or it failed to serialize.</summary>
    private static T Retried<T>(Func<T> transaction)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return transaction();
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure && attempt < 10)
            {
                Thread.Sleep(Random.Shared.Next(10, 100 * attempt));
            }
        }
    }

    private (long Id, bool Completed) FindOrAddSource(string path, string sha, long size, string format)
    {
        Execute($"""
            INSERT INTO {_s}.sources(id, path, sha256, size, format, ingested_at, rows_read, rows_added, rows_failed)
            SELECT nextval('{Seq("sources")}'), @p, @s, @z, @f, @t, 0, 0, 0 WHERE NOT EXISTS (SELECT 1 FROM {_s}.sources WHERE sha256 = @s)
            ON CONFLICT DO NOTHING;
            """,
            ("p", Path.GetFullPath(path)), ("s", sha), ("z", size), ("f", format), ("t", Now()));
        using var cmd = Command($"SELECT id, completed_at IS NOT NULL FROM {_s}.sources WHERE sha256 = @s;");
        cmd.Parameters.AddWithValue("s", sha);
        using var r = cmd.ExecuteReader();
        r.Read();
        return (r.GetInt64(0), r.GetBoolean(1));
    }

    /// <summary>Gives an empty schema the case schema (as <c>netan case copy</c> would put a new case file there) and a case without
    /// them the <c>ingest_shards</c> table and the ID sequences; one worker at a time.</summary>
    private void EnsureCase()
    {
        var lockKey = "netan-ingest-schema:" + _locator.Schema;
        Scalar<object>("SELECT pg_advisory_lock(hashtextextended(@k, 0));", ("k", lockKey));
        try
        {
            var hasCase = Scalar<bool>("SELECT to_regclass(@t) IS NOT NULL;", ("t", _s + ".ads"));
            var hasShards = Scalar<bool>("SELECT to_regclass(@t) IS NOT NULL;", ("t", _s + "." + ShardTable));
            if (!hasCase || !hasShards)
            {
                if (!hasCase && Scalar<long>("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = @s AND c.relkind IN ('r', 'p');", ("s", _locator.Schema)) > 0)
                {
                    throw new CaseStoreException($"{_locator} holds tables but no case (no ads table in schema {_locator.Schema}); ingest into an empty schema or a case");
                }

                CreateSchema(hasCase);
            }

            // A case copied from a file written before phone details were stored (issue #19) has no table for them.
            _hasPhoneDetails = Scalar<bool>("SELECT to_regclass(@t) IS NOT NULL;", ("t", _s + ".phone_details"));
            foreach (var table in IdTables)
            {
                // A table keyed by an identity column (every case made by `case copy` or by this writer) is numbered by that
                // column's own sequence, the one `score`, `decide` and the workbench use when they insert without a key; a
                // case copied before identity columns existed gets a sequence of its own.
                if (Scalar<object>("SELECT pg_get_serial_sequence(@t, 'id');", ("t", $"{_s}.{CopyRules.Quote(table)}")) is string identity)
                {
                    _sequences[table] = identity;
                    continue;
                }

                _sequences[table] = $"{_s}.{CopyRules.Quote("netan_ids_" + table)}";
                var exists = Scalar<bool>("SELECT to_regclass(@t) IS NOT NULL;", ("t", Seq(table)));
                Execute($"CREATE SEQUENCE IF NOT EXISTS {Seq(table)};");
                // Past the largest ID a copy or an earlier worker wrote (a new sequence; or one left behind a `case copy --force`).
                Execute($"""
                    SELECT setval('{Seq(table)}', m) FROM (SELECT max(id) AS m FROM {_s}.{CopyRules.Quote(table)}) x
                    WHERE m IS NOT NULL AND ({(exists ? "false" : "true")} OR m >= (SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM {Seq(table)}));
                    """);
            }
        }
        finally
        {
            Scalar<object>("SELECT pg_advisory_unlock(hashtextextended(@k, 0));", ("k", lockKey));
        }
    }

    private void CreateSchema(bool hasCase)
    {
        // The case schema is SQLite's: a new case file is made and read as `netan case copy` reads one, never written a second time.
        var folder = Path.Combine(Path.GetTempPath(), "netan-pg-schema-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var file = Path.Combine(folder, "schema.case");
            using (var store = CaseStore.Open(file, create: true))
            {
                CaseStore.Execute(store.Connection, ShardTableSql + ";");
            }

            using var source = SqliteTableSource.Open(file);
            if (!hasCase)
            {
                using var target = new PostgresCaseTarget(_locator, force: false);
                target.Create(source);
                foreach (var table in source.Tables)
                {
                    target.Insert(table, source.ReadRows(table, CancellationToken.None), CancellationToken.None);
                }

                target.Finish(source);
                target.Commit();
                return;
            }

            // A case copied from a file before this table existed: add it, and its SQLite definition for the copy back.
            using var tx = _connection.BeginTransaction();
            var shards = source.Tables.Single(t => t.Name == ShardTable);
            Execute(PostgresCaseTarget.CreateTableSql(_locator.Schema, shards));
            var definition = source.SqliteSchema.Single(o => o.Name == ShardTable);
            Execute($"INSERT INTO {_s}.{CopyRules.SchemaTable}(seq, type, name, table_name, sql) SELECT coalesce(max(seq), 0) + 1, @t, @n, @tn, @sql FROM {_s}.{CopyRules.SchemaTable};",
                ("t", definition.Type), ("n", definition.Name), ("tn", definition.TableName), ("sql", definition.Sql));
            tx.Commit();
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder; the system's cleaning takes it.
            }
        }
    }

    private void CreateStaging()
    {
        Execute("""
            CREATE TEMP TABLE IF NOT EXISTS netan_stage_ads (ord integer NOT NULL, site text, ad_id text, ad_key text, line bigint, posted_at text, city text,
                region text, country text, title text, body text, text text, poster text, images text, image_hashes text, price double precision,
                age bigint, attributes text, raw text);
            CREATE TEMP TABLE IF NOT EXISTS netan_stage_mentions (ord integer NOT NULL, k integer NOT NULL, type text, value text, start bigint, "end" bigint,
                raw text, extractor text, confidence double precision);
            CREATE TEMP TABLE IF NOT EXISTS netan_stage_attributes (ord integer NOT NULL, k integer NOT NULL, kind text, value text, start bigint, "end" bigint,
                raw text);
            CREATE TEMP TABLE IF NOT EXISTS netan_stage_images (ord integer NOT NULL, position bigint, path text, sha256 text, phash bigint, dhash bigint,
                error text);
            CREATE TEMP TABLE IF NOT EXISTS netan_stage_errors (ord integer, line bigint, field text, message text);
            CREATE TEMP TABLE IF NOT EXISTS netan_stage_new (id bigint NOT NULL, ord integer NOT NULL) ON COMMIT DELETE ROWS;
            """);
    }

    private string Seq(string table) => _sequences[table];

    private readonly Dictionary<string, string> _sequences = new(StringComparer.Ordinal);

    private string Now() => _time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private NpgsqlCommand Command(string sql) => new(sql, _connection);

    private void Execute(string sql, params (string Name, object Value)[] parameters)
    {
        using var cmd = Command(sql);
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        cmd.ExecuteNonQuery();
    }

    private T Scalar<T>(string sql, params (string Name, object Value)[] parameters)
    {
        using var cmd = Command(sql);
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        return (T)cmd.ExecuteScalar()!;
    }

    private static (string Sha, long Size) HashFile(string path)
    {
        using var stream = File.OpenRead(path);
        return (Convert.ToHexStringLower(SHA256.HashData(stream)), stream.Length);
    }

    private static void Text(NpgsqlBinaryImporter import, byte[]? utf8, string path, long line) =>
        Text(import, utf8 is null ? null : Encoding.UTF8.GetString(utf8), path, line);

    private static void Text(NpgsqlBinaryImporter import, string? value, string path, long line)
    {
        if (value is null)
        {
            import.WriteNull();
            return;
        }

        if (value.Contains('\0', StringComparison.Ordinal))
        {
            throw new CaseStoreException($"{path}, line {line}: a value holds a NUL character, which PostgreSQL text cannot store; remove it from the input");
        }

        import.Write(value, NpgsqlDbType.Text);
    }

    private static void Nullable<T>(NpgsqlBinaryImporter import, T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value is { } v)
        {
            import.Write(v, type);
        }
        else
        {
            import.WriteNull();
        }
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
        public long PhotosLinked;
    }
}
