using System.Globalization;
using Microsoft.Data.Sqlite;
using NetworkAnalysis.Core.Ads;
using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Extraction.Phones;
using NetworkAnalysis.Core.Imaging;

namespace NetworkAnalysis.Storage;

public sealed partial class CaseIngestor
{
    private const int SqliteFull = 13;

    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    private Extracted?[] ExtractAll(List<AdReadItem> batch) =>
        // Extraction is the CPU-heavy part: run it on all cores, keeping input order for determinism. A SQLite ingest runs it on
        // its own threads, below the writer's priority (#21); the PostgreSQL writer and extract-only use PLINQ as before.
        _workers is { } workers
            ? workers.Map(batch, item => item.Ad is { } ad ? Extract(ad) : null)
            : batch.AsParallel().AsOrdered().Select(item => item.Ad is { } ad ? Extract(ad) : (Extracted?)null).ToArray();

    /// <summary>The region, place and type of the batch's phones that no earlier batch (nor the case) had, described on the
    /// producer's side (all cores) so that the writer only stores them with the new entity (issue #19).</summary>
    private Dictionary<string, PhoneNumberDetails?> DescribeNewPhones(Extracted?[] extracted)
    {
        if (_describedPhones is null)
        {
            // Identifiers are looked up in the case (#21): the writer describes the few phones new to it as it stores them.
            return new Dictionary<string, PhoneNumberDetails?>(StringComparer.Ordinal);
        }

        var fresh = new List<string>();
        foreach (var item in extracted)
        {
            if (item is null)
            {
                continue;
            }

            foreach (var m in item.Entities)
            {
                if (m.Type == EntityType.Phone && _describedPhones!.Add(m.Value))
                {
                    fresh.Add(m.Value);
                }
            }
        }

        var details = fresh.Count < 64
            ? fresh.Select(PhoneNumberDetails.Describe).ToArray()
            : _workers is { } workers
                ? workers.Map(fresh, PhoneNumberDetails.Describe)
                : fresh.AsParallel().AsOrdered().Select(PhoneNumberDetails.Describe).ToArray();
        var map = new Dictionary<string, PhoneNumberDetails?>(fresh.Count, StringComparer.Ordinal);
        for (var i = 0; i < fresh.Count; i++)
        {
            map[fresh[i]] = details[i];
        }

        return map;
    }

    private void WriteBatch(CaseRowWriter rows, long sourceId, IEnumerable<(List<AdReadItem> Items, Extracted?[] Extracted)> chunks, Totals totals, bool dropIndexes = false)
    {
        try
        {
            WriteTransaction(rows, sourceId, chunks, totals, dropIndexes);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteFull)
        {
            _entityIds = null;
            _adKeys = null;
            throw new IOException(
                $"the disk holding the case file {_store.Path} is full (SQLite: {ex.Message}). The batch being written was rolled back; "
                + $"the {totals.Rows:N0} rows this run committed before it are kept. Free some space, then run the same `netan ingest` again to resume.", ex);
        }
        catch
        {
            // The transaction rolled back: entity IDs cached during it may not exist, nor ads whose keys were recorded.
            _entityIds = null;
            _adKeys = null;
            throw;
        }
    }

