using NpgsqlTypes;
using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Imaging;

namespace NetworkAnalysis.Storage.Postgres;

public sealed partial class PostgresIngestWriter
{
    /// <summary>Reads the photos of a mirrored folder for every photo the case knows only by URL, and links them by hash, as
    /// <see cref="CaseIngestor.LinkPhotoFolder"/> does for a case file (the same lookup at <c>FOLDER/HOST/PATH</c>, nothing fetched,
    /// nothing read outside the folder).</summary>
    /// <param name="folder">The folder.</param>
    /// <param name="ct">Cancellation (between photos; nothing is written until all are read).</param>
    /// <returns>How many (ad, photo) links were added.</returns>
    public long LinkPhotoFolder(string folder, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var urls = new List<string>();
        using (var cmd = Command($"""
            SELECT substr(e.value, 5) FROM {_s}.entities e
            WHERE e.type = @t AND e.value LIKE 'url:%' AND NOT EXISTS (SELECT 1 FROM {_s}.photo_urls p WHERE p.url = substr(e.value, 5))
            ORDER BY e.value;
            """))
        {
            cmd.Parameters.AddWithValue("t", EntityType.Image.ToName());
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                urls.Add(r.GetString(0));
            }
        }

        var photos = CaseIngestor.HashMirroredPhotos(folder, urls, ct);

        if (photos.Count == 0)
        {
            return 0;
        }

        var (sha, size) = CaseIngestor.HashFolderManifest(photos);
        var (sourceId, _) = FindOrAddSource(folder, sha, size, "photos");
        return Retried(() =>
        {
            using var tx = _connection.BeginTransaction();
            var linked = LinkPhotoUrls(sourceId, photos);
            Execute($"UPDATE {_s}.sources SET completed_at = COALESCE(completed_at, @t) WHERE id = @id;", ("t", Now()), ("id", sourceId));
            tx.Commit();
            return linked;
        });
    }

    /// <summary>In the caller's transaction: records <paramref name="photos"/> (canonical URL → hashes) in <c>photo_urls</c>, then
    /// gives every ad of the case that names a recorded URL the photo's hash, as a case file's ingest does (a mention with extractor
    /// <c>photo-url</c>, raw the URL, and an <c>ad_images</c> row after the ad's others).</summary>
    /// <remarks>One linking at a time per case (a transaction-level advisory lock, taken before anything is read): whichever of two
    /// workers links second sees what the first committed (the photo's URL, or the ad naming it), so a link is made once both are
    /// in, and never twice.</remarks>
    /// <returns>How many (ad, photo) links were added.</returns>
    private long LinkPhotoUrls(long sourceId, IEnumerable<KeyValuePair<string, ImageHashResult>> photos)
    {
        Scalar<object>("SELECT pg_advisory_xact_lock(hashtextextended(@k, 0));", ("k", "netan-photo-links:" + _locator.Schema));
        var known = photos.Where(p => p.Value.Sha256 is not null).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        if (known.Count > 0)
        {
            using var insert = Command($"""
                INSERT INTO {_s}.photo_urls(url, sha256, phash, dhash, source_id)
                SELECT u, s, p, d, @src FROM unnest(@u::text[], @s::text[], @p::bigint[], @d::bigint[]) AS x(u, s, p, d)
                ON CONFLICT DO NOTHING;
                """);
            insert.Parameters.AddWithValue("u", known.Select(p => p.Key).ToArray());
            insert.Parameters.AddWithValue("s", known.Select(p => p.Value.Sha256!).ToArray());
            insert.Parameters.AddWithValue("p", known.Select(p => p.Value.Hashes is { } h ? unchecked((long?)(long)h.PHash) : null).ToArray());
            insert.Parameters.AddWithValue("d", known.Select(p => p.Value.Hashes is { } h ? unchecked((long?)(long)h.DHash) : null).ToArray());
            insert.Parameters.AddWithValue("src", sourceId);
            insert.ExecuteNonQuery();
        }

        var pending = new List<(long Ad, string Url, string Sha, long? PHash, long? DHash)>();
        using (var find = Command($"""
            SELECT DISTINCT m.ad, p.url, p.sha256, p.phash, p.dhash
            FROM {_s}.photo_urls p
            JOIN {_s}.entities e ON e.type = @t AND e.value = 'url:' || p.url
            JOIN {_s}.mentions m ON m.entity = e.id
            WHERE NOT EXISTS (SELECT 1 FROM {_s}.mentions x JOIN {_s}.entities y ON y.id = x.entity WHERE x.ad = m.ad AND y.type = @t AND y.value = p.sha256)
            ORDER BY m.ad, p.url;
            """))
        {
            find.Parameters.AddWithValue("t", EntityType.Image.ToName());
            using var r = find.ExecuteReader();
            while (r.Read())
            {
                pending.Add((r.GetInt64(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetInt64(3), r.IsDBNull(4) ? null : r.GetInt64(4)));
            }
        }

        if (pending.Count == 0)
        {
            return 0;
        }

        var positions = new Dictionary<long, long>();
        using (var cmd = Command($"SELECT ad, max(position) FROM {_s}.ad_images WHERE ad = ANY(@a) GROUP BY ad;"))
        {
            cmd.Parameters.AddWithValue("a", pending.Select(p => p.Ad).Distinct().ToArray());
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                positions[r.GetInt64(0)] = r.GetInt64(1);
            }
        }

        var image = EntityType.Image.ToName();
        var mentions = new List<(long Ad, string Type, string Value, string Raw, string Extractor, double Confidence)>();
        var done = new HashSet<(long, string)>();
        using (var copy = _connection.BeginBinaryImport($"COPY {_s}.ad_images (ad, position, path, sha256, phash, dhash, error) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (ad, url, sha, phash, dhash) in pending)
            {
                // Two URLs of one photo (sizes, mirrors) give the ad the hash once.
                if (!done.Add((ad, sha)))
                {
                    continue;
                }

                mentions.Add((ad, image, sha, url, CaseIngestor.PhotoUrlExtractor, 1.0));
                var position = positions[ad] = positions.TryGetValue(ad, out var last) ? last + 1 : 0;
                copy.StartRow();
                copy.Write(ad, NpgsqlDbType.Bigint);
                copy.Write(position, NpgsqlDbType.Bigint);
                copy.WriteNull();
                copy.Write(sha, NpgsqlDbType.Text);
                Nullable(copy, phash, NpgsqlDbType.Bigint);
                Nullable(copy, dhash, NpgsqlDbType.Bigint);
                copy.WriteNull();
            }

            copy.Complete();
        }

        InsertMentions(mentions);
        return done.Count;
    }
}
