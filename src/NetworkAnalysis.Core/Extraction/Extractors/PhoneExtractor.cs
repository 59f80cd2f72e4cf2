using System.Text;
using System.Text.RegularExpressions;

namespace NetworkAnalysis.Core.Extraction.Extractors;

/// <summary>Finds North American (NANP) phone numbers written with common separators.</summary>
/// <remarks>The foundation slice: issue #3 replaces this with numbering-plan validation and de-obfuscation.</remarks>
public sealed partial class PhoneExtractor : IEntityExtractor
{
    /// <inheritdoc/>
    public string Name => "phone-basic";

    [GeneratedRegex(@"(?<![\d+])(?:\+?1[\s.\-]?)?\(?([2-9]\d{2})\)?[\s.\-]{0,3}(\d{3})[\s.\-]{0,3}(\d{4})(?!\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Nanp();

    /// <inheritdoc/>
    public void Extract(ExtractionInput input, ICollection<Mention> entities, ICollection<AttributeMention> attributes)
    {
        foreach (Match m in Nanp().Matches(input.Text))
        {
            var exchange = m.Groups[2].Value;
            if (exchange[0] is '0' or '1')
            {
                continue;
            }

            var value = new StringBuilder("+1", 12).Append(m.Groups[1].Value).Append(exchange).Append(m.Groups[3].Value).ToString();
            entities.Add(new Mention(EntityType.Phone, value, m.Value, m.Index, m.Index + m.Length, 0.9, Name));
        }
    }
}
