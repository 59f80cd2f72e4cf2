namespace NetworkAnalysis.Core.Extraction;

/// <summary>Finds one family of identifiers in an ad's text.</summary>
/// <remarks>Implementations are stateless and thread-safe; they must never throw on any input.</remarks>
public interface IEntityExtractor
{
    /// <summary>Short stable name recorded with each mention.</summary>
    string Name { get; }

    /// <summary>Adds what this extractor finds in <paramref name="input"/> to the sinks.</summary>
    void Extract(ExtractionInput input, ICollection<Mention> entities, ICollection<AttributeMention> attributes);
}
