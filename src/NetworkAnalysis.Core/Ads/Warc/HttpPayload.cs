using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace NetworkAnalysis.Core.Ads.Warc;

/// <summary>The HTTP message inside a WARC response or request record: status, headers and the decoded body.</summary>
/// <remarks>
/// The body is de-chunked (Transfer-Encoding: chunked) and decompressed (Content-Encoding gzip, deflate, br) up to a
/// limit, so a compression bomb costs nothing. Chunking that lies (sizes that do not fit the data) falls back to the
/// body as sent, with <see cref="Warning"/> saying so, as browsers and warcio do.
/// </remarks>
public sealed class HttpPayload
{
    /// <summary>The status code of a response; 0 for a request.</summary>
    public int Status { get; init; }

    /// <summary>The start line (<c>HTTP/1.1 200 OK</c>, <c>GET / HTTP/1.1</c>).</summary>
    public string StartLine { get; init; } = "";

    /// <summary>Headers in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The body after de-chunking and decompression.</summary>
    public byte[] Body { get; init; } = [];

    /// <summary>Something odd but recovered (lying chunk sizes, unknown content encoding).</summary>
    public string? Warning { get; init; }

    /// <summary>The first header of that name (case-insensitive), or null.</summary>
    public string? Get(string name)
    {
        foreach (var (key, value) in Headers)
        {
            if (key.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The media type of the body without parameters, lower case (<c>text/html</c>), or null.</summary>
    public string? MediaType => Get("Content-Type") is { } ct ? ct.Split(';')[0].Trim().ToLowerInvariant() : null;

    /// <summary>Parses an HTTP message; null when the block does not start with an HTTP start line.</summary>
    /// <param name="block">The WARC record's block.</param>
    /// <param name="maxBodyBytes">Largest decoded body; a larger one is an error.</param>
    /// <param name="error">Why the body could not be decoded, when it could not.</param>
    public static HttpPayload? Parse(byte[] block, int maxBodyBytes, out string? error)
    {
        ArgumentNullException.ThrowIfNull(block);
        error = null;
        var headerEnd = block.AsSpan().IndexOf("\r\n\r\n"u8);
        var sepLength = 4;
        var lfEnd = block.AsSpan().IndexOf("\n\n"u8);
        if (headerEnd < 0 || (lfEnd >= 0 && lfEnd < headerEnd))
        {
            headerEnd = lfEnd;
            sepLength = 2;
        }

        if (headerEnd < 0)
        {
            headerEnd = block.Length;
            sepLength = 0;
        }

        var head = Encoding.Latin1.GetString(block, 0, headerEnd);
        var lines = head.Split('\n');
        var start = lines[0].TrimEnd('\r');
        var isResponse = start.StartsWith("HTTP/", StringComparison.Ordinal);
        var isRequest = !isResponse && start.Contains(" HTTP/", StringComparison.Ordinal);
        if (!isResponse && !isRequest)
        {
            return null;
        }

        var status = 0;
        if (isResponse)
        {
            var parts = start.Split(' ', 3);
            if (parts.Length < 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out status))
            {
                error = $"HTTP status line '{start}' has no status code";
                return null;
            }
        }

        var headers = new List<KeyValuePair<string, string>>();
        foreach (var raw in lines.Skip(1))
        {
            var line = raw.TrimEnd('\r');
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }
        }

        var bodyStart = Math.Min(block.Length, headerEnd + sepLength);
        var body = block.AsSpan(bodyStart);
        var payload = new HttpPayload { Status = status, StartLine = start, Headers = headers };
        string? warning = null;
        byte[] decoded = body.ToArray();
        if (payload.Get("Transfer-Encoding") is { } te && te.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            if (Dechunk(body, maxBodyBytes) is { } dechunked)
            {
                decoded = dechunked;
            }
            else
            {
                warning = "Transfer-Encoding says chunked but the chunk sizes do not fit the data; the body is used as sent";
            }
        }

        if (payload.Get("Content-Encoding") is { } ce && !string.IsNullOrWhiteSpace(ce) && !ce.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            var inflated = Decompress(decoded, ce.Trim().ToLowerInvariant(), maxBodyBytes, out var why);
            if (inflated is null)
            {
                error = why;
                return new HttpPayload { Status = status, StartLine = start, Headers = headers, Body = decoded, Warning = warning };
            }

            decoded = inflated;
        }

        if (decoded.Length > maxBodyBytes)
        {
            error = $"the HTTP body is {decoded.Length:N0} bytes, over the limit of {maxBodyBytes:N0}";
        }

        return new HttpPayload { Status = status, StartLine = start, Headers = headers, Body = decoded, Warning = warning };
    }

    /// <summary>Decodes a chunked body; null when the chunk sizes do not describe the data.</summary>
    internal static byte[]? Dechunk(ReadOnlySpan<byte> body, int maxBytes)
    {
        using var output = new MemoryStream();
        var pos = 0;
        while (true)
        {
            var lf = body[pos..].IndexOf((byte)'\n');
            if (lf < 0)
            {
                // Data ended without the zero-size chunk: keep what was read if anything was.
                return output.Length > 0 && pos >= body.Length ? output.ToArray() : null;
            }

            var sizeLine = Encoding.ASCII.GetString(body.Slice(pos, lf)).Trim();
            var semicolon = sizeLine.IndexOf(';', StringComparison.Ordinal);
            if (semicolon >= 0)
            {
                sizeLine = sizeLine[..semicolon].Trim();
            }

            if (sizeLine.Length is 0 or > 8 || !int.TryParse(sizeLine, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0)
            {
                return null;
            }

            pos += lf + 1;
            if (size == 0)
            {
                return output.ToArray();
            }

            if (pos + size > body.Length || output.Length + size > maxBytes)
            {
                return null;
            }

            output.Write(body.Slice(pos, size));
            pos += size;
            // Each chunk ends with CR LF.
            if (pos < body.Length && body[pos] == '\r')
            {
                pos++;
            }

            if (pos < body.Length && body[pos] == '\n')
            {
                pos++;
            }
            else if (pos < body.Length)
            {
                return null;
            }

            if (pos >= body.Length)
            {
                return output.ToArray();
            }
        }
    }

    private static byte[]? Decompress(byte[] data, string encoding, int maxBytes, out string? error)
    {
        error = null;
        try
        {
            using var input = new MemoryStream(data);
            using Stream decoder = encoding switch
            {
                "gzip" or "x-gzip" => new GZipStream(input, CompressionMode.Decompress),
                "deflate" => data.Length > 0 && (data[0] & 0x0f) == 8 ? new ZLibStream(input, CompressionMode.Decompress) : new DeflateStream(input, CompressionMode.Decompress),
                "br" => new BrotliStream(input, CompressionMode.Decompress),
                _ => throw new NotSupportedException(),
            };
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int n;
            while ((n = decoder.Read(buffer)) > 0)
            {
                if (output.Length + n > maxBytes)
                {
                    error = $"the HTTP body (Content-Encoding {encoding}) decompresses to more than {maxBytes:N0} bytes; skipped";
                    return null;
                }

                output.Write(buffer, 0, n);
            }

            return output.ToArray();
        }
        catch (NotSupportedException)
        {
            error = $"unknown Content-Encoding '{encoding}'";
            return null;
        }
        catch (InvalidDataException ex)
        {
            error = $"the HTTP body (Content-Encoding {encoding}) is not valid: {ex.Message}";
            return null;
        }
    }
}
