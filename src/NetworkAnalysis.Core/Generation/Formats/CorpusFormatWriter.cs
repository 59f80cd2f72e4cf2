using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Xml;
using NetworkAnalysis.Core.Ads;

namespace NetworkAnalysis.Core.Generation.Formats;

/// <summary>Writes a generated corpus as saved pages, a WARC crawl (pages and photos), crawl records (CDR JSON Lines) or an .xlsx workbook.</summary>
public static class CorpusFormatWriter
{
    /// <summary>Saved pages, one file per capture: <c>pages/SITE/ID.html</c>, a changed re-crawl as <c>ID.recrawl-N.html</c>.</summary>
    /// <returns>The number of files written.</returns>
    public static int WriteHtml(IEnumerable<CorpusPages.Capture> captures, string folder)
    {
        ArgumentNullException.ThrowIfNull(captures);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var count = 0;
        foreach (var c in captures)
        {
            var dir = Path.Combine(folder, "pages", c.Ad.Site);
            Directory.CreateDirectory(dir);
            var key = c.Ad.Site + "/" + c.Ad.Id;
            var n = seen[key] = seen.GetValueOrDefault(key) + 1;
            var name = SafeName(c.Ad.Id) + (n == 1 ? "" : $".recrawl-{n - 1}") + ".html";
            File.WriteAllText(Path.Combine(dir, name), c.Html, new UTF8Encoding(false));
            count++;
        }

        return count;
    }

    /// <summary>A WARC file (gzip, one member per record, when the name ends in .gz): a warcinfo record, a response per page
    /// capture (a revisit record when the page is identical to an earlier capture), then a response per photo.</summary>
    public static void WriteWarc(IEnumerable<CorpusPages.Capture> captures, string path)
    {
        ArgumentNullException.ThrowIfNull(captures);
        ArgumentNullException.ThrowIfNull(path);
        var gzip = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        using var output = File.Create(path);
        var id = 0;
        string NextId() => $"<urn:uuid:00000000-0000-4000-8000-{++id:D12}>";
        void Write(string type, string? uri, DateTimeOffset date, string contentType, byte[] block, string? extra = null)
        {
            var head = new StringBuilder();
            head.Append("WARC/1.0\r\nWARC-Type: ").Append(type).Append("\r\nWARC-Record-ID: ").Append(NextId()).Append("\r\nWARC-Date: ")
                .Append(date.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append("\r\n");
            if (uri is not null)
            {
                head.Append("WARC-Target-URI: ").Append(uri).Append("\r\n");
            }

            head.Append(extra).Append("Content-Type: ").Append(contentType).Append("\r\nContent-Length: ")
                .Append(block.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n\r\n");
            var record = (byte[])[.. Encoding.UTF8.GetBytes(head.ToString()), .. block, .. "\r\n\r\n"u8];
            if (gzip)
            {
                using var member = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true);
                member.Write(record);
            }
            else
            {
                output.Write(record);
            }
        }

        Write("warcinfo", null, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), "application/warc-fields",
            "software: netan generate (synthetic corpus, fictional identifiers)\r\nformat: WARC File Format 1.0\r\n"u8.ToArray());
        var pageDigests = new Dictionary<string, (string Uri, string Date)>(StringComparer.Ordinal);
        var photos = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in captures)
        {
            var body = Encoding.UTF8.GetBytes(c.Html);
#pragma warning disable CA5350 // WARC payload digests are SHA-1 by convention (a content fingerprint, not security)
            var digest = "sha1:" + Base32(SHA1.HashData(body));
#pragma warning restore CA5350
            var date = c.CapturedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            if (pageDigests.TryGetValue(digest, out var original) && original.Uri == c.Url)
            {
                var header = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n");
                Write("revisit", c.Url, c.CapturedAt, "application/http; msgtype=response", header,
                    $"WARC-Payload-Digest: {digest}\r\nWARC-Profile: http://netpreserve.org/warc/1.0/revisit/identical-payload-digest\r\nWARC-Refers-To-Target-URI: {original.Uri}\r\nWARC-Refers-To-Date: {original.Date}\r\n");
                continue;
            }

            pageDigests.TryAdd(digest, (c.Url, date));
            Write("response", c.Url, c.CapturedAt, "application/http; msgtype=response", Http("text/html; charset=utf-8", body),
                $"WARC-Payload-Digest: {digest}\r\n");
            foreach (var (url, sha) in c.Photos)
            {
                photos.TryAdd(url, sha);
            }
        }

        foreach (var (url, sha) in photos)
        {
            Write("response", url, new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), "application/http; msgtype=response", Http("image/png", CorpusPages.PhotoBytes(sha)));
        }
    }

    /// <summary>Crawl records (DARPA Memex CDR): one JSON object per capture with url, timestamp (ms), raw_content, content_type.</summary>
    public static void WriteCrawlRecords(IEnumerable<CorpusPages.Capture> captures, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(captures);
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var c in captures)
        {
            writer.Write(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["_id"] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(c.Url + "@" + c.CapturedAt.ToUnixTimeMilliseconds()))),
                ["url"] = c.Url,
                ["timestamp"] = c.CapturedAt.ToUnixTimeMilliseconds(),
                ["content_type"] = "text/html; charset=utf-8",
                ["crawler"] = "netan-generate",
                ["team"] = "synthetic",
                ["version"] = 2.0,
                ["raw_content"] = c.Html,
            }));
            writer.Write('\n');
        }
    }

    /// <summary>An .xlsx workbook with one sheet, a header row and one row per ad, in the documented input columns.</summary>
    public static void WriteXlsx(IEnumerable<GeneratedAd> corpus, string path)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        string[] header = [.. AdFields.All.Where(f => f != AdFields.Images)];
        var rows = new List<string?[]> { header };
        foreach (var g in corpus)
        {
            var a = g.Ad;
            rows.Add([a.Id, a.Site, a.PostedAt?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), a.City, a.Region, a.Country, a.Title, a.Body, a.Poster,
                a.ImageHashes.Count == 0 ? null : string.Join(';', a.ImageHashes), a.Price?.ToString(CultureInfo.InvariantCulture), a.Age?.ToString(CultureInfo.InvariantCulture)]);
        }

        XlsxWriter.Write(path, "ads", rows);
    }

    private static byte[] Http(string contentType, byte[] body) =>
        [.. Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: {contentType}\r\nContent-Length: {body.Length}\r\n\r\n"), .. body];

    private static string SafeName(string id)
    {
        var sb = new StringBuilder();
        foreach (var ch in id)
        {
            sb.Append(char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' ? ch : '_');
        }

        return sb.ToString();
    }

    private static string Base32(byte[] data)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var sb = new StringBuilder();
        int buffer = 0, bits = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                sb.Append(alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            sb.Append(alphabet[(buffer << (5 - bits)) & 31]);
        }

        return sb.ToString();
    }
}
