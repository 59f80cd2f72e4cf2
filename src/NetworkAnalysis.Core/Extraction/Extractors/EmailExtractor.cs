namespace NetworkAnalysis.Core.Extraction.Extractors;

/// <summary>Finds e-mail addresses, plain and obfuscated, and reports their canonical linking form.</summary>
/// <remarks>
/// Obfuscations read: " at ", "(at)", "[at]", spaced "@", "dot", "(dot)", HTML entities (decoded by the normaliser).
/// The value is lower case with Gmail dots and +tags removed; <see cref="Mention.Raw"/> keeps the text as written.
/// </remarks>
public sealed class EmailExtractor : IEntityExtractor
{
    /// <inheritdoc/>
    public string Name => "email";

    /// <inheritdoc/>
    public void Extract(ExtractionInput input, ICollection<Mention> entities, ICollection<AttributeMention> attributes)
    {
        foreach (var hit in input.Emails)
        {
            entities.Add(input.Mention(EntityType.Email, hit.Canonical, hit.Start, hit.End, hit.Obfuscated ? 0.85 : 0.97, Name));
        }
    }
}
