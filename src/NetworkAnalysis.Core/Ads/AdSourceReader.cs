using System.Text;
using NetworkAnalysis.Core.Ads.Html;

namespace NetworkAnalysis.Core.Ads;

/// <summary>Reads ads from one input file of any <see cref="AdInputFormat"/>: rows, pages, crawls and workbooks alike.</summary>
/// <remarks>
/// Each format yields the same stream of <see cref="AdReadItem"/>s (an ad or an error with where it was), in a fixed
/// order, so skipping the first N items resumes an interrupted ingest exactly.
/// </remarks>
public sealed partial class AdSourceReader
{
    private readonly AdReaderOptions _options;
    private readonly HtmlAdExtractor _html;

    /// <summary>Creates a reader.</summary>
    /// <param name="options">Row reader options (field map, defaults, limits).</param>
    /// <param name="profiles">Site profiles for pages; the built-in ones by default.</param>
    public AdSourceReader(AdReaderOptions? options = null, SiteProfiles? profiles = null)
    {
        _options = options ?? new AdReaderOptions();
        _html = new HtmlAdExtractor(profiles);
    }

    /// <summary>Sheet to read from a workbook (name); null for the first.</summary>
    public string? Sheet { get; init; }

    /// <summary>Records of a crawl that became neither an ad nor an error (requests, metadata, revisits, non-ad pages), by reason.</summary>
    public Dictionary<string, long> Skipped { get; } = new(StringComparer.Ordinal);

    /// <summary>The photos whose bytes the last crawl read held, by canonical URL (filled once <see cref="Read"/> has been enumerated).</summary>
    /// <remarks>Every image response of a WARC, embedded by one of its pages or not: an ad read earlier or later that knows a photo
    /// only by URL is linked to its hash through this map.</remarks>
    public IReadOnlyDictionary<string, Imaging.ImageHashResult> Photos => _photos;

    private readonly Dictionary<string, Imaging.ImageHashResult> _photos = new(StringComparer.Ordinal);

    /// <summary>Reads every ad of <paramref name="stream"/>.</summary>
    /// <param name="stream">The file's bytes (seekable for WARC and XLSX).</param>
    /// <param name="path">The file's path: names errors, and is where saved pages' photos are looked up relative to.</param>
    /// <param name="format">The format.</param>
    /// <param name="skipRows">Items to skip first (resume).</param>
    public IEnumerable<AdReadItem> Read(Stream stream, string path, AdInputFormat format, long skipRows = 0)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var items = format switch
        {
            AdInputFormat.Csv or AdInputFormat.Tsv or AdInputFormat.JsonLines =>
                new AdReader(_options).Read(new StreamReader(stream, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true), format, path, skipRows),
            AdInputFormat.Html => Skip(ReadPage(stream, path), skipRows),
            AdInputFormat.Warc => Skip(ReadWarc(stream, path), skipRows),
            AdInputFormat.CrawlRecords => Skip(ReadCrawlRecords(stream, path), skipRows),
            AdInputFormat.Xlsx => new AdReader(_options).ReadSheet(ReadWorkbook(stream, path), path, skipRows),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown input format"),
        };
        return items;
    }

    private static IEnumerable<AdReadItem> Skip(IEnumerable<AdReadItem> items, long skipRows) => skipRows > 0 ? items.Skip((int)Math.Min(skipRows, int.MaxValue)) : items;

    private void Count(string reason) => Skipped[reason] = Skipped.GetValueOrDefault(reason) + 1;

    private IEnumerable<AdReadItem> ReadPage(Stream stream, string path)
    {
        var limit = _html.MaxPageChars;
        using var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        int n;
        while ((n = stream.Read(chunk)) > 0)
        {
            if (buffer.Length + n > limit)
            {
                yield return Fail(path, 1, $"the page is over the limit of {limit:N0} bytes; skipped");
                yield break;
            }

            buffer.Write(chunk, 0, n);
        }

        var html = HtmlText.Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), null);
        var result = _html.Extract(html, null, Path.GetFileNameWithoutExtension(path));
        if (result.Ad is null)
        {
            yield return Fail(path, 1, result.Error ?? "no ad on the page");
            yield break;
        }

        // Photos saved beside the page (browser "save page": name_files/photo.jpg) are hashed from the file; others are URLs.
        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        var files = new List<string>();
        var urls = new List<string>();
        foreach (var photo in result.Photos)
        {
            var canonical = PhotoUrls.Canonical(photo, _html.Profiles.All);
            if (canonical is not null)
            {
                urls.Add(canonical);
            }
            else if (!photo.Contains("://", StringComparison.Ordinal) && !photo.StartsWith('/')
                && File.Exists(Path.Combine(folder, Uri.UnescapeDataString(photo.Split('?', '#')[0]))))
            {
                files.Add(Uri.UnescapeDataString(photo.Split('?', '#')[0]));
            }
        }

        yield return new AdReadItem(result.Ad with { Images = files, ImageUrls = urls.Distinct(StringComparer.Ordinal).ToList(), Line = 1 }, null);
    }

    private static AdReadItem Fail(string file, int line, string message) => new(null, new AdReadError(file, line, null, message));
}
