using NetworkAnalysis.Core.Extraction.Extractors;

namespace NetworkAnalysis.Core.Extraction;

/// <summary>The one entry point for extraction: runs every extractor over an ad's text.</summary>
/// <remarks>
/// Thread-safe. The text is normalised once and shared by all extractors. Output order is deterministic: by start
/// offset, then type, then value. Duplicates (same type and value over overlapping spans) are merged, keeping the
/// most confident, and a phone number inside an e-mail address or crypto address is dropped.
/// </remarks>
public sealed partial class EntityExtractor
{
    private readonly IReadOnlyList<IEntityExtractor> _extractors;

    /// <summary>Creates an extractor with the default set of identifier and attribute extractors.</summary>
    public EntityExtractor()
        : this(DefaultExtractors())
    {
    }

    /// <summary>Creates an extractor over the given extractors.</summary>
    public EntityExtractor(IReadOnlyList<IEntityExtractor> extractors) => _extractors = extractors;

    /// <summary>The default extractors, in the order they run.</summary>
    public static IReadOnlyList<IEntityExtractor> DefaultExtractors() =>
    [
        new PhoneExtractor(), new EmailExtractor(), new CryptoExtractor(), new CashtagExtractor(), new HandleExtractor(),
        new UrlExtractor(), new AttributeExtractor(),
    ];

    /// <summary>Extracts identifiers and attributes from <paramref name="text"/>.</summary>
    /// <param name="text">The original ad text (see <see cref="Ads.Ad.Text"/>).</param>
    /// <param name="defaultCountry">Region for numbers written without a country code.</param>
    public ExtractionResult Extract(string text, string? defaultCountry)
    {
        var input = new ExtractionInput(text ?? "", defaultCountry);
        var entities = new List<Mention>();
        var attributes = new List<AttributeMention>();
        foreach (var extractor in _extractors)
        {
            extractor.Extract(input, entities, attributes);
        }

        entities.Sort(static (a, b) =>
        {
            var c = a.Start.CompareTo(b.Start);
            if (c != 0) return c;
            c = a.Type.CompareTo(b.Type);
            if (c != 0) return c;
            c = string.CompareOrdinal(a.Value, b.Value);
            return c != 0 ? c : b.Confidence.CompareTo(a.Confidence);
        });
        attributes.Sort(static (a, b) =>
        {
            var c = a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Kind.CompareTo(b.Kind);
            return c != 0 ? c : string.CompareOrdinal(a.Value, b.Value);
        });
        return new ExtractionResult(Resolve(entities), attributes);
    }
}
