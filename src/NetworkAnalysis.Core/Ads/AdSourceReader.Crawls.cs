using System.Globalization;
using System.Text;
using System.Text.Json;
using NetworkAnalysis.Core.Ads.Html;
using NetworkAnalysis.Core.Ads.Warc;
using NetworkAnalysis.Core.Imaging;

namespace NetworkAnalysis.Core.Ads;

public sealed partial class AdSourceReader
{
    private IEnumerable<AdReadItem> ReadWarc(Stream stream, string path)
    {
        var warc = new WarcReader();
        var name = Path.GetFileName(path);

        // First pass: hash every image the crawl holds, by canonical URL, so a page can name photos stored after it.
        var photos = _photos;
        photos.Clear();
        if (stream.CanSeek)
        {
            var start = stream.Position;
            foreach (var item in warc.Read(stream, name))
            {
                if (item.Record is { Type: "response" or "resource" } record && record.TargetUri is { } uri
                    && Payload(record, out _) is { } payload && payload.MediaType?.StartsWith("image/", StringComparison.Ordinal) == true
                    && PhotoUrls.Canonical(uri, _html.Profiles.All) is { } canonical && !photos.ContainsKey(canonical))
                {
                    photos[canonical] = ImageHasher.Hash(payload.Body);
                }
            }

            stream.Position = start;
        }

        var ordinal = 0;
        foreach (var item in warc.Read(stream, name))
        {
            ordinal++;
            if (item.Error is { } error)
            {
                yield return new AdReadItem(null, new AdReadError(path, ordinal, null, error.Message)
                {
                    Position = $"at {(error.Compressed ? "decompressed " : "")}byte {error.Offset.ToString(CultureInfo.InvariantCulture)}",
                });
                continue;
            }

            var record = item.Record!;
            if (record.Type == "revisit")
            {
                Count(record.Original is null ? "revisit of a record not in this file" : "revisit (identical re-crawl)");
                continue;
            }

            if (record.Type is not ("response" or "resource"))
            {
                Count(record.Type.Length == 0 ? "record without WARC-Type" : record.Type);
                continue;
            }

            var payload = Payload(record, out var payloadError);
            if (payloadError is not null)
            {
                yield return new AdReadItem(null, new AdReadError(path, ordinal, null, payloadError)
                {
                    Position = $"record {record.Number} at byte {record.Offset.ToString(CultureInfo.InvariantCulture)}",
                });
                continue;
            }

            if (payload is null || payload.MediaType is not ("text/html" or "application/xhtml+xml") || payload.Status is not (0 or 200))
            {
                Count(payload?.MediaType?.StartsWith("image/", StringComparison.Ordinal) == true ? "image" : "not an HTML page");
                continue;
            }

            var seen = DateTimeOffset.TryParse(record.Date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var d) ? d : (DateTimeOffset?)null;
            var html = HtmlText.Decode(payload.Body, HtmlText.CharsetOf(payload.Get("Content-Type")));
            var adItem = PageToAd(html, record.TargetUri, record.TargetUri ?? $"record-{record.Number}", seen, path, ordinal, photos,
                $"record {record.Number} at byte {record.Offset.ToString(CultureInfo.InvariantCulture)}");
            if (adItem is { } found)
            {
                yield return found;
            }
        }
    }

    private static HttpPayload? Payload(WarcRecord record, out string? error)
    {
        error = null;
        if (record.Type == "resource")
        {
            // No HTTP envelope: the block is the document, typed by the record's Content-Type.
            return new HttpPayload { Headers = [new("Content-Type", record.ContentType ?? "")], Body = record.Block };
        }

        return record.ContentType?.StartsWith("application/http", StringComparison.OrdinalIgnoreCase) == true
            ? HttpPayload.Parse(record.Block, 64 * 1024 * 1024, out error)
            : null;
    }

