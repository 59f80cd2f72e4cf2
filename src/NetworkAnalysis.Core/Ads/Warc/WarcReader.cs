using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace NetworkAnalysis.Core.Ads.Warc;

/// <summary>Reads WARC files (ISO 28500, plain or gzip with one member per record) record by record, streaming.</summary>
/// <remarks>
/// A damaged record is reported with its byte offset and the reader finds the next record header, so one bad record
/// costs that record only: a wrong Content-Length, junk between records, a record cut mid-body or a truncated gzip
/// member each give one <see cref="WarcReadError"/>, and every intact record before and after is returned. Revisit
/// records are resolved against the records already read (WARC-Refers-To, then WARC-Refers-To-Target-URI with
/// WARC-Refers-To-Date, then the payload digest) and carry what they repeat in <see cref="WarcRecord.Original"/>.
/// </remarks>
public sealed class WarcReader
{
    private static readonly byte[] Marker = "\nWARC/"u8.ToArray();
    private readonly WarcReaderOptions _options;

    /// <summary>Creates a reader.</summary>
    public WarcReader(WarcReaderOptions? options = null) => _options = options ?? new WarcReaderOptions();

    /// <summary>Whether the bytes start like a WARC file: <c>WARC/</c>, or a gzip member (checked by the caller further).</summary>
    public static bool LooksLikeWarc(ReadOnlySpan<byte> head) => head.StartsWith("WARC/"u8);

    /// <summary>Whether the bytes start a gzip member.</summary>
    public static bool IsGzip(ReadOnlySpan<byte> head) => head.Length >= 2 && head[0] == 0x1f && head[1] == 0x8b;

    /// <summary>Removes the angle brackets wget writes around WARC-Target-URI, and surrounding spaces.</summary>
    public static string CleanUri(string uri)
    {
        var u = uri.Trim();
        return u.Length >= 2 && u[0] == '<' && u[^1] == '>' ? u[1..^1].Trim() : u;
    }

