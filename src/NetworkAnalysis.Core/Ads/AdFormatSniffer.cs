using System.IO.Compression;
using System.Text;
using NetworkAnalysis.Core.Ads.Warc;

namespace NetworkAnalysis.Core.Ads;

/// <summary>Recognises an input file's format from its first bytes, falling back to its name only when the bytes do not say.</summary>
public static class AdFormatSniffer
{
    private const int HeadBytes = 8192;

    /// <summary>The format of the file, or null when neither its content nor its name says.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static AdInputFormat? Detect(string path)
    {
        var head = new byte[HeadBytes];
        int n;
        using (var stream = File.OpenRead(path))
        {
            n = stream.ReadAtLeast(head, HeadBytes, throwOnEndOfStream: false);
        }

        return Detect(head.AsSpan(0, n), path);
    }

    /// <summary>The format of content starting with <paramref name="head"/>; <paramref name="path"/>'s extension breaks ties.</summary>
    public static AdInputFormat? Detect(ReadOnlySpan<byte> head, string path)
    {
        if (WarcReader.IsGzip(head))
        {
            return WarcReader.LooksLikeWarc(Gunzip(head)) ? AdInputFormat.Warc : null;
        }

        if (WarcReader.LooksLikeWarc(head))
        {
            return AdInputFormat.Warc;
        }

        if (head.StartsWith("PK\x03\x04"u8))
        {
            return AdInputFormat.Xlsx;
        }

        var text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (text.StartsWith('{'))
        {
            var firstLine = text.Split('\n')[0];
            return firstLine.Contains("\"raw_content\"", StringComparison.Ordinal) ? AdInputFormat.CrawlRecords : AdInputFormat.JsonLines;
        }

        if (text.StartsWith('<') && (text.Contains("<html", StringComparison.OrdinalIgnoreCase) || text.StartsWith("<!doctype", StringComparison.OrdinalIgnoreCase)
            || text.Contains("<body", StringComparison.OrdinalIgnoreCase) || text.Contains("<div", StringComparison.OrdinalIgnoreCase)))
        {
            return AdInputFormat.Html;
        }

        var byName = AdReader.DetectFormat(path);
        if (byName is not null)
        {
            return byName;
        }

        var header = text.Split('\n')[0];
        return header.Contains('\t', StringComparison.Ordinal) ? AdInputFormat.Tsv
            : header.Contains(',', StringComparison.Ordinal) ? AdInputFormat.Csv
            : null;
    }

    private static byte[] Gunzip(ReadOnlySpan<byte> head)
    {
        try
        {
            using var gz = new GZipStream(new MemoryStream(head.ToArray()), CompressionMode.Decompress);
            var buffer = new byte[16];
            var n = gz.ReadAtLeast(buffer, 16, throwOnEndOfStream: false);
            return buffer[..n];
        }
        catch (InvalidDataException)
        {
            return [];
        }
    }
}