    /// <summary>One page to one ad, or null when a profile says the page is not an ad page (no ad ID on it).</summary>
    private AdReadItem? PageToAd(string html, string? url, string fallbackId, DateTimeOffset? seen, string path, int line,
        Dictionary<string, ImageHashResult> photos, string position)
    {
        var result = _html.Extract(html, url, fallbackId, seen);
        if (result.Ad is null)
        {
            return new AdReadItem(null, new AdReadError(path, line, null, result.Error ?? "no ad on the page") { Position = position });
        }

        if (result.Profile?.AdId is not null && result.Fields.GetValueOrDefault("id") is null)
        {
            Count($"page of {result.Profile.Name} without an ad ID (not an ad page)");
            return null;
        }

        var urls = new List<string>();
        var hashes = new List<string>();
        var seenUrls = new HashSet<string>(StringComparer.Ordinal);
        foreach (var photo in result.Photos)
        {
            if (PhotoUrls.Canonical(photo, _html.Profiles.All) is not { } canonical || !seenUrls.Add(canonical))
            {
                continue;
            }

            if (photos.TryGetValue(canonical, out var hashed))
            {
                // The bytes are at hand: the URL maps to the photo's hash, which is the identifier (one per photo, not two).
                hashes.Add("sha256:" + hashed.Sha256);
                if (hashed.Hashes is { } h)
                {
                    hashes.Add("phash:" + ImageHashHex.Format(h.PHash));
                    hashes.Add("dhash:" + ImageHashHex.Format(h.DHash));
                }
            }
            else
            {
                urls.Add(canonical);
            }
        }

        return new AdReadItem(result.Ad with { ImageUrls = urls, ImageHashes = hashes, Line = line }, null);
    }

    private IEnumerable<AdReadItem> ReadCrawlRecords(Stream stream, string path)
    {
        var lines = new BoundedLineReader(new StreamReader(stream, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true), _options.MaxRowChars + 1);
        var lineNo = 0;
        var noPhotos = new Dictionary<string, ImageHashResult>(StringComparer.Ordinal);
        while (lines.TryRead(out var line, out var length))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (length > _options.MaxRowChars)
            {
                yield return Fail(path, lineNo, $"row is {length:N0} characters, over the limit of {_options.MaxRowChars:N0}");
                continue;
            }

            string? url = null, content = null, contentType = null, timestamp = null, id = null, invalid = null;
            try
            {
                using var doc = JsonDocument.Parse(JsonSurrogates.Repair(line), new JsonDocumentOptions { MaxDepth = 64 });
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    throw new JsonException("expected a JSON object per line");
                }

                url = Text(root, "url");
                content = Text(root, "raw_content");
                contentType = Text(root, "content_type");
                timestamp = root.TryGetProperty("timestamp", out var ts) ? (ts.ValueKind == JsonValueKind.Number ? ts.GetRawText() : ts.GetString()) : null;
                id = Text(root, "_id") ?? Text(root, "doc_id");
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
            {
                invalid = ex.Message;
            }

            if (invalid is not null)
            {
                yield return Fail(path, lineNo, "invalid crawl record: " + invalid);
                continue;
            }

            if (content is null)
            {
                yield return Fail(path, lineNo, "the crawl record has no raw_content");
                continue;
            }

            if (contentType is not null && !contentType.Contains("html", StringComparison.OrdinalIgnoreCase))
            {
                Count("not an HTML page");
                continue;
            }

            var seen = ParseTimestamp(timestamp);
            if (PageToAd(content, url, id ?? url ?? $"line-{lineNo}", seen, path, lineNo, noPhotos, $"line {lineNo}") is { } ad)
            {
                yield return ad.Error is null ? ad : new AdReadItem(null, ad.Error with { Position = null });
            }
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>A crawl timestamp: epoch milliseconds (Memex CDR), epoch seconds, or ISO 8601.</summary>
    private static DateTimeOffset? ParseTimestamp(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch))
        {
            return epoch > 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(epoch) : DateTimeOffset.FromUnixTimeSeconds(epoch);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var d) ? d : null;
    }
}
