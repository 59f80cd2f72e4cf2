using System.Text.RegularExpressions;

namespace NetworkAnalysis.Core.Extraction.Extractors;

/// <summary>Finds evidence that describes an ad but never links on its own: stated age, prices and rates, names
/// used, cities named, and "new in town" style phrases.</summary>
/// <remarks>Adds only to the attribute sink. Patterns are source-generated, linear and time-limited.</remarks>
public sealed partial class AttributeExtractor : IEntityExtractor
{
    private const int TimeoutMs = 250;

    /// <inheritdoc/>
    public string Name => "attribute";

    [GeneratedRegex(@"\b(?<age>[1-6][0-9])\s?(?:yo|y/o|y\.o\.?|yrs?(?: old)?|years? old)\b|\bage\s?[:=-]?\s?(?<age>[1-6][0-9])\b|\bi'?\s?a?m\s(?<age>[1-6][0-9])\b(?!\s?(?:min|hr|h|mins|\$|%|roses))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeoutMs)]
    private static partial Regex Age();

    [GeneratedRegex(@"(?<![\w$])\$\s?(?<p>[1-9][0-9]{1,3}(?:,[0-9]{3})?)(?![0-9,])|(?<![\w.])(?<p>[1-9][0-9]{1,3})\s?(?:\$|usd\b|dollars\b|bucks\b|roses\b|rozes\b|donation\b|hh\b|/hr\b|/hh\b|hr\b|qv\b|fs\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeoutMs)]
    private static partial Regex Price();

    [GeneratedRegex(@"\b(?i:ask for|my name is|name'?s|call me|i'?m|it'?s|this is)\s(?<n>[A-Z][a-z]{1,14})\b", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeoutMs)]
    private static partial Regex PersonName();

    [GeneratedRegex(@"\b(?:new in town|new to (?:town|the area|the city)|just arrived|recently arrived|just got (?:here|in)|in town (?:for|until|till|this week)|visiting(?: for| from| this)?|last (?:night|day) in town|leaving (?:soon|tomorrow)|only here (?:for|until|till)|first time (?:here|in town)|new girl|brand new|limited time)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex Phrase();

    /// <inheritdoc/>
    public void Extract(ExtractionInput input, ICollection<Mention> entities, ICollection<AttributeMention> attributes)
    {
        var text = input.Normalised.Text;
        try
        {
            foreach (Match m in Age().Matches(text))
            {
                Add(input, attributes, AttributeKind.Age, m.Groups["age"].Value, m);
            }

            foreach (Match m in Price().Matches(text))
            {
                Add(input, attributes, AttributeKind.Price, m.Groups["p"].Value.Replace(",", "", StringComparison.Ordinal), m);
            }

            foreach (Match m in PersonName().Matches(text))
            {
                var name = m.Groups["n"].Value;
                if (!Cities.IsNotName(name))
                {
                    Add(input, attributes, AttributeKind.Name, name, m);
                }
            }

            foreach (Match m in Phrase().Matches(text))
            {
                Add(input, attributes, AttributeKind.Phrase, m.Value.ToLowerInvariant(), m);
            }

            Cities.Find(input, attributes);
        }
        catch (RegexMatchTimeoutException)
        {
            // Hostile input: keep what was found so far.
        }
    }

    private static void Add(ExtractionInput input, ICollection<AttributeMention> attributes, AttributeKind kind, string value, Match m)
    {
        if (m.Length > 0)
        {
            attributes.Add(input.Attribute(kind, value, m.Index, m.Index + m.Length));
        }
    }
}
