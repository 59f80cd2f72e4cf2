using Microsoft.Data.Sqlite;
using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Imaging;

namespace NetworkAnalysis.Storage;

public sealed partial class CaseIngestor
{
    /// <summary>Extractor named by a photo's hash mention that came from its URL (the bytes arrived in another ingest).</summary>
    internal const string PhotoUrlExtractor = "photo-url";

    /// <summary>
    /// The photos a mirrored crawl folder holds for <paramref name="urls"/> (<c>FOLDER/photo/HOST/PATH</c>, as
    /// <c>wget --mirror</c> lays a site out), hashed, by URL; URLs that are not http(s), resolve outside the folder or
    /// have no readable photo there are left out. Shared by both stores' <c>LinkPhotoFolder</c>.
    /// </summary>
    internal static SortedDictionary<string, ImageHashResult> HashMirroredPhotos(string folder, IEnumerable<string> urls, CancellationToken ct)
    {
        var resolver = new ImagePathResolver(Path.Combine(Path.GetFullPath(folder), "photo"));
        var photos = new SortedDictionary<string, ImageHashResult>(StringComparer.Ordinal);
        foreach (var url in urls)
        {
            ct.ThrowIfCancellationRequested();
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
            {
                continue;
            }

            var relative = uri.Host + Uri.UnescapeDataString(uri.AbsolutePath);
            if (resolver.Resolve(relative) is not { Success: true, FullPath: { } full } || !File.Exists(full))
            {
                continue;
            }

            var hashed = ImageHasher.HashFileAsync(full, ImageDecodeOptions.Default, ct).GetAwaiter().GetResult();
            if (hashed.Sha256 is not null)
            {
                photos[url] = hashed;
            }
        }

        return photos;
    }

    /// <summary>Reads the photos of a mirrored folder for every photo the case knows only by URL, and links them by hash.</summary>
    /// <remarks>
    /// A mirror (<c>wget -x</c>, <c>--mirror</c>, HTTrack) lays a photo at <c>HOST/PATH</c> under the folder, so the canonical
    /// URL <c>https://photos.example.net/p/1.png</c> is looked for at <c>FOLDER/photos.example.net/p/1.png</c> (and not found
    /// outside the folder: the path rules of ad images apply). Nothing is fetched. Each photo found is hashed, recorded in
    /// <c>photo_urls</c>, and every ad that names its URL gets its hash (a mention and an <c>ad_images</c> row with its pHash).
    /// </remarks>
    /// <param name="folder">The folder.</param>
    /// <param name="ct">Cancellation (between photos; nothing is written until all are read).</param>
    /// <returns>How many (ad, photo) links were added.</returns>
    public long LinkPhotoFolder(string folder, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        using var ingestLock = CaseIngestLock.TakeUnlessHeld(_store.Path);
        var urls = new List<string>();
        using (var cmd = _store.Command("""
            SELECT substr(e.value, 5) FROM entities e
            WHERE e.type = $t AND e.value LIKE 'url:%' AND NOT EXISTS (SELECT 1 FROM photo_urls p WHERE p.url = substr(e.value, 5))
            ORDER BY e.value;
            """))
        {
            cmd.Parameters.AddWithValue("$t", EntityType.Image.ToName());
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                urls.Add(r.GetString(0));
            }
        }

        var photos = HashMirroredPhotos(folder, urls, ct);

        if (photos.Count == 0)
        {
            return 0;
        }

