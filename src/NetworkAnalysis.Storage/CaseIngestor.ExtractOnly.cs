using NetworkAnalysis.Core.Ads;
using NetworkAnalysis.Core.Imaging;

namespace NetworkAnalysis.Storage;

public sealed partial class CaseIngestor
{
    /// <summary>Reads and extracts a file exactly as <see cref="Ingest"/> does (same reader, same batches, extraction on all
    /// cores) but stores nothing: the floor an ingest's store half is measured against (<c>netan bench --floors</c>).</summary>
    /// <param name="path">An input file of any <see cref="AdInputFormat"/>.</param>
    /// <param name="options">Options (format, reader, batch size).</param>
    /// <returns>The ads read and the mentions extracted from them.</returns>
    /// <exception cref="CaseStoreException">The file is missing or its format unknown.</exception>
    public (long Ads, long Mentions) ReadAndExtract(string path, IngestOptions? options = null)
    {
        options ??= new IngestOptions();
        if (!File.Exists(path))
        {
            throw new CaseStoreException($"input file not found: {path}");
        }

        var format = options.Format ?? AdFormatSniffer.Detect(path)
            ?? throw new CaseStoreException($"{path}: unknown input format (expected CSV, TSV, JSON Lines, crawl records, HTML, WARC or XLSX; or pass --format)");
        _imagePaths = new ImagePathResolver(path);
        _imageHashes = new(StringComparer.Ordinal);
        var reader = new AdSourceReader(options.Reader, options.Profiles) { Sheet = options.Sheet };
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        long ads = 0, mentions = 0;
        var batchSize = options.AdsPerTransaction(0);
        var batch = new List<AdReadItem>(batchSize);
        void Flush()
        {
            foreach (var extracted in ExtractAll(batch))
            {
                if (extracted is not null)
                {
                    ads++;
                    mentions += extracted.Entities.Count;
                }
            }

            batch.Clear();
        }

        foreach (var item in reader.Read(stream, path, format))
        {
            batch.Add(item);
            if (batch.Count >= batchSize)
            {
                Flush();
                batchSize = options.AdsPerTransaction(ads);
            }
        }

        Flush();
        return (ads, mentions);
    }
}
