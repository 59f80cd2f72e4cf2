using NetworkAnalysis.Core.Ads;
using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Imaging;

namespace NetworkAnalysis.Storage;

public sealed partial class CaseIngestor
{
    /// <summary>An ingestor whose read-and-extract stage feeds a writer into another store (<see cref="Postgres.PostgresIngestWriter"/>):
    /// the same extraction, image hashing and rows as <see cref="Ingest"/>; it has no case file, so <see cref="Ingest"/> is not for it.</summary>
    internal CaseIngestor(EntityExtractor? extractor, bool extractOnly)
    {
        _ = extractOnly;
        _store = null!;
        _extractor = extractor ?? new EntityExtractor();
    }

    /// <summary>Starts reading <paramref name="path"/>: image paths resolve relative to it, and one image named by many ads is hashed once.</summary>
    internal void BeginFile(string path)
    {
        _imagePaths = new ImagePathResolver(path);
        _imageHashes = new(StringComparer.Ordinal);
    }

    /// <summary>Extracts a batch on all cores, in input order (null for a malformed row): what <see cref="Ingest"/> stores.</summary>
    internal Extracted?[] ExtractBatch(List<AdReadItem> batch) => ExtractAll(batch);

    /// <summary>The stored name of an attribute kind.</summary>
    internal static string AttributeKindName(AttributeKind kind) => AttributeKindNames[kind];
}