    private Extracted Extract(Ad ad)
    {
        // Ad.Text composes title and body on every call: once here.
        var text = ad.Text;
        var result = _extractor.Extract(text, ad.Country);
        var entities = new List<Mention>(result.Entities);
        if (PosterAccount.Canonical(ad.Site, ad.Poster) is { } account)
        {
            entities.Add(new Mention(EntityType.Poster, account, ad.Poster!, -1, -1, 1.0, "field:poster"));
        }

        var images = new List<AdImage>();
        foreach (var hash in ad.ImageHashes)
        {
            if (hash.StartsWith("sha256:", StringComparison.OrdinalIgnoreCase) && hash.Length == 71
                && !hash.AsSpan(7).ContainsAnyExcept(HexDigits))
            {
                entities.Add(new Mention(EntityType.Image, hash[7..].ToLowerInvariant(), hash, -1, -1, 1.0, "field:image_hashes"));
            }
            else if (hash.StartsWith("phash:", StringComparison.OrdinalIgnoreCase) && ImageHashHex.TryParse(hash[6..], out var p))
            {
                images.Add(new AdImage(null, null, p, null, null));
            }
            else if (hash.StartsWith("dhash:", StringComparison.OrdinalIgnoreCase) && ImageHashHex.TryParse(hash[6..], out var d)
                && images.Count > 0 && images[^1] is { Path: null, DHash: null } last)
            {
                // A dHash belongs to the precomputed pHash just before it.
                images[^1] = last with { DHash = d };
            }
        }

        foreach (var image in ad.Images)
        {
            var hashed = HashImage(image);
            images.Add(hashed);
            if (hashed.Sha256 is { } sha && hashed.Error is null)
            {
                // An exact copy of the file is a strong link: the same image entity as a precomputed sha256.
                entities.Add(new Mention(EntityType.Image, sha, image, -1, -1, 1.0, "file:images"));
            }
        }

        foreach (var url in ad.ImageUrls)
        {
            // A photo known by its canonical URL is an identifier, linked wherever a page embeds that URL.
            entities.Add(new Mention(EntityType.Image, "url:" + url, url, -1, -1, 1.0, "field:image_urls"));
        }

        [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))]
        static byte[]? U(string? value) => AdInsertRow.Utf8(value);
        var joinedImages = ad.Images.Count == 0 ? null : string.Join(';', ad.Images);
        var joinedHashes = ad.ImageHashes.Count == 0 ? null : string.Join(';', ad.ImageHashes);
        var title = U(ad.Title);
        var body = U(ad.Body);
        // The raw row without the values its own columns hold (#21): about 60% fewer bytes for the writer to store; encoded
        // straight to UTF-8, and the text from the title's and body's bytes, instead of encoding each string again.
        var storedRaw = AdRawRow.EncodeUtf8(ad.RawRow, ad.Title, ad.Body, joinedImages, joinedHashes);
        var row = new AdInsertRow(U(ad.Site), U(ad.Id), U(ad.Key), ad.Line, PostedAtUtf8(ad.PostedAt),
            U(ad.City), U(ad.Region), U(ad.Country), title, body, AdInsertRow.TextUtf8(ad.Title, title, ad.Body, body), U(ad.Poster), U(joinedImages), U(joinedHashes),
            ad.Price is { } price ? (double)price : null, ad.Age, U(AttributesJson(StoredAttributes(ad))), storedRaw);
        // The mentions' raw text is encoded here as well, on the extraction threads, in its stored form (MentionRaw) (#21).
        var raws = new byte[entities.Count][];
        for (var k = 0; k < raws.Length; k++)
        {
            var m = entities[k];
            raws[k] = U(MentionRaw.Stored(m.Extractor, m.Raw, m.Value));
        }

        return new Extracted(entities, result.Attributes, images, row, raws);
    }

    /// <summary>The UTF-8 of <c>PostedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", InvariantCulture)</c>, formatted straight into bytes.</summary>
    private static byte[]? PostedAtUtf8(DateTimeOffset? postedAt)
    {
        if (postedAt is not { } at)
        {
            return null;
        }

        Span<byte> utf8 = stackalloc byte[64];
        return at.TryFormat(utf8, out var written, "yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)
            ? utf8[..written].ToArray()
            : AdInsertRow.Utf8(at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
    }

    private AdImage HashImage(string relativePath)
    {
        var resolved = _imagePaths!.Resolve(relativePath);
        if (resolved.Error is { } refused)
        {
            return new AdImage(relativePath, null, null, null, refused);
        }

        var result = _imageHashes!.GetOrAdd(resolved.FullPath!, static full =>
            ImageHasher.HashFileAsync(full, ImageDecodeOptions.Default, CancellationToken.None).GetAwaiter().GetResult());
        return result.Hashes is { } h
            ? new AdImage(relativePath, h.Sha256, h.PHash, h.DHash, null)
            : new AdImage(relativePath, result.Sha256, null, null, result.Error);
    }

    /// <summary>Writes one transaction: the ads of <paramref name="chunks"/>, which the reading thread hands over a part at a time
    /// (#21, session 12), each part released once written.</summary>
    private void WriteTransaction(CaseRowWriter rows, long sourceId, IEnumerable<(List<AdReadItem> Items, Extracted?[] Extracted)> chunks, Totals totals, bool dropIndexes)
    {
        using var tx = _store.Connection.BeginTransaction();
        var dropped = dropIndexes ? DropDeferrableIndexes(tx) : null;
        using var insertMention = _store.Command(
            "INSERT INTO mentions(ad, entity, start, end, raw, extractor, confidence) VALUES ($a, $e, $s, $n, $r, $x, $c);", tx);
        Bind(insertMention, "$a", "$e", "$s", "$n", "$r", "$x", "$c");
        using var insertError = _store.Command(
            "INSERT OR IGNORE INTO ingest_errors(source_id, line, field, message) VALUES ($src, $line, $field, $msg);", tx);
        Bind(insertError, "$src", "$line", "$field", "$msg");

        long added = 0, duplicates = 0, failed = 0, mentions = 0, images = 0, imageErrors = 0, versions = 0;
        long adTicks = 0, imageTicks = 0, mentionTicks = 0, attributeTicks = 0, versionTicks = 0;
        var t0 = System.Diagnostics.Stopwatch.GetTimestamp();
        using var parts = chunks.GetEnumerator();
        List<AdReadItem> batch = [];
        Extracted?[] extracted = [];
        long rowsRead = 0;
        var i = 0;

        // The next ad, from the next chunk once this one's are written (the wait for it is not the ads' time).
        bool NextAd()
        {
            while (i >= batch.Count)
            {
                if (!parts.MoveNext())
                {
                    return false;
                }

                (batch, extracted) = parts.Current;
                rowsRead += batch.Count;
                i = 0;
                t0 = System.Diagnostics.Stopwatch.GetTimestamp();
            }

            return true;
        }

        for (; NextAd(); i++)
        {
            if (batch[i].Error is { } error)
            {
                failed++;
                Set(insertError, sourceId, error.Line, Db(error.Field), error.Message);
                insertError.ExecuteNonQuery();
                continue;
            }

            var ad = batch[i].Ad!;
            long? storedAd = null;
            long? adRowId;
            if (_adKeys is null)
            {
                adRowId = rows.InsertAd(extracted[i]!.Row, sourceId);
            }
            else if ((storedAd = StoredAdWithKey(tx, extracted[i]!.Row.Key, ad.Key)) is not null)
            {
                // The unique key is dropped during a bulk ingest (#21, change 9): the writer's own map found the ad stored.
                adRowId = null;
            }
            else
            {
                adRowId = rows.InsertAd(extracted[i]!.Row, sourceId);
                AddAdKey(extracted[i]!.Row.Key, adRowId!.Value);
            }

            var t1 = System.Diagnostics.Stopwatch.GetTimestamp();
            adTicks += t1 - t0;
            t0 = t1;
            if (adRowId is null)
            {
                // Already in the case: a re-crawl. Different content becomes a new version; identical content adds nothing.
                if (AddVersion(tx, rows, sourceId, ad, extracted[i]!, insertMention, storedAd) is { } versionMentions)
                {
                    versions++;
                    mentions += versionMentions;
                }
                else
                {
                    duplicates++;
                }

                t1 = System.Diagnostics.Stopwatch.GetTimestamp();
                versionTicks += t1 - t0;
                t0 = t1;
                continue;
            }

            added++;
            var (entities, attributes, adImages, _, mentionRaws) = extracted[i]!;
            var problems = new List<string>();
            for (var k = 0; k < adImages.Count; k++)
            {
                var img = adImages[k];
                rows.InsertImage(adRowId.Value, k, img.Path, img.Sha256, img.PHash is { } ph ? unchecked((long)ph) : null,
                    img.DHash is { } dh ? unchecked((long)dh) : null, img.Error?.ToString());
                if (img.Error is { } e)
                {
                    imageErrors++;
                    problems.Add($"{img.Path}: {e}");
                }
                else if (img.Path is not null)
                {
                    images++;
                }
            }

            if (problems.Count > 0)
            {
                // The ad is kept; its line records why some of its images were not used.
                Set(insertError, sourceId, ad.Line, "images", string.Join("; ", problems));
                insertError.ExecuteNonQuery();
            }

            t1 = System.Diagnostics.Stopwatch.GetTimestamp();
            imageTicks += t1 - t0;
            t0 = t1;
            for (var k = 0; k < entities.Count; k++)
            {
                var m = entities[k];
                var entityId = EntityId(rows, m.Type, m.Value);
                rows.InsertMention(adRowId.Value, entityId, m.Start, m.End, mentionRaws[k], m.Extractor, m.Confidence);
                mentions++;
            }

            t1 = System.Diagnostics.Stopwatch.GetTimestamp();
            mentionTicks += t1 - t0;
            t0 = t1;
            foreach (var attr in attributes)
            {
                rows.InsertAttribute(adRowId.Value, AttributeKindNames[attr.Kind], attr.Value, attr.Start, attr.End, attr.Raw);
            }

            t1 = System.Diagnostics.Stopwatch.GetTimestamp();
            attributeTicks += t1 - t0;
            t0 = t1;
        }

        if (_timings is { } timings)
        {
            timings.AddTicks("write_ads", adTicks);
            timings.AddTicks("write_images", imageTicks);
            timings.AddTicks("write_mentions", mentionTicks);
            timings.AddTicks("write_attributes", attributeTicks);
            timings.AddTicks("write_versions", versionTicks);
        }

        var committing = System.Diagnostics.Stopwatch.GetTimestamp();

        using (var progress = _store.Command("""
            UPDATE sources SET rows_read = rows_read + $n, rows_added = rows_added + $a, rows_failed = rows_failed + $f WHERE id = $id;
            """, tx))
        {
            progress.Parameters.AddWithValue("$n", rowsRead);
            progress.Parameters.AddWithValue("$a", added);
            progress.Parameters.AddWithValue("$f", failed);
            progress.Parameters.AddWithValue("$id", sourceId);
            progress.ExecuteNonQuery();
        }

        tx.Commit();
        _timings?.Add("write_commit", committing);
        if (dropped is not null)
        {
            _deferredIndexes = dropped;
        }

        totals.Rows += rowsRead;
        totals.Added += added;
        totals.Duplicates += duplicates;
        totals.Failed += failed;
        totals.Mentions += mentions;
        totals.Images += images;
        totals.ImageErrors += imageErrors;
        totals.Versions += versions;
    }

    /// <summary>The entity's row ID, inserting it through <paramref name="insertEntity"/> (<c>RETURNING id</c>) when new; outside a
    /// bulk write, where the prepared row writer is not open.</summary>
    private long EntityId(System.Data.Common.DbCommand insertEntity, EntityType type, string value)
    {
        if (_entityIds!.TryGetValue((type, value), out var id))
        {
            return id;
        }

        if (LookUpEntityId(type, value) is { } found)
        {
            return found;
        }

        Set(insertEntity, type.ToName(), value);
        id = Convert.ToInt64(insertEntity.ExecuteScalar(), CultureInfo.InvariantCulture);
        _entityIds[(type, value)] = id;
        return id;
    }

    private long EntityId(CaseRowWriter rows, EntityType type, string value)
    {
        if (_entityIds!.TryGetValue((type, value), out var id))
        {
            return id;
        }

        if (LookUpEntityId(type, value) is { } found)
        {
            return found;
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        id = rows.InsertEntity(type.ToName(), value);
        if (type == EntityType.Phone && NewPhoneDetails(value) is { } details)
        {
            rows.InsertPhoneDetails(id, details);
        }

        _timings?.Add("write_new_entities", started);
        _entityIds[(type, value)] = id;
        return id;
    }

    private static void Set(System.Data.Common.DbCommand cmd, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            cmd.Parameters[i].Value = values[i];
        }
    }

    internal sealed record Extracted(List<Mention> Entities, IReadOnlyList<AttributeMention> Attributes, List<AdImage> Images, AdInsertRow Row, byte[][] MentionRaws);

    private static readonly Dictionary<AttributeKind, string> AttributeKindNames =
        Enum.GetValues<AttributeKind>().ToDictionary(k => k, k => k.ToString().ToLowerInvariant());

    /// <summary>One image of an ad: a file (path) or a precomputed hash (no path), hashed or with the reason it is not.</summary>
    internal sealed record AdImage(string? Path, string? Sha256, ulong? PHash, ulong? DHash, ImageError? Error);
}
