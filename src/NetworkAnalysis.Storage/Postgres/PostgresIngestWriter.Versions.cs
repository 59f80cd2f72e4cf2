using System.Globalization;
using System.Text;
using NpgsqlTypes;
using NetworkAnalysis.Core.Ads;
using NetworkAnalysis.Core.Extraction;

namespace NetworkAnalysis.Storage.Postgres;

public sealed partial class PostgresIngestWriter
{
    /// <summary>What a batch's re-crawls added: versions, and the mentions of identifiers first seen in them.</summary>
    private readonly record struct VersionCounts(long Versions, long Mentions);

    /// <summary>One ad a batch re-crawled, as the case holds it when the batch's versions are decided.</summary>
    private sealed class RecrawledAd
    {
        public required long Id { get; init; }
        public required string BaseHash { get; init; }
        public HashSet<string> Contents { get; } = new(StringComparer.Ordinal);
        public long LastVersion { get; set; }
        public HashSet<(string Type, string Value)> Known { get; } = [];
        public HashSet<string> KnownSha { get; } = new(StringComparer.Ordinal);
        public HashSet<long> KnownPHash { get; } = [];
        public long LastPosition { get; set; } = -1;
    }

    /// <summary>Stores the batch's captures of ads already in the case (<paramref name="recrawls"/>, batch positions in file order)
    /// as a case file's ingest does (<c>CaseIngestor.AddVersion</c>): content that differs from the first capture and from every
    /// version becomes the ad's next version (1, 2, …), with mentions (no span, extractor <c>vN:</c>) of the identifiers the ad did
    /// not have and <c>ad_images</c> rows of the photos it did not have; identical content adds nothing.</summary>
    /// <remarks>In the batch's transaction. The re-crawled ads' rows are locked first (<c>FOR NO KEY UPDATE</c>, in ID order), so two
    /// workers giving the same ad a version take turns: the second reads the first's committed versions once it has the lock, and
    /// version numbers stay unique and gapless (the primary key (ad, version) would refuse a repeat anyway). All captures of one ad
    /// in one file fall in one shard and are read in file order, so a file's versions are numbered as a case file numbers them,
    /// whatever the shard count.</remarks>
    private VersionCounts AddVersions(long sourceId, List<int> recrawls, List<(AdReadItem Item, long Index)> batch, CaseIngestor.Extracted?[] extracted)
    {
        var ads = LoadRecrawledAds(recrawls.Select(i => batch[i].Item.Ad!.Key).Distinct(StringComparer.Ordinal).ToArray());
        if (ads.Count == 0)
        {
            return default;
        }

        var versionRows = new List<(RecrawledAd Ad, long Version, Ad Capture, CaseIngestor.Extracted X, string Hash, string? Images, string? Hashes)>();
        var mentions = new List<(long Ad, string Type, string Value, string Raw, string Extractor, double Confidence)>();
        var images = new List<(long Ad, long Position, CaseIngestor.AdImage Image)>();
        foreach (var i in recrawls)
        {
            var capture = batch[i].Item.Ad!;
            if (!ads.TryGetValue(capture.Key, out var ad))
            {
                continue;
            }

            var x = extracted[i]!;
            var joinedImages = capture.Images.Count == 0 ? null : string.Join(';', capture.Images);
            var joinedHashes = capture.ImageHashes.Count == 0 ? null : string.Join(';', capture.ImageHashes);
            var urls = capture.ImageUrls.Count == 0 ? null : string.Join(';', capture.ImageUrls);
            var hash = CaseIngestor.ContentHash(capture.Title, capture.Body, capture.Poster, capture.City, capture.Region,
                capture.Price is { } p ? (double)p : null, capture.Age, joinedImages, joinedHashes, urls);
            if (hash == ad.BaseHash || !ad.Contents.Add(hash))
            {
                continue; // content seen before: a duplicate
            }

            var version = ++ad.LastVersion;
            versionRows.Add((ad, version, capture, x, hash, joinedImages, joinedHashes));
            foreach (var m in x.Entities)
            {
                var type = m.Type.ToName();
                if (ad.Known.Add((type, m.Value)))
                {
                    // Spans index ads.text (the first capture); a version's identifier has none and names its version instead.
                    mentions.Add((ad.Id, type, m.Value, m.Raw, $"v{version.ToString(CultureInfo.InvariantCulture)}:{m.Extractor}", m.Confidence));
                }
            }

            foreach (var img in x.Images)
            {
                long? phash = img.PHash is { } ph ? unchecked((long)ph) : null;
                var seen = (img.Sha256 is { } sha && !ad.KnownSha.Add(sha)) | (phash is { } h && !ad.KnownPHash.Add(h));
                if (img.Error is null && (img.Sha256 is not null || phash is not null) && !seen)
                {
                    images.Add((ad.Id, ++ad.LastPosition, img));
                }
            }
        }

        if (versionRows.Count == 0)
        {
            return default;
        }

        using (var copy = _connection.BeginBinaryImport($"""
            COPY {_s}.ad_versions (ad, version, source_id, line, seen_at, content_sha256, title, body, text, poster, city, region, price, age, images,
                                   image_hashes, attributes, raw) FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var (ad, version, capture, x, hash, joinedImages, joinedHashes) in versionRows)
            {
                var line = capture.Line;
                copy.StartRow();
                copy.Write(ad.Id, NpgsqlDbType.Bigint);
                copy.Write(version, NpgsqlDbType.Bigint);
                copy.Write(sourceId, NpgsqlDbType.Bigint);
                copy.Write((long)line, NpgsqlDbType.Bigint);
                Text(copy, capture.Attributes.GetValueOrDefault("crawled_at"), _path, line);
                copy.Write(hash, NpgsqlDbType.Text);
                Text(copy, capture.Title, _path, line);
                Text(copy, capture.Body, _path, line);
                Text(copy, capture.Text, _path, line);
                Text(copy, capture.Poster, _path, line);
                Text(copy, capture.City, _path, line);
                Text(copy, capture.Region, _path, line);
                Nullable(copy, capture.Price is { } price ? (double?)(double)price : null, NpgsqlDbType.Double);
                Nullable(copy, capture.Age is { } age ? (long?)age : null, NpgsqlDbType.Bigint);
                Text(copy, joinedImages, _path, line);
                Text(copy, joinedHashes, _path, line);
                Text(copy, x.Row.Attributes, _path, line);
                Text(copy, capture.RawRow, _path, line);
            }

            copy.Complete();
        }

        if (images.Count > 0)
        {
            using var copy = _connection.BeginBinaryImport($"COPY {_s}.ad_images (ad, position, path, sha256, phash, dhash, error) FROM STDIN (FORMAT BINARY)");
            foreach (var (ad, position, img) in images)
            {
                copy.StartRow();
                copy.Write(ad, NpgsqlDbType.Bigint);
                copy.Write(position, NpgsqlDbType.Bigint);
                Text(copy, img.Path, _path, 0);
                Text(copy, img.Sha256, _path, 0);
                Nullable(copy, img.PHash is { } ph ? unchecked((long?)(long)ph) : null, NpgsqlDbType.Bigint);
                Nullable(copy, img.DHash is { } dh ? unchecked((long?)(long)dh) : null, NpgsqlDbType.Bigint);
                copy.WriteNull();
            }

            copy.Complete();
        }

        InsertMentions(mentions);
        var phone = EntityType.Phone.ToName();
        StorePhoneDetails([.. mentions.Where(m => m.Type == phone).Select(m => m.Value).Distinct(StringComparer.Ordinal)]);
        return new VersionCounts(versionRows.Count, mentions.Count);
    }

    /// <summary>The ads of <paramref name="keys"/> with what their versions are compared with, their rows locked in ID order.</summary>
    private Dictionary<string, RecrawledAd> LoadRecrawledAds(string[] keys)
    {
        var ads = new Dictionary<string, RecrawledAd>(StringComparer.Ordinal);
        var byId = new Dictionary<long, RecrawledAd>();
        using (var cmd = Command($"""
            SELECT id, ad_key, title, body, poster, city, region, price, age, images, image_hashes, attributes
            FROM {_s}.ads WHERE ad_key = ANY(@k) ORDER BY id FOR NO KEY UPDATE;
            """))
        {
            cmd.Parameters.AddWithValue("k", keys);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
                var ad = new RecrawledAd
                {
                    Id = r.GetInt64(0),
                    BaseHash = CaseIngestor.ContentHash(S(2), S(3), S(4), S(5), S(6), r.IsDBNull(7) ? null : r.GetDouble(7),
                        r.IsDBNull(8) ? null : checked((int)r.GetInt64(8)), S(9), S(10), CaseIngestor.ImageUrlsOf(S(11))),
                };
                ads[r.GetString(1)] = ad;
                byId[ad.Id] = ad;
            }
        }

        if (ads.Count == 0)
        {
            return ads;
        }

        var ids = byId.Keys.ToArray();
        using (var cmd = Command($"SELECT ad, version, content_sha256 FROM {_s}.ad_versions WHERE ad = ANY(@a);"))
        {
            cmd.Parameters.AddWithValue("a", ids);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var ad = byId[r.GetInt64(0)];
                ad.LastVersion = Math.Max(ad.LastVersion, r.GetInt64(1));
                ad.Contents.Add(r.GetString(2));
            }
        }

        using (var cmd = Command($"SELECT DISTINCT m.ad, e.type, e.value FROM {_s}.mentions m JOIN {_s}.entities e ON e.id = m.entity WHERE m.ad = ANY(@a);"))
        {
            cmd.Parameters.AddWithValue("a", ids);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                byId[r.GetInt64(0)].Known.Add((r.GetString(1), r.GetString(2)));
            }
        }

        using (var cmd = Command($"SELECT ad, position, sha256, phash FROM {_s}.ad_images WHERE ad = ANY(@a);"))
        {
            cmd.Parameters.AddWithValue("a", ids);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var ad = byId[r.GetInt64(0)];
                ad.LastPosition = Math.Max(ad.LastPosition, r.GetInt64(1));
                if (!r.IsDBNull(2))
                {
                    ad.KnownSha.Add(r.GetString(2));
                }

                if (!r.IsDBNull(3))
                {
                    ad.KnownPHash.Add(r.GetInt64(3));
                }
            }
        }

        return ads;
    }

    /// <summary>Inserts mentions without a span, in the given order, adding their entities (in key order) when new.</summary>
    private void InsertMentions(List<(long Ad, string Type, string Value, string Raw, string Extractor, double Confidence)> mentions)
    {
        if (mentions.Count == 0)
        {
            return;
        }

        foreach (var m in mentions)
        {
            if (m.Value.Contains('\0', StringComparison.Ordinal) || m.Raw.Contains('\0', StringComparison.Ordinal))
            {
                throw new CaseStoreException($"{_path}: a value holds a NUL character, which PostgreSQL text cannot store; remove it from the input");
            }
        }

        using var cmd = Command($"""
            INSERT INTO {_s}.entities(id, type, value)
            SELECT nextval('{Seq("entities")}'), t, v FROM (
                SELECT DISTINCT u.t COLLATE "C" AS t, u.v COLLATE "C" AS v FROM unnest(@t::text[], @v::text[]) AS u(t, v)
                WHERE NOT EXISTS (SELECT 1 FROM {_s}.entities e WHERE e.type = u.t AND e.value = u.v)
                ORDER BY 1, 2) d
            ON CONFLICT DO NOTHING;
            INSERT INTO {_s}.mentions(id, ad, entity, start, "end", raw, extractor, confidence)
            SELECT nextval('{Seq("mentions")}'), ad, entity, NULL, NULL, raw, extractor, confidence FROM (
                SELECT u.a AS ad, e.id AS entity, u.r AS raw, u.x AS extractor, u.c AS confidence
                FROM unnest(@a::bigint[], @t::text[], @v::text[], @r::text[], @x::text[], @c::double precision[]) WITH ORDINALITY AS u(a, t, v, r, x, c, k)
                JOIN {_s}.entities e ON e.type = u.t AND e.value = u.v
                ORDER BY u.k) x;
            """);
        cmd.Parameters.AddWithValue("a", mentions.Select(m => m.Ad).ToArray());
        cmd.Parameters.AddWithValue("t", mentions.Select(m => m.Type).ToArray());
        cmd.Parameters.AddWithValue("v", mentions.Select(m => m.Value).ToArray());
        cmd.Parameters.AddWithValue("r", mentions.Select(m => m.Raw).ToArray());
        cmd.Parameters.AddWithValue("x", mentions.Select(m => m.Extractor).ToArray());
        cmd.Parameters.AddWithValue("c", mentions.Select(m => m.Confidence).ToArray());
        cmd.ExecuteNonQuery();
    }
}