    /// <summary>Reads every record of a file.</summary>
    /// <param name="stream">The file's bytes; gzip is detected from the first two bytes (the stream must be seekable for that, or already decompressed).</param>
    /// <param name="fileName">Name used in errors.</param>
    public IEnumerable<WarcItem> Read(Stream stream, string fileName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var compressed = false;
        if (stream.CanSeek)
        {
            var start = stream.Position;
            Span<byte> head = stackalloc byte[2];
            var n = stream.ReadAtLeast(head, 2, throwOnEndOfStream: false);
            stream.Position = start;
            compressed = IsGzip(head[..n]);
        }

        // GZipStream reads concatenated members (one per record) as one stream; a member cut short or corrupt surfaces as
        // InvalidDataException or a record cut short, both reported at the decompressed offset of the record.
        var input = compressed ? new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true) : stream;
        try
        {
            foreach (var item in ReadRecords(new ByteSource(input), fileName, compressed))
            {
                yield return item;
            }
        }
        finally
        {
            if (compressed)
            {
                input.Dispose();
            }
        }
    }

    private IEnumerable<WarcItem> ReadRecords(ByteSource src, string file, bool compressed)
    {
        var byId = new Dictionary<string, WarcRecordRef>(StringComparer.Ordinal);
        var byUriDate = new Dictionary<(string, string), WarcRecordRef>();
        var byDigest = new Dictionary<string, WarcRecordRef>(StringComparer.Ordinal);
        var number = 0;
        WarcReadError Error(long at, string message) => new(file, at, compressed, message);

        while (true)
        {
            // Blank lines between records (the CRLF CRLF ending each record, or extra ones some writers add).
            while (src.Peek() is '\r' or '\n')
            {
                src.Skip(1);
            }

            if (src.AtEnd)
            {
                if (src.StreamError is { } broken)
                {
                    yield return new WarcItem(null, Error(src.Position, $"the gzip data is damaged ({broken}); nothing after this point can be read"));
                }

                yield break;
            }

            var recordStart = src.Position;
            var first = src.ReadLine(_options.MaxHeaderBytes, out _)!;
            if (!first.AsSpan().StartsWith("WARC/"u8))
            {
                var skipped = SkipToNextRecord(src);
                yield return new WarcItem(null, Error(recordStart,
                    $"expected a record header ('WARC/1.0'), found '{Printable(first)}'; skipped {first.Length + skipped:N0} bytes to the next record"));
                continue;
            }

            number++;
            var version = Encoding.ASCII.GetString(first).Trim();
            var fields = new List<KeyValuePair<string, string>>();
            string? headerProblem = null;
            var headerBytes = 0;
            while (true)
            {
                var line = src.ReadLine(_options.MaxHeaderBytes, out var tooLong);
                if (line is null)
                {
                    headerProblem = "the file ends inside the record's header";
                    break;
                }

                headerBytes += line.Length;
                if (tooLong || headerBytes > _options.MaxHeaderBytes)
                {
                    headerProblem = $"the header is longer than {_options.MaxHeaderBytes:N0} bytes";
                    break;
                }

                if (line.Length == 0)
                {
                    break;
                }

                var text = Encoding.UTF8.GetString(line);
                if ((text[0] == ' ' || text[0] == '\t') && fields.Count > 0)
                {
                    // A continuation line (folded header).
                    fields[^1] = new(fields[^1].Key, fields[^1].Value + " " + text.Trim());
                    continue;
                }

                var colon = text.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0)
                {
                    headerProblem = $"header line '{Printable(line)}' has no ':'";
                    break;
                }

                fields.Add(new(text[..colon].Trim(), text[(colon + 1)..].Trim()));
            }

            if (headerProblem is not null)
            {
                if (src.AtEnd)
                {
                    yield return new WarcItem(null, Error(recordStart, $"record {number}: {headerProblem}"));
                    continue;
                }

                var skipped = SkipToNextRecord(src);
                yield return new WarcItem(null, Error(recordStart, $"record {number}: {headerProblem}; skipped {skipped:N0} bytes to the next record"));
                continue;
            }

            var lengthText = fields.FirstOrDefault(f => f.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Value;
            if (!long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            {
                var skipped = SkipToNextRecord(src);
                yield return new WarcItem(null, Error(recordStart,
                    $"record {number}: Content-Length '{lengthText ?? "(missing)"}' is not a byte count; skipped {skipped:N0} bytes to the next record"));
                continue;
            }

            if (length > _options.MaxRecordBytes)
            {
                var skippedBody = src.Skip(length);
                yield return new WarcItem(null, Error(recordStart, skippedBody < length
                    ? $"record {number}: cut mid-body: Content-Length {length:N0} but the file ends after {skippedBody:N0} bytes"
                    : $"record {number}: {length:N0} bytes, over the limit of {_options.MaxRecordBytes:N0}; skipped"));
                continue;
            }

            var bodyStart = src.Position;
            var block = new byte[length];
            var got = src.ReadBlock(block);
            var marker = IndexOfRecordStart(block.AsSpan(0, got));
            if (got < length)
            {
                // Cut short: either the file ends mid-record, or Content-Length is too large and the next record is inside.
                if (marker >= 0)
                {
                    src.Unread(block.AsSpan(marker + 1, got - marker - 1));
                    yield return new WarcItem(null, Error(recordStart,
                        $"record {number}: Content-Length {length:N0} is wrong: the next record starts {marker + 1:N0} bytes into the content; record skipped"));
                    continue;
                }

                var why = src.StreamError is { } broken ? $" (gzip: {broken})" : "";
                yield return new WarcItem(null, Error(recordStart,
                    $"record {number}: cut mid-body: Content-Length {length:N0} but the file ends after {got:N0} bytes{why}"));
                continue;
            }

            // The block must be followed by CR LF CR LF.
            var trailer = new byte[4];
            var trailerGot = src.ReadBlock(trailer);
            var span = trailer.AsSpan(0, trailerGot);
            var trailerOk = true;
            if (span.SequenceEqual("\r\n\r\n"u8) || trailerGot == 0 || (trailerGot == 2 && span.SequenceEqual("\r\n"u8)))
            {
                // As the standard says, or the last record of a file whose final CR LF is missing.
            }
            else if (span.StartsWith("\n\n"u8) || span.StartsWith("WARC"u8))
            {
                // LF-only line ends, or no blank lines at all before the next record: the length was right, keep the record.
                src.Unread(span.StartsWith("\n\n"u8) ? span[2..] : span);
            }
            else
            {
                src.Unread(span);
                trailerOk = OnlyLineEndsBeforeNextRecord(src);
                if (!trailerOk)
                {
                    span = [];
                }
            }

            if (!trailerOk)
            {
                src.Unread(span);
                if (marker >= 0)
                {
                    // Content-Length too large: the next record begins inside this one's content.
                    src.Unread(block.AsSpan(marker + 1));
                    yield return new WarcItem(null, Error(recordStart,
                        $"record {number}: Content-Length {length:N0} is wrong: the next record starts {marker + 1:N0} bytes into the content; record skipped"));
                    continue;
                }

                var skipped = SkipToNextRecord(src);
                yield return new WarcItem(null, Error(recordStart,
                    $"record {number}: Content-Length {length:N0} is wrong: the content does not end at byte {bodyStart + length:D} (no CR LF CR LF there); record skipped, {skipped:N0} bytes skipped to the next record"));
                continue;
            }

            var record = new WarcRecord { Version = version, Fields = fields, Block = block, Offset = recordStart, Number = number };
            if (record.Type == "revisit")
            {
                record = new WarcRecord
                {
                    Version = version, Fields = fields, Block = block, Offset = recordStart, Number = number,
                    Original = Resolve(record, byId, byUriDate, byDigest),
                };
            }
            else if (record.Type is "response" or "resource")
            {
                var reference = record.ToRef();
                if (reference.RecordId is { } id)
                {
                    byId[id] = reference;
                }

                if (reference.TargetUri is { } uri && reference.Date is { } date)
                {
                    byUriDate[(uri, date)] = reference;
                }

                if (reference.PayloadDigest is { } digest)
                {
                    byDigest[digest] = reference;
                }
            }

            yield return new WarcItem(record, null);
        }
    }

    private static WarcRecordRef? Resolve(WarcRecord revisit, Dictionary<string, WarcRecordRef> byId,
        Dictionary<(string, string), WarcRecordRef> byUriDate, Dictionary<string, WarcRecordRef> byDigest)
    {
        if (revisit.Get("WARC-Refers-To") is { } id && byId.TryGetValue(id.Trim(), out var found))
        {
            return found;
        }

        if (revisit.Get("WARC-Refers-To-Target-URI") is { } uri && revisit.Get("WARC-Refers-To-Date") is { } date
            && byUriDate.TryGetValue((CleanUri(uri), date.Trim()), out found))
        {
            return found;
        }

        return revisit.PayloadDigest is { } digest && byDigest.TryGetValue(digest, out found) ? found : null;
    }

    /// <summary>
    /// Whether only CR/LF bytes (at most 8) stand between here and the next <c>WARC/</c> line; if so they are consumed.
    /// Some writers count a final line end into the content or not: the record is intact, so it is kept.
    /// </summary>
    private static bool OnlyLineEndsBeforeNextRecord(ByteSource src)
    {
        var look = new byte[13];
        var n = src.ReadBlock(look);
        var i = 0;
        while (i < n && i < 8 && look[i] is (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        var ok = i > 0 && (look.AsSpan(i, n - i).StartsWith("WARC/"u8) || i == n);
        src.Unread(look.AsSpan(ok ? i : 0, ok ? n - i : n));
        return ok;
    }

    /// <summary>Index of the LF before a <c>WARC/</c> line inside <paramref name="block"/>, or -1.</summary>
    private static int IndexOfRecordStart(ReadOnlySpan<byte> block)
    {
        var from = 0;
        while (true)
        {
            var i = block[from..].IndexOf(Marker);
            if (i < 0)
            {
                return -1;
            }

            i += from;
            // A record starts after a blank line: "\r\n\r\nWARC/" or "\n\nWARC/".
            if (i >= 1 && (block[i - 1] == '\n' || (i >= 2 && block[i - 1] == '\r' && block[i - 2] == '\n')))
            {
                return i;
            }

            from = i + 1;
        }
    }

    /// <summary>Consumes lines until one starts with <c>WARC/</c> (left unread); returns the bytes skipped.</summary>
    private long SkipToNextRecord(ByteSource src)
    {
        long skipped = 0;
        while (true)
        {
            var before = src.Position;
            var line = src.ReadLine(64, out _);
            if (line is null)
            {
                return skipped;
            }

            if (line.AsSpan().StartsWith("WARC/"u8) && line.Length < 16)
            {
                var consumed = src.Position - before;
                // Put the line back exactly as it was (with its ending).
                var back = new byte[consumed];
                line.CopyTo(back, 0);
                if (consumed - line.Length == 2)
                {
                    back[^2] = (byte)'\r';
                }

                if (consumed > line.Length)
                {
                    back[^1] = (byte)'\n';
                }

                src.Unread(back);
                return skipped;
            }

            skipped += src.Position - before;
        }
    }

    private static string Printable(byte[] line)
    {
        var text = Encoding.UTF8.GetString(line, 0, Math.Min(line.Length, 40));
        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            clean.Append(char.IsControl(c) || char.IsSurrogate(c) ? '?' : c);
        }

        return clean + (line.Length > 40 ? "…" : "");
    }
}
