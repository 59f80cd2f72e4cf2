using System.Text.RegularExpressions;

namespace NetworkAnalysis.Core.Extraction.Extractors;

/// <summary>Finds plainly written e-mail addresses.</summary>
/// <remarks>The foundation slice: issue #3 adds obfuscated forms and canonicalisation.</remarks>
public sealed partial class EmailExtractor : IEntityExtractor
{
    /// <inheritdoc/>
    public string Name => "email-basic";

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]{1,64}@[A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63})*\.[A-Za-z]{2,24}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Email();

    /// <inheritdoc/>
    public void Extract(ExtractionInput input, ICollection<Mention> entities, ICollection<AttributeMention> attributes)
    {
        foreach (Match m in Email().Matches(input.Text))
        {
            entities.Add(new Mention(EntityType.Email, m.Value.ToLowerInvariant(), m.Value, m.Index, m.Index + m.Length, 0.95, Name));
        }
    }
}
