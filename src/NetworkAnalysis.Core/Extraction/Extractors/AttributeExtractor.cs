namespace NetworkAnalysis.Core.Extraction.Extractors;

/// <summary>Finds evidence that describes an ad but never links on its own: stated age, prices and rates, names
/// used, cities named, and "new in town" style phrases.</summary>
/// <remarks>Adds only to the attribute sink. One linear pass (<see cref="AttributeScanner"/>) plus the city lookup.</remarks>
public sealed class AttributeExtractor : IEntityExtractor
{
    /// <inheritdoc/>
    public string Name => "attribute";

    /// <inheritdoc/>
    public void Extract(ExtractionInput input, ICollection<Mention> entities, ICollection<AttributeMention> attributes)
    {
        var found = new List<AttributeMention>();
        AttributeScanner.Find(input, found);
        Cities.Find(input, found);
        foreach (var attribute in found)
        {
            attributes.Add(attribute);
        }
    }
}