        _entityIds = LoadEntityIds();
        var (sha, size) = HashFolderManifest(photos);
        var sourceId = FindSource(sha)?.Id ?? AddSource(folder, sha, size, "photos");
        try
        {
            using var tx = _store.Connection.BeginTransaction();
            var linked = LinkPhotoUrls(tx, sourceId, photos);
            using (var done = _store.Command("UPDATE sources SET completed_at = COALESCE(completed_at, $t) WHERE id = $id;", tx))
            {
                done.Parameters.AddWithValue("$t", _store.Now());
                done.Parameters.AddWithValue("$id", sourceId);
                done.ExecuteNonQuery();
            }

            tx.Commit();
            return linked;
        }
        catch
        {
            _entityIds = null;
            throw;
        }
    }

    /// <summary>A source identity for a folder's photos: the SHA-256 of their URLs and hashes, and their count.</summary>
    internal static (string Sha, long Size) HashFolderManifest(SortedDictionary<string, ImageHashResult> photos)
    {
        var manifest = string.Join('\n', photos.Select(p => p.Key + " " + p.Value.Sha256));
        return (Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(manifest))), photos.Count);
    }

    /// <summary>Records <paramref name="photos"/> (canonical URL → hashes) in <c>photo_urls</c>, then gives every ad that names a
    /// recorded URL the photo's hash: a mention (so it links by the exact photo) and an <c>ad_images</c> row (so its pHash finds
    /// near-duplicates). Idempotent: an ad that already has the hash is left alone.</summary>
    /// <returns>How many (ad, photo) links were added.</returns>
    private long LinkPhotoUrls(SqliteTransaction tx, long sourceId, IEnumerable<KeyValuePair<string, ImageHashResult>> photos)
    {
        using (var insert = _store.Command("INSERT OR IGNORE INTO photo_urls(url, sha256, phash, dhash, source_id) VALUES ($u, $s, $p, $d, $src);", tx))
        {
            Bind(insert, "$u", "$s", "$p", "$d", "$src");
            foreach (var (url, hashed) in photos.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (hashed.Sha256 is null)
                {
                    continue;
                }

                Set(insert, url, hashed.Sha256, hashed.Hashes is { } h ? unchecked((long)h.PHash) : DBNull.Value,
                    hashed.Hashes is { } h2 ? unchecked((long)h2.DHash) : DBNull.Value, sourceId);
                insert.ExecuteNonQuery();
            }
        }

        var pending = new List<(long Ad, string Url, string Sha, object PHash, object DHash)>();
        using (var find = _store.Command("""
            SELECT DISTINCT m.ad, p.url, p.sha256, p.phash, p.dhash
            FROM photo_urls p
            JOIN entities e ON e.type = $t AND e.value = 'url:' || p.url
            JOIN mentions m ON m.entity = e.id
            WHERE NOT EXISTS (SELECT 1 FROM mentions x JOIN entities y ON y.id = x.entity WHERE x.ad = m.ad AND y.type = $t AND y.value = p.sha256)
            ORDER BY m.ad, p.url;
            """, tx))
        {
            find.Parameters.AddWithValue("$t", EntityType.Image.ToName());
            using var r = find.ExecuteReader();
            while (r.Read())
            {
                pending.Add((r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetValue(3), r.GetValue(4)));
            }
        }

        if (pending.Count == 0)
        {
            return 0;
        }

        using var insertEntity = _store.Command("INSERT INTO entities(type, value) VALUES ($t, $v) RETURNING id;", tx);
        Bind(insertEntity, "$t", "$v");
        using var insertMention = _store.Command(
            "INSERT INTO mentions(ad, entity, start, end, raw, extractor, confidence) VALUES ($a, $e, NULL, NULL, $r, $x, 1.0);", tx);
        Bind(insertMention, "$a", "$e", "$r", "$x");
        using var insertImage = _store.Command("""
            INSERT INTO ad_images(ad, position, path, sha256, phash, dhash, error)
            VALUES ($a, (SELECT COALESCE(MAX(position), -1) + 1 FROM ad_images WHERE ad = $a), NULL, $s, $p, $d, NULL);
            """, tx);
        Bind(insertImage, "$a", "$s", "$p", "$d");
        var done = new HashSet<(long, string)>();
        foreach (var (ad, url, sha, phash, dhash) in pending)
        {
            // Two URLs of one photo (sizes, mirrors) give the ad the hash once.
            if (!done.Add((ad, sha)))
            {
                continue;
            }

            Set(insertMention, ad, EntityId(insertEntity, EntityType.Image, sha), url, PhotoUrlExtractor);
            insertMention.ExecuteNonQuery();
            Set(insertImage, ad, sha, phash, dhash);
            insertImage.ExecuteNonQuery();
        }

        return done.Count;
    }
}
