using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NetworkAnalysis.Core.Ads;

namespace NetworkAnalysis.Storage;

public sealed partial class CaseIngestor
{
    /// <summary>The attributes stored with an ad: its own, plus the photo URLs it embeds (<c>image_urls</c>), so versions compare them.</summary>
    internal static IReadOnlyDictionary<string, string> StoredAttributes(Ad ad)
    {
        if (ad.ImageUrls.Count == 0)
        {
            return ad.Attributes;
        }

        var copy = new SortedDictionary<string, string>(ad.Attributes.ToDictionary(), StringComparer.Ordinal)
        {
            ["image_urls"] = string.Join(';', ad.ImageUrls),
        };
        return copy;
    }

    /// <summary>The content that makes two captures of an ad different versions (not when or where it was captured).</summary>
    internal static string ContentHash(string? title, string? body, string? poster, string? city, string? region, double? price, int? age,
        string? images, string? imageHashes, string? imageUrls)
    {
        var joined = string.Join('\u001f', title, body, poster, city, region,
            price?.ToString("R", CultureInfo.InvariantCulture), age?.ToString(CultureInfo.InvariantCulture), images, imageHashes, imageUrls);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(joined)));
    }

    internal static string? ImageUrlsOf(string? attributesJson)
    {
        if (attributesJson is null)
        {
            return null;
        }

        using var doc = JsonDocument.Parse(attributesJson);
        return doc.RootElement.TryGetProperty("image_urls", out var urls) ? urls.GetString() : null;
    }

    /// <summary>Stores a re-crawl whose content differs from every earlier capture as the ad's next version and adds the
    /// mentions of identifiers the ad did not have yet; returns how many, or null when the content was seen before. The stored ad
    /// is <paramref name="storedAd"/> when the writer knows its row ID (its key index dropped during a bulk ingest, #21), else
    /// found by its key.</summary>
    private long? AddVersion(SqliteTransaction tx, CaseRowWriter rows, long sourceId, Ad ad, Extracted extracted, System.Data.Common.DbCommand insertMention, long? storedAd = null)
    {
        long adRowId;
        string baseHash;
        using (var find = _store.Command(
            $"SELECT id, title, body, poster, city, region, price, age, images, image_hashes, attributes FROM ads WHERE {(storedAd is null ? "ad_key = $k" : "id = $k")};", tx))
        {
            find.Parameters.AddWithValue("$k", storedAd is { } id ? (object)id : ad.Key);
            using var r = find.ExecuteReader();
            if (!r.Read())
            {
                return null;
            }

            string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            adRowId = r.GetInt64(0);
            baseHash = ContentHash(S(1), S(2), S(3), S(4), S(5), r.IsDBNull(6) ? null : r.GetDouble(6), r.IsDBNull(7) ? null : r.GetInt32(7),
                S(8), S(9), ImageUrlsOf(S(10)));
        }

        var images = ad.Images.Count == 0 ? null : string.Join(';', ad.Images);
        var hashes = ad.ImageHashes.Count == 0 ? null : string.Join(';', ad.ImageHashes);
        var urls = ad.ImageUrls.Count == 0 ? null : string.Join(';', ad.ImageUrls);
        var hash = ContentHash(ad.Title, ad.Body, ad.Poster, ad.City, ad.Region, ad.Price is { } p ? (double)p : null, ad.Age, images, hashes, urls);
        if (hash == baseHash)
        {
            return null;
        }

        long version;
        using (var insert = _store.Command("""
            INSERT OR IGNORE INTO ad_versions(ad, version, source_id, line, seen_at, content_sha256, title, body, text, poster, city, region,
                                              price, age, images, image_hashes, attributes, raw)
            VALUES ($ad, (SELECT COALESCE(MAX(version), 0) + 1 FROM ad_versions WHERE ad = $ad), $src, $line, $seen, $sha, $title, $body, $text,
                    $poster, $city, $region, $price, $age, $images, $hashes, $attrs, $raw)
            RETURNING version;
            """, tx))
        {
            insert.Parameters.AddWithValue("$ad", adRowId);
            insert.Parameters.AddWithValue("$src", sourceId);
            insert.Parameters.AddWithValue("$line", ad.Line);
            insert.Parameters.AddWithValue("$seen", Db(ad.Attributes.GetValueOrDefault("crawled_at")));
            insert.Parameters.AddWithValue("$sha", hash);
            insert.Parameters.AddWithValue("$title", Db(ad.Title));
            insert.Parameters.AddWithValue("$body", Db(ad.Body));
            insert.Parameters.AddWithValue("$text", ad.Text);
            insert.Parameters.AddWithValue("$poster", Db(ad.Poster));
            insert.Parameters.AddWithValue("$city", Db(ad.City));
            insert.Parameters.AddWithValue("$region", Db(ad.Region));
            insert.Parameters.AddWithValue("$price", ad.Price is { } price ? (double)price : DBNull.Value);
            insert.Parameters.AddWithValue("$age", ad.Age is { } age ? age : DBNull.Value);
            insert.Parameters.AddWithValue("$images", Db(images));
            insert.Parameters.AddWithValue("$hashes", Db(hashes));
            insert.Parameters.AddWithValue("$attrs", Db(AttributesJson(StoredAttributes(ad))));
            insert.Parameters.AddWithValue("$raw", ad.RawRow);
            var result = insert.ExecuteScalar();
            if (result is null)
            {
                return null; // this content is already a version of the ad
            }

            version = Convert.ToInt64(result, CultureInfo.InvariantCulture);
        }

        var known = new HashSet<long>();
        using (var existing = _store.Command("SELECT DISTINCT entity FROM mentions WHERE ad = $a;", tx))
        {
            existing.Parameters.AddWithValue("$a", adRowId);
            using var r = existing.ExecuteReader();
            while (r.Read())
            {
                known.Add(r.GetInt64(0));
            }
        }

        long added = 0;
        foreach (var m in extracted.Entities)
        {
            var entityId = EntityId(rows, m.Type, m.Value);
            if (!known.Add(entityId))
            {
                continue;
            }

            // Spans index ads.text (the first capture); a version's identifier has none and names its version instead.
            Set(insertMention, adRowId, entityId, DBNull.Value, DBNull.Value, m.Raw, $"v{version}:{m.Extractor}", m.Confidence);
            insertMention.ExecuteNonQuery();
            added++;
        }

        AddVersionImages(tx, adRowId, extracted.Images);
        return added;
    }

    /// <summary>A version's photos that the ad's earlier captures did not have join its <c>ad_images</c> (after them), so their
    /// pHashes find near-duplicates as the first capture's do; errors stay with the first capture's line.</summary>
    private void AddVersionImages(SqliteTransaction tx, long adRowId, List<AdImage> images)
    {
        if (images.Count == 0)
        {
            return;
        }

        var knownSha = new HashSet<string>(StringComparer.Ordinal);
        var knownPHash = new HashSet<long>();
        using (var existing = _store.Command("SELECT sha256, phash FROM ad_images WHERE ad = $a;", tx))
        {
            existing.Parameters.AddWithValue("$a", adRowId);
            using var r = existing.ExecuteReader();
            while (r.Read())
            {
                if (!r.IsDBNull(0))
                {
                    knownSha.Add(r.GetString(0));
                }

                if (!r.IsDBNull(1))
                {
                    knownPHash.Add(r.GetInt64(1));
                }
            }
        }

        using var insert = _store.Command("""
            INSERT INTO ad_images(ad, position, path, sha256, phash, dhash, error)
            VALUES ($a, (SELECT COALESCE(MAX(position), -1) + 1 FROM ad_images WHERE ad = $a), $p, $s, $ph, $dh, NULL);
            """, tx);
        Bind(insert, "$a", "$p", "$s", "$ph", "$dh");
        foreach (var img in images)
        {
            long? phash = img.PHash is { } ph ? unchecked((long)ph) : null;
            var seen = (img.Sha256 is { } sha && !knownSha.Add(sha)) | (phash is { } p && !knownPHash.Add(p));
            if (img.Error is not null || (img.Sha256 is null && phash is null) || seen)
            {
                continue;
            }

            Set(insert, adRowId, Db(img.Path), Db(img.Sha256), phash is { } value ? value : DBNull.Value,
                img.DHash is { } dh ? unchecked((long)dh) : DBNull.Value);
            insert.ExecuteNonQuery();
        }
    }
}
